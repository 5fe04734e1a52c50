import { defaultTerritory, OncePerRequest, placeInTerritory, Territory } from "@camau/shared";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { TradeContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

async function count(ctx: TradeContext, sql: string, params: unknown[]): Promise<number> {
  const rows: { n: string }[] = await ctx.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Cooperatives (ids) whose head office lies in a territory. Trade stores only cooperative ids, so
 * their places come from the registry: its places of every cooperative, held by the directory
 * and downloaded again only when the registry's cooperatives changed, so the cost of a report
 * does not grow with the number of cooperatives it counts.
 */
async function inTerritory(ctx: TradeContext, ids: string[], territory: Territory): Promise<string[]> {
  // Every cooperative of the registry lies in the province: no call needed for all of it.
  if (!ids.length || territory === Territory.CA_MAU) return ids;
  const places = await ctx.directory.places();
  return ids.filter((id) => {
    const place = places.get(id.toLowerCase());
    return place !== undefined && placeInTerritory(territory, place.districtCode, place.communeCode);
  });
}

/**
 * Trade promotion figures of the period report, as SQL aggregates. Territory: the programs are
 * the provincial trade promotion agency's, so they count for the province of the period only
 * (OLD_CA_MAU before the reform, CA_MAU after); cooperatives and their products count where the
 * cooperative's head office is.
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
    const rows: { id: string }[] = await ctx.dataSource.query(
      `SELECT DISTINCT pa.cooperative_id AS id
         FROM participation pa JOIN trade_promotion_program p ON p.id = pa.program_id
        WHERE p.starts_on BETWEEN $1::date AND $2::date
          AND ($3::text IS NULL OR p.province_key = search_key($3::text))`,
      [r.from, r.to, province == null ? null : province.trim().replace(/\s+/g, " ")],
    );
    return (await inTerritory(ctx, rows.map((row) => row.id), r.territory)).length;
  }

  @FieldResolver(() => Int, { description: "Products with an OCOP certification in force at the end of the period (số sản phẩm OCOP còn hiệu lực)." })
  async ocopProductCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: TradeContext): Promise<number> {
    const rows: { id: string; n: string }[] = await ctx.dataSource.query(
      `SELECT p.cooperative_id AS id, count(*) AS n FROM product p
        WHERE EXISTS (SELECT 1 FROM ocop_certification c WHERE c.product_id = p.id AND c.certified_on <= $1::date AND c.expires_on >= $1::date)
        GROUP BY p.cooperative_id`,
      [r.to],
    );
    const placed = new Set(await inTerritory(ctx, rows.map((row) => row.id), r.territory));
    return rows.filter((row) => placed.has(row.id)).reduce((sum, row) => sum + Number(row.n), 0);
  }
}
