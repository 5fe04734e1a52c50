import { isReportPeriod, OncePerRequest } from "@camau/shared";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, UseMiddleware } from "type-graphql";
import { TradeContext } from "../context";
import { CollectiveEconomyReport } from "./CollectiveEconomyReport";

async function count(ctx: TradeContext, sql: string, params: unknown[]): Promise<number> {
  const rows: { n: string }[] = await ctx.dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Trade promotion figures of the period report; every figure is one SQL aggregate. */
// Aliases of the same period share one computation per request.
@UseMiddleware(OncePerRequest)
@Resolver(() => CollectiveEconomyReport)
export class ReportResolver {
  @FieldResolver(() => Int, { description: "Trade promotion programs starting within the period (số chương trình xúc tiến thương mại)." })
  tradePromotionProgramCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: TradeContext): Promise<number> {
    return count(ctx, `SELECT count(*) AS n FROM trade_promotion_program WHERE starts_on BETWEEN $1::date AND $2::date`, [r.from, r.to]);
  }

  @FieldResolver(() => Int, {
    description:
      "Distinct cooperatives that took part in trade promotion programs starting within the period (số HTX được hỗ trợ tham gia xúc tiến thương mại), optionally only programs held in one province.",
  })
  tradePromotionSupportedCooperativeCount(
    @Root() r: CollectiveEconomyReport,
    @Arg("province", () => String, { nullable: true, description: "Only programs held in this province or city, compared case- and diacritic-insensitively ('ha noi' matches 'Hà Nội')." })
    province: string | null,
    @Ctx() ctx: TradeContext,
  ): Promise<number> {
    return count(
      ctx,
      `SELECT count(DISTINCT pa.cooperative_id) AS n
         FROM participation pa JOIN trade_promotion_program p ON p.id = pa.program_id
        WHERE p.starts_on BETWEEN $1::date AND $2::date
          AND ($3::text IS NULL OR p.province_key = search_key($3::text))`,
      [r.from, r.to, province == null ? null : province.trim().replace(/\s+/g, " ")],
    );
  }

  @FieldResolver(() => Int, { description: "Products with an OCOP certification in force at the end of the period (số sản phẩm OCOP còn hiệu lực)." })
  ocopProductCount(@Root() r: CollectiveEconomyReport, @Ctx() ctx: TradeContext): Promise<number> {
    return count(
      ctx,
      `SELECT count(*) AS n FROM product p
        WHERE EXISTS (SELECT 1 FROM ocop_certification c WHERE c.product_id = p.id AND c.certified_on <= $1::date AND c.expires_on >= $1::date)`,
      [r.to],
    );
  }
}

export const reportReference = {
  CollectiveEconomyReport: {
    // Representations skip scalar parsing: a malformed date must not reach SQL.
    __resolveReference: (ref: { from: string; to: string }) => (isReportPeriod(ref) ? { from: ref.from, to: ref.to } : null),
  },
};
