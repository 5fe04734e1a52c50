import { DateScalar, CacheHint, entityRows } from "@camau/shared";
import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";
import { AdministrativeLevel } from "../domain/enums";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Sector } from "../entities/Sector";
import { VsicSectorMapping } from "../entities/VsicSectorMapping";
import { RegistryContext } from "../context";

/** Reference data: small, bounded lists (a province's units, a dozen sectors), so plain lists. */
@Resolver()
export class ReferenceDataResolver {
  @Directive(CacheHint.reference)
  @Query(() => [AdministrativeUnit], { description: "Administrative units valid on a date (default today), optionally of one level or under one parent." })
  administrativeUnits(
    @Arg("level", () => AdministrativeLevel, { nullable: true, description: "Only units of this level." }) level: AdministrativeLevel | null,
    @Arg("parentCode", () => String, { nullable: true, description: "Only units directly under this parent code." }) parentCode: string | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Date the units must be valid on (default today). Use 2021-06-30 for the pre-2025 tree." }) asOf: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<AdministrativeUnit[]> {
    // A constant text per combination of filters (entityRows: no query builder per request).
    const parameters: unknown[] = [asOf];
    let where = "u.valid_from <= coalesce($1::date, current_date) AND (u.valid_to IS NULL OR u.valid_to >= coalesce($1::date, current_date))";
    if (level) where += ` AND u.level = $${parameters.push(level)}`;
    if (parentCode) where += ` AND u.parent_code = $${parameters.push(parentCode)}`;
    return entityRows(ctx.dataSource, AdministrativeUnit).query("u", `FROM administrative_unit u WHERE ${where} ORDER BY u.code`, parameters);
  }

  @Directive(CacheHint.reference)
  @Query(() => [Sector], { description: "Statistical sectors in report order." })
  sectors(@Ctx() ctx: RegistryContext): Promise<Sector[]> {
    return entityRows(ctx.dataSource, Sector).query("s", "FROM sector s ORDER BY s.sort_order", []);
  }

  @Directive(CacheHint.reference)
  @Query(() => [VsicSectorMapping], { description: "The VSIC-prefix-to-sector mapping (longest prefix wins)." })
  vsicSectorMappings(@Ctx() ctx: RegistryContext): Promise<VsicSectorMapping[]> {
    return ctx.dataSource.getRepository(VsicSectorMapping).find({ order: { vsicPrefix: "ASC" } });
  }
}
