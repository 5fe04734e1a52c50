import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { bigintTransformer, DateScalar, MoneyScalar } from "@camau/shared";
import { GoverningLaw, LegalStatus } from "../domain/enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A union of cooperatives (liên hiệp hợp tác xã): formed by at least 3 cooperatives (4 under the 2012 law)." })
@Entity("cooperative_union")
export class CooperativeUnion {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Union code (mã số liên hiệp HTX): 10 digits, also its tax code." })
  @Column({ type: "char", length: 10, unique: true })
  code: string;

  @Field({ description: "Registered Vietnamese name." })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => String, { nullable: true, description: "Name in a foreign language." })
  @Column({ name: "foreign_name", type: "varchar", length: 255, nullable: true })
  foreignName: string | null;

  @Field(() => String, { nullable: true, description: "Abbreviated name." })
  @Column({ type: "varchar", length: 100, nullable: true })
  abbreviation: string | null;

  @Field(() => LegalStatus, { description: "Current legal status." })
  @Column({ type: "varchar", length: 20 })
  status: LegalStatus;

  @Field(() => DateScalar, { description: "Date the current legal status took effect." })
  @Column({ name: "status_since", type: "date" })
  statusSince: string;

  @Field(() => DateScalar, { description: "Founding (registration) date." })
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

  @Field({ description: "Name of the legal representative." })
  @Column({ name: "legal_representative", type: "varchar", length: 255 })
  legalRepresentative: string;

  @Field(() => Int, { description: "Version for optimistic concurrency." })
  @VersionColumn()
  version: number;
}
