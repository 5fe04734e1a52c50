import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { bigintTransformer, DateScalar, MoneyScalar } from "@camau/shared";
import { GoverningLaw, LegalStatus } from "../domain/enums";

/**
 * Registration data a cooperative and a union of cooperatives both carry (the law registers
 * them alike). Not a table: each subclass maps these columns into its own table.
 */
@ObjectType({ description: "Registration data shared by cooperatives and unions (not exposed: only its subclasses are types of the API)." })
export abstract class RegisteredOrganisation {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Registration code (mã số HTX, mã số liên hiệp HTX): 10 digits, also its tax code." })
  @Column({ type: "char", length: 10, unique: true })
  code: string;

  @Field({ description: "Registered Vietnamese name (tên đăng ký)." })
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

  @Field(() => Int, { description: "Version for optimistic concurrency: pass it back when updating." })
  @VersionColumn()
  version: number;
}
