import { Directive, Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { DateScalar, Node, SearchRankColumn, CacheHint } from "@camau/shared";
import { RegisteredOrganisation } from "./RegisteredOrganisation";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives.", implements: Node })
@Entity("cooperative")
export class Cooperative extends RegisteredOrganisation {
  @Column({ name: "sector_code", type: "varchar", length: 40 })
  sectorCode: string;

  @Field(() => [String], { description: "Business lines as VSIC codes (ngành nghề kinh doanh, mã VSIC)." })
  @Column({ name: "business_lines", type: "varchar", length: 10, array: true, default: () => "'{}'" })
  businessLines: string[];

  @Field({ description: "Whether it is a new-model cooperative linked to a product value chain (HTX kiểu mới)." })
  @Column({ name: "is_new_model", type: "boolean", default: false })
  isNewModel: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Date it was admitted to the provincial Cooperative Alliance (ngày kết nạp Liên minh HTX); null if not a member." })
  @Column({ name: "alliance_joined_on", type: "date", nullable: true })
  allianceJoinedOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  /** Relevance to the search being answered (smaller is better); only set by a search. */
  @SearchRankColumn()
  searchRank?: number | null;
}
