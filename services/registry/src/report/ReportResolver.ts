import { BadUserInputError, CacheHint, DateScalar, defaultTerritory, isGoodOrFair, OncePerRequest, placeInTerritory, reportAreaOf, RollupCell, rollupTotals, Territory, territorySql } from "@camau/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware, Directive } from "type-graphql";
import { AdministrativeLevel, Rating } from "../domain/enums";
import { RegistryContext } from "../context";
import { AreaCount, CollectiveEconomyReport, DistrictCount, RatingBreakdown, SectorCount } from "./CollectiveEconomyReport";
import { activeSnapshotIn } from "./activeSnapshot";
import { reportId } from "./reportId";
import { activeUnionsAt } from "./statusAsOf";

const sum = (cells: { total: number }[]) => cells.reduce((total, cell) => total + cell.total, 0);

/** Cells of the members' and groups' rollups are [district, commune]: those in the territory. */
const inTerritory = (cells: RollupCell[], territory: Territory) => cells.filter(({ cell: [district, commune] }) => placeInTerritory(territory, district, commune));

/**
 * A `count(*) AS n` query restricted to the report's territory: `query` gets the condition on the
 * place of the row aliased `alias`, whose parameters follow `params`.
 */
async function countInTerritory(ctx: RegistryContext, territory: Territory, alias: string, params: unknown[], query: (inPlace: string) => string): Promise<number> {
  const place = territorySql(alias, territory, params.length + 1);
  const rows: { n: string }[] = await ctx.dataSource.query(query(place.sql), [...params, ...place.params]);
  return Number(rows[0]?.n ?? 0);
}

/** Cooperatives of the territory whose date `column` falls within the report's period. */
const cooperativesWithin = (ctx: RegistryContext, r: CollectiveEconomyReport, column: "founded_on" | "alliance_joined_on") =>
  countInTerritory(ctx, r.territory, "c", [r.from, r.to], (inPlace) => `SELECT count(*) AS n FROM cooperative c WHERE c.${column} BETWEEN $1::date AND $2::date AND ${inPlace}`);

// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @Directive(CacheHint.report)
  @Query(() => CollectiveEconomyReport, { description: "The collective-economy report for a period, e.g. 2021-01-01 to 2021-06-30 for the first half of 2021." })
  collectiveEconomyReport(
    @Arg("from", () => DateScalar, { description: "First day of the period (inclusive)." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period (inclusive)." }) to: string,
    @Arg("territory", () => Territory, {
      nullable: true,
      description: "The territory to cover; by default the province as it was at the end of the period (OLD_CA_MAU when `to` is before 2025-07-01, CA_MAU otherwise).",
    })
    territory?: Territory | null,
  ): CollectiveEconomyReport {
    if (from > to) throw new BadUserInputError("from must not be after to", [{ path: "from", message: "is after to" }]);
    return { from, to, territory: territory ?? defaultTerritory(to) };
  }

  @FieldResolver(() => ID, { description: "Stable identifier made from the report's key (its period): pass it to `node(id:)` to fetch the report again." })
  id(@Root() r: CollectiveEconomyReport): string {
    return reportId(r);
  }

  @FieldResolver(() => Int, { description: "Cooperatives ACTIVE at the end of the period (số HTX)." })
  async cooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    const { groups } = await activeSnapshotIn(ctx, r.to, r.territory);
    return groups.reduce((sum, g) => sum + g.count, 0);
  }

  @FieldResolver(() => Int, { description: "Cooperative groups operating at the end of the period (số tổ hợp tác)." })
  async cooperativeGroupCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return sum(inTerritory(await rollupTotals(ctx.dataSource, "operating_groups", r.to), r.territory));
  }

  @FieldResolver(() => Int, { description: "Memberships in force at the end of the period in active cooperatives and operating groups (số thành viên)." })
  async memberCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return sum(inTerritory(await rollupTotals(ctx.dataSource, ["cooperative_members", "group_members"], r.to), r.territory));
  }

  @FieldResolver(() => Int, { description: "Unions of cooperatives active at the end of the period (số liên hiệp HTX)." })
  unionCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return countInTerritory(ctx, r.territory, "u", [r.to], (inPlace) => `SELECT count(*) AS n FROM cooperative_union u WHERE u.id IN (${activeUnionsAt("$1")}) AND ${inPlace}`);
  }

  @FieldResolver(() => Int, { description: "Member cooperatives of those unions at the end of the period (HTX thành viên của liên hiệp)." })
  unionMemberCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return countInTerritory(
      ctx,
      r.territory,
      "u",
      [r.to],
      (inPlace) => `SELECT count(DISTINCT um.cooperative_id) AS n FROM union_membership um JOIN cooperative_union u ON u.id = um.union_id
        WHERE um.union_id IN (${activeUnionsAt("$1")}) AND ${inPlace}
          AND um.joined_on <= $1::date AND (um.left_on IS NULL OR um.left_on > $1::date)`,
    );
  }

  @FieldResolver(() => Int, { description: "Cooperatives founded within the period (HTX thành lập mới)." })
  newCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return cooperativesWithin(ctx, r, "founded_on");
  }

  @FieldResolver(() => Int, { description: "Cooperatives dissolved within the period (HTX giải thể)." })
  dissolvedCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return countInTerritory(
      ctx,
      r.territory,
      "c",
      [r.from, r.to],
      // The period's dissolutions are few (hundreds in a national registry), but the planner
      // guesses thousands and hashed every cooperative of the territory to join them: each one
      // looks its cooperative up by id instead (the subquery with OFFSET 0 is not flattened).
      (inPlace) => `SELECT count(*) AS n
        FROM (SELECT DISTINCT e.cooperative_id FROM cooperative_event e WHERE e.status_after = 'DISSOLVED' AND e.effective_on BETWEEN $1::date AND $2::date) d
        CROSS JOIN LATERAL (SELECT 1 FROM cooperative c WHERE c.id = d.cooperative_id AND ${inPlace} OFFSET 0) placed`,
    );
  }

  @FieldResolver(() => Int, { description: "Cooperatives admitted to the provincial Cooperative Alliance within the period (kết nạp thành viên mới)." })
  newAllianceMemberCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return cooperativesWithin(ctx, r, "alliance_joined_on");
  }

  @FieldResolver(() => Int, { description: "Active new-model cooperatives at the end of the period (HTX kiểu mới)." })
  async newModelCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    const { groups } = await activeSnapshotIn(ctx, r.to, r.territory);
    return groups.filter((g) => g.isNewModel).reduce((sum, g) => sum + g.count, 0);
  }

  @FieldResolver(() => [SectorCount], { description: "Active cooperatives at the end of the period by sector, with how many are rated good or fair." })
  async bySector(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<SectorCount[]> {
    const { groups, sectors } = await activeSnapshotIn(ctx, r.to, r.territory);
    return sectors.map((s) => {
      const of = groups.filter((g) => g.sectorCode === s.code);
      return {
        sectorCode: s.code,
        sectorName: s.name,
        cooperativeCount: of.reduce((sum, g) => sum + g.count, 0),
        goodOrFairCount: of.filter((g) => g.rating && isGoodOrFair(g.rating)).reduce((sum, g) => sum + g.count, 0),
      };
    });
  }

  @FieldResolver(() => [DistrictCount], { description: "Active cooperatives at the end of the period by district of the head office." })
  async byDistrict(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<DistrictCount[]> {
    const { groups, districtNames } = await activeSnapshotIn(ctx, r.to, r.territory);
    const byCode = new Map<string, { n: number; good: number }>();
    for (const g of groups) {
      if (g.districtCode === null) continue;
      const tally = byCode.get(g.districtCode) ?? { n: 0, good: 0 };
      tally.n += g.count;
      if (g.rating && isGoodOrFair(g.rating)) tally.good += g.count;
      byCode.set(g.districtCode, tally);
    }
    return [...byCode.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((code) => ({ districtCode: code, districtName: districtNames.get(code) ?? null, cooperativeCount: byCode.get(code)!.n, goodOrFairCount: byCode.get(code)!.good }));
  }

  @FieldResolver(() => [AreaCount], {
    description:
      "Active cooperatives at the end of the period by the administrative unit of the period: district-level units when `to` is before 2025-07-01, the new commune-level units from then on (a cooperative registered under an old commune counts under its successor; under the first one of a commune split by the reform). Ordered by code.",
  })
  async byArea(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<AreaCount[]> {
    const { groups } = await activeSnapshotIn(ctx, r.to, r.territory);
    const byCode = new Map<string, AreaCount>();
    for (const g of groups) {
      const area = reportAreaOf(r.to, g.districtCode, g.communeCode);
      if (!area) continue;
      const tally = byCode.get(area.code) ?? { unitCode: area.code, unitName: area.name, level: area.level as AdministrativeLevel, cooperativeCount: 0, goodOrFairCount: 0 };
      tally.cooperativeCount += g.count;
      if (g.rating && isGoodOrFair(g.rating)) tally.goodOrFairCount += g.count;
      byCode.set(area.code, tally);
    }
    return [...byCode.values()].sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  }

  @FieldResolver(() => RatingBreakdown, { description: "Active cooperatives at the end of the period by their latest rating." })
  async byRating(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<RatingBreakdown> {
    const { groups } = await activeSnapshotIn(ctx, r.to, r.territory);
    const byRating = [Rating.GOOD, Rating.FAIR, Rating.AVERAGE, Rating.WEAK, null].map((rating) => ({
      rating,
      cooperativeCount: groups.filter((g) => g.rating === rating).reduce((sum, g) => sum + g.count, 0),
    }));
    const goodOrFairCount = byRating.filter((b) => b.rating && isGoodOrFair(b.rating)).reduce((sum, b) => sum + b.cooperativeCount, 0);
    return { byRating, goodOrFairCount };
  }
}
