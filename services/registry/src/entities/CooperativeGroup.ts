import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { DateScalar, Node, SearchRankColumn, CacheHint } from "@camau/shared";
import { GroupStatus } from "../domain/enums";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A cooperative group (tổ hợp tác, THT): a cooperation contract of at least 2 members, certified by the commune People's Committee.", implements: Node })
@Entity("cooperative_group")
export class CooperativeGroup {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Name of the group (tên tổ hợp tác)." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field({ description: "Code of the commune that certified the contract (mã xã)." })
  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Column({ name: "sector_code", type: "varchar", length: 40 })
  sectorCode: string;

  @Field(() => DateScalar, { description: "Date the cooperation contract was signed (ngày thành lập)." })
  @Column({ name: "founded_on", type: "date" })
  foundedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Date the commune People's Committee certified it (ngày chứng thực)." })
  @Column({ name: "certified_on", type: "date", nullable: true })
  certifiedOn: string | null;

  @Field(() => GroupStatus, { description: "Whether the group operates." })
  @Column({ type: "varchar", length: 20 })
  status: GroupStatus;

  @Field(() => DateScalar, { nullable: true, description: "Date the group ended (ngày chấm dứt); null while operating." })
  @Column({ name: "dissolved_on", type: "date", nullable: true })
  dissolvedOn: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency." })
  @VersionColumn()
  version: number;

  /** Relevance to the search being answered (smaller is better); only set by a search. */
  @SearchRankColumn()
  searchRank?: number | null;
}
