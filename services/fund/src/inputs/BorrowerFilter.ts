import { communeFilterSql } from "@camau/shared";
import { ArrayMaxSize, IsOptional, IsUUID, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { SelectQueryBuilder } from "typeorm";

/**
 * The conditions loans and applications share: who borrows, which product, and the borrower's
 * sector and place as the registry gave them when the application was submitted (the borrower
 * snapshot, the same columns in both tables). Places follow the province's one rule across the
 * 2025 reform (shared reference/areas: a new commune also finds its predecessors' records).
 */
// Never a type of its own in the schema: no field takes it, only its subclasses.
@InputType("BorrowerFilter")
export abstract class BorrowerFilter {
  @Field(() => [ID], { nullable: true, description: "Borrowing (applying) cooperatives." })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID("all", { each: true })
  cooperativeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Loan products." })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID("all", { each: true })
  productIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Borrower's sector codes (as at application), e.g. ['FISHERIES']." })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z_]{1,40}$/, { each: true, message: "each sector code is upper-case letters and underscores" })
  sectorCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Borrower's district codes (mã huyện) of the pre-2025 tree (as at application), e.g. ['970']: history; borrowers whose address was recorded since 2025-07-01 have no district." })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^\d{2,5}$/, { each: true, message: "each district code is 2–5 digits" })
  districtCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Borrower's commune codes (mã xã, as at application). A new commune-level unit (since 2025-07-01) also finds the records of borrowers registered under each old commune that became (part of) it; an old commune split between new units is found under each of them. An old commune's code finds those registered under it. An unknown code finds nothing." })
  @IsOptional()
  @ArrayMaxSize(200)
  @Matches(/^\d{2,5}$/, { each: true, message: "each commune code is 2–5 digits" })
  communeCodes?: string[] | null;
}

/** Adds the shared conditions to a query of loans or applications (alias `alias`). */
export function whereBorrower<T extends object>(qb: SelectQueryBuilder<T>, alias: string, f: BorrowerFilter): SelectQueryBuilder<T> {
  if (f.cooperativeIds?.length) qb.andWhere(`${alias}.cooperative_id IN (:...cooperativeIds)`, { cooperativeIds: f.cooperativeIds.map((id) => id.toLowerCase()) });
  if (f.productIds?.length) qb.andWhere(`${alias}.product_id IN (:...productIds)`, { productIds: f.productIds.map((id) => id.toLowerCase()) });
  if (f.sectorCodes?.length) qb.andWhere(`${alias}.borrower_sector_code IN (:...sectorCodes)`, { sectorCodes: f.sectorCodes });
  if (f.districtCodes?.length) qb.andWhere(`${alias}.borrower_district_code IN (:...districtCodes)`, { districtCodes: f.districtCodes });
  if (f.communeCodes?.length) {
    const communes = communeFilterSql({ district: `${alias}.borrower_district_code`, commune: `${alias}.borrower_commune_code` }, f.communeCodes);
    qb.andWhere(communes.sql, communes.params);
  }
  return qb;
}
