import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { bigintTransformer, DateScalar, MoneyScalar } from "@camau/shared";
import { GoverningLaw, LegalStatus } from "../domain/enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives." })
@Entity("cooperative")
export class Cooperative {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Cooperative code (mã số HTX): 10 digits, also its tax code." })
  @Column({ type: "char", length: 10, unique: true })
  code: string;

  @Field({ description: "Registered Vietnamese name (tên HTX)." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => String, { nullable: true, description: "Name in a foreign language (tên bằng tiếng nước ngoài)." })
  @Column({ name: "foreign_name", type: "varchar", length: 255, nullable: true })
  foreignName: string | null;

  @Field(() => String, { nullable: true, description: "Abbreviated name (tên viết tắt)." })
  @Column({ type: "varchar", length: 100, nullable: true })
  abbreviation: string | null;

  @Field(() => LegalStatus, { description: "Current legal status (tình trạng pháp lý)." })
  @Column({ type: "varchar", length: 20 })
  status: LegalStatus;

  @Field(() => DateScalar, { description: "Date the current legal status took effect." })
  @Column({ name: "status_since", type: "date" })
  statusSince: string;

  @Field(() => DateScalar, { description: "Founding (registration) date (ngày thành lập)." })
  @Column({ name: "founded_on", type: "date" })
  foundedOn: string;

  @Field(() => GoverningLaw, { description: "Law on Cooperatives the registration follows." })
  @Column({ name: "governing_law", type: "varchar", length: 10 })
  governingLaw: GoverningLaw;

  @Column({ name: "sector_code", type: "varchar", length: 40 })
  sectorCode: string;

  @Field(() => [String], { description: "Business lines as VSIC codes (ngành nghề kinh doanh, mã VSIC)." })
  @Column({ name: "business_lines", type: "varchar", length: 10, array: true, default: () => "'{}'" })
  businessLines: string[];

  @Column({ type: "varchar", length: 255, nullable: true })
  street: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Column({ name: "address_code_system", type: "varchar", length: 20, default: "PRE_2025" })
  addressCodeSystem: string;

  @Field(() => MoneyScalar, { description: "Charter capital in đồng (vốn điều lệ)." })
  @Column({ name: "charter_capital", type: "bigint", transformer: bigintTransformer })
  charterCapital: number;

  @Field({ description: "Name of the legal representative (người đại diện theo pháp luật)." })
  @Column({ name: "legal_representative", type: "varchar", length: 255 })
  legalRepresentative: string;

  @Field({ description: "Whether it is a new-model cooperative linked to a product value chain (HTX kiểu mới)." })
  @Column({ name: "is_new_model", type: "boolean", default: false })
  isNewModel: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Date it was admitted to the provincial Cooperative Alliance (ngày kết nạp Liên minh HTX); null if not a member." })
  @Column({ name: "alliance_joined_on", type: "date", nullable: true })
  allianceJoinedOn: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when updating." })
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
