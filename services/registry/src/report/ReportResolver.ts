import { BadUserInputError, DateScalar, isReportPeriod, OncePerRequest, rollupTotals, CacheHint } from "@camau/shared";
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { isGoodOrFair } from "../domain/classification";
import { Rating } from "../domain/enums";
import { RegistryContext } from "../context";
import { CollectiveEconomyReport, DistrictCount, RatingBreakdown, SectorCount } from "./CollectiveEconomyReport";
import { activeSnapshot } from "./activeSnapshot";
import { reportId } from "./reportId";
import { activeUnionsAt } from "./statusAsOf";

const sum = (cells: { total: number }[]) => cells.reduce((total, cell) => total + cell.total, 0);

async function count(ctx: RegistryContext, sql: string, params: unknown[]): Promise<number> {
  const rows: { n: string }[] = await ctx.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @Directive(CacheHint.report)
  @Query(() => CollectiveEconomyReport, { description: "The collective-economy report for a period, e.g. 2021-01-01 to 2021-06-30 for the first half of 2021." })
  collectiveEconomyReport(
    @Arg("from", () => DateScalar, { description: "First day of the period (inclusive)." }) from: string,
    @Arg("to", () => DateScalar, { description: "Last day of the period (inclusive)." }) to: string,
  ): CollectiveEconomyReport {
    if (from > to) throw new BadUserInputError("from must not be after to", [{ path: "from", message: "is after to" }]);
    return { from, to };
  }

  @FieldResolver(() => ID, { description: "Stable identifier made from the report's key (its period): pass it to `node(id:)` to fetch the report again." })
  id(@Root() r: CollectiveEconomyReport): string {
    return reportId(r);
  }

  @FieldResolver(() => Int, { description: "Cooperatives ACTIVE at the end of the period (số HTX)." })
  async cooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    const { groups } = await activeSnapshot(ctx, r.to);
    return groups.reduce((sum, g) => sum + g.count, 0);
  }

  @FieldResolver(() => Int, { description: "Cooperative groups operating at the end of the period (số tổ hợp tác)." })
  async cooperativeGroupCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return sum(await rollupTotals(ctx.dataSource, "operating_groups", r.to));
  }

  @FieldResolver(() => Int, { description: "Memberships in force at the end of the period in active cooperatives and operating groups (số thành viên)." })
  async memberCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return sum(await rollupTotals(ctx.dataSource, ["cooperative_members", "group_members"], r.to));
  }

  @FieldResolver(() => Int, { description: "Unions of cooperatives active at the end of the period (số liên hiệp HTX)." })
  unionCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return count(ctx, `SELECT count(*) AS n FROM (${activeUnionsAt("$1")}) u`, [r.to]);
  }

  @FieldResolver(() => Int, { description: "Member cooperatives of those unions at the end of the period (HTX thành viên của liên hiệp)." })
  unionMemberCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return count(
      ctx,
      `SELECT count(DISTINCT um.cooperative_id) AS n FROM union_membership um
        WHERE um.union_id IN (${activeUnionsAt("$1")})
          AND um.joined_on <= $1::date AND (um.left_on IS NULL OR um.left_on > $1::date)`,
      [r.to],
    );
  }

  @FieldResolver(() => Int, { description: "Cooperatives founded within the period (HTX thành lập mới)." })
  newCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return count(ctx, `SELECT count(*) AS n FROM cooperative WHERE founded_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
  }

  @FieldResolver(() => Int, { description: "Cooperatives dissolved within the period (HTX giải thể)." })
  dissolvedCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return count(
      ctx,
      `SELECT count(DISTINCT cooperative_id) AS n FROM cooperative_event
        WHERE status_after = 'DISSOLVED' AND effective_on BETWEEN $1::date AND $2::date`,
      [r.from, r.to],
    );
  }

  @FieldResolver(() => Int, { description: "Cooperatives admitted to the provincial Cooperative Alliance within the period (kết nạp thành viên mới)." })
  newAllianceMemberCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    return count(ctx, `SELECT count(*) AS n FROM cooperative WHERE alliance_joined_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
  }

  @FieldResolver(() => Int, { description: "Active new-model cooperatives at the end of the period (HTX kiểu mới)." })
  async newModelCooperativeCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<number> {
    const { groups } = await activeSnapshot(ctx, r.to);
    return groups.filter((g) => g.isNewModel).reduce((sum, g) => sum + g.count, 0);
  }

  @FieldResolver(() => [SectorCount], { description: "Active cooperatives at the end of the period by sector, with how many are rated good or fair." })
  async bySector(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<SectorCount[]> {
    const { groups, sectors } = await activeSnapshot(ctx, r.to);
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
    const { groups, districtNames } = await activeSnapshot(ctx, r.to);
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

  @FieldResolver(() => RatingBreakdown, { description: "Active cooperatives at the end of the period by their latest rating." })
  async byRating(@Root() r: CollectiveEconomyReport, @Ctx() ctx: RegistryContext): Promise<RatingBreakdown> {
    const { groups } = await activeSnapshot(ctx, r.to);
    const byRating = [Rating.GOOD, Rating.FAIR, Rating.AVERAGE, Rating.WEAK, null].map((rating) => ({
      rating,
      cooperativeCount: groups.filter((g) => g.rating === rating).reduce((sum, g) => sum + g.count, 0),
    }));
    const goodOrFairCount = byRating.filter((b) => b.rating && isGoodOrFair(b.rating)).reduce((sum, b) => sum + b.cooperativeCount, 0);
    return { byRating, goodOrFairCount };
  }
}

export const reportReference = {
  CollectiveEconomyReport: {
    // Representations skip scalar parsing: a malformed period must not reach SQL.
    __resolveReference: (ref: { from: string; to: string }) => (isReportPeriod(ref) ? { from: ref.from, to: ref.to } : null),
  },
};
