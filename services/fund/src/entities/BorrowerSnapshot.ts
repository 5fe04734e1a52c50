import { DateTimeScalar } from "@camau/shared";
import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/**
 * What the fund knows about a borrower from the registry, copied when the application was
 * submitted (the fund never joins the registry's database). Portfolio breakdowns by sector and
 * district and the filters by place read these columns. See shared/src/clients/CooperativeDirectory.ts for the design.
 */
@ObjectType({ description: "The borrower's sector, district and commune as the cooperative registry gave them when the application was submitted (thông tin HTX tại thời điểm nộp hồ sơ)." })
export class BorrowerSnapshot {
  @Field({ description: "Sector code, e.g. FISHERIES (mã lĩnh vực)." })
  @Column({ name: "borrower_sector_code", type: "varchar", length: 40 })
  sectorCode: string;

  @Field({ description: "Sector name, e.g. Thủy sản (lĩnh vực)." })
  @Column({ name: "borrower_sector_name", type: "varchar", length: 255 })
  sectorName: string;

  @Field(() => String, { nullable: true, description: "District code of the head office in the pre-2025 tree, e.g. 970 (mã huyện); null for addresses under the two-level system." })
  @Column({ name: "borrower_district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => String, { nullable: true, description: "District name, e.g. Huyện Đầm Dơi (huyện)." })
  @Column({ name: "borrower_district_name", type: "varchar", length: 255, nullable: true })
  districtName: string | null;

  @Field(() => String, { nullable: true, description: "Commune code of the head office (mã xã): of the pre-2025 tree when there is a district, else of the units since 2025-07-01; null when the fund does not know it." })
  @Column({ name: "borrower_commune_code", type: "varchar", length: 10, nullable: true })
  communeCode: string | null;

  @Field(() => String, { nullable: true, description: "Commune name, e.g. Xã Tân Thuận (xã, phường)." })
  @Column({ name: "borrower_commune_name", type: "varchar", length: 255, nullable: true })
  communeName: string | null;

  @Field(() => DateTimeScalar, { description: "When the snapshot was taken from the registry." })
  @Column({ name: "borrower_snapshot_at", type: "timestamptz" })
  takenAt: Date;
}
