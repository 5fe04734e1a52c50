import { Node, CacheHint } from "@camau/shared";
import { Directive, ObjectType } from "type-graphql";
import { Entity } from "typeorm";
import { RegisteredOrganisation } from "./RegisteredOrganisation";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A union of cooperatives (liên hiệp hợp tác xã): formed by at least 3 cooperatives (4 under the 2012 law).", implements: Node })
@Entity("cooperative_union")
export class CooperativeUnion extends RegisteredOrganisation {}
