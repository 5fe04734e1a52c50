import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { DateTimeScalar, Node, SearchRankColumn, CacheHint } from "@camau/shared";
import { MarkKind, OcopProductGroup } from "../domain/enums";

@Directive('@key(fields: "id")')
@Directive(CacheHint.public)
@ObjectType({ description: "A product (sản phẩm) a cooperative makes and sells, with its OCOP ratings (sản phẩm OCOP) and brand.", implements: Node })
@Entity("product")
@Index(["cooperativeId"])
export class Product {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The cooperative that makes it (an id of the registry, not checked there). */
  @Column({ name: "cooperative_id", type: "uuid" })
  cooperativeId: string;

  @Field({ description: "Product name (tên sản phẩm), e.g. 'Mật ong U Minh Hạ'." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => OcopProductGroup, { description: "OCOP product group (nhóm sản phẩm OCOP)." })
  @Column({ name: "product_group", type: "varchar", length: 40 })
  productGroup: OcopProductGroup;

  @Field(() => String, { nullable: true, description: "Description for buyers (mô tả sản phẩm)." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ name: "brand_name", type: "varchar", length: 255, nullable: true })
  brandName: string | null;

  @Column({ name: "mark_kind", type: "varchar", length: 30, nullable: true })
  markKind: MarkKind | null;

  @Column({ name: "mark_registration_number", type: "varchar", length: 100, nullable: true })
  markRegistrationNumber: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when updating." })
  @VersionColumn()
  version: number;

  @Field(() => DateTimeScalar, { description: "When the product was registered in the system (thời điểm đăng ký)." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Directive(CacheHint.public)
@ObjectType({ description: "The brand or mark a product is sold under (nhãn hiệu, nhãn hiệu tập thể, chỉ dẫn địa lý)." })
export class ProductBrand {
  @Field({ description: "Brand or mark as written on the packaging." })
  name: string;

  @Field(() => MarkKind, { description: "Kind of mark." })
  kind: MarkKind;

  @Field(() => String, { nullable: true, description: "Registration (certificate) number at the IP Office (số văn bằng bảo hộ), if registered." })
  registrationNumber: string | null;

  /** Relevance to the search being answered (smaller is better); only set by a search. */
  @SearchRankColumn()
  searchRank?: number | null;
}
