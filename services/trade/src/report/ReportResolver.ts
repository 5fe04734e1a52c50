import { defaultTerritory, OncePerRequest, rollupTotals, Territory } from "@camau/shared";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { TradeContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

async function count(ctx: TradeContext, sql: string, params: unknown[]): Promise<number> {
  const rows: { n: string }[] = await ctx.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Trade promotion figures of the period report, as SQL aggregates. Territory: the programs are
 * the provincial trade promotion agency's, so they count for the province of the period only
 * (OLD_CA_MAU before the reform, CA_MAU after); cooperatives and their products count where the
 * cooperative's head office is now, as the registry places it (cooperative_territory, kept from
 * the registry's places by CooperativeTerritories), so no cooperative reaches Node.
 */
// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, { description: "Trade promotion programs starting within the period (số chương trình xúc tiến thương mại)." })
  async tradePromotionProgramCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: TradeContext): Promise<number> {
    if (r.territory !== defaultTerritory(r.to)) return 0;
    return count(ctx, `SELECT count(*) AS n FROM trade_promotion_program WHERE starts_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
  }

  @FieldResolver(() => Int, {
    description:
      "Distinct cooperatives that took part in trade promotion programs starting within the period (số HTX được hỗ trợ tham gia xúc tiến thương mại), optionally only programs held in one province.",
  })
  async tradePromotionSupportedCooperativeCount(
    @Root() r: CollectiveEconomyReport,
    @Arg("province", () => String, { nullable: true, description: "Only programs held in this province or city, compared case- and diacritic-insensitively ('ha noi' matches 'Hà Nội')." })
    province: string | null,
    @Ctx() ctx: TradeContext,
  ): Promise<number> {
    // Every cooperative of the registry lies in the province: no territory needed for all of it.
    const whole = r.territory === Territory.CA_MAU;
    if (!whole) await ctx.territories.current();
    return count(
      ctx,
      `SELECT count(DISTINCT pa.cooperative_id) AS n
         FROM participation pa JOIN trade_promotion_program p ON p.id = pa.program_id
        WHERE p.starts_on BETWEEN $1::date AND $2::date
          AND ($3::text IS NULL OR p.province_key = search_key($3::text))
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM cooperative_territory t WHERE t.cooperative_id = pa.cooperative_id AND t.territory = $4::text))`,
      [r.from, r.to, province == null ? null : province.trim().replace(/\s+/g, " "), whole ? null : r.territory],
    );
  }

  @FieldResolver(() => Int, { description: "Products with an OCOP certification in force at the end of the period (số sản phẩm OCOP còn hiệu lực)." })
  async ocopProductCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: TradeContext): Promise<number> {
    // From the ocop_products rollup: about one row per cell and day of the month, whatever the number of products.
    const whole = r.territory === Territory.CA_MAU;
    if (!whole) await ctx.territories.current();
    const cells = await rollupTotals(ctx.dataSource, "ocop_products", r.to);
    return cells.filter(({ cell: [territory] }) => whole || territory === r.territory).reduce((sum, cell) => sum + cell.total, 0);
  }
}
