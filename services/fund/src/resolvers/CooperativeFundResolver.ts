import { CooperativeKey, DateScalar, isUuid, PageArgs, toConnection, todayInProvince, CacheHint } from "@camau/shared";
import { Authorized, Arg, Args, Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import { FundContext } from "../context";
import { FundSummary } from "../graphql/objects";
import { assertCanReadLoansOf, LOAN_READERS_OR_MANAGER } from "../access";
import { LoanApplicationConnection, LoanConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

/**
 * The fund's fields on the registry's Cooperative. Each goes through a per-request loader, so
 * `_entities` with 50 cooperatives costs the same statements as with 5.
 */
@Resolver(() => Cooperative)
export class CooperativeFundResolver {
  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => LoanApplicationConnection, { nullable: true, description: "Its applications to the development fund, latest first (hồ sơ vay vốn Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async loanApplications(@Root() c: CooperativeKey, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FundContext) {
    assertCanReadLoansOf(ctx.viewer, c.id.toLowerCase());
    return toConnection(await ctx.loaders.applicationsOfCooperative.load({ parentId: c.id, args: page }));
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => LoanConnection, { nullable: true, description: "Its loans from the development fund, latest signed first (khoản vay Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async loans(@Root() c: CooperativeKey, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FundContext) {
    assertCanReadLoansOf(ctx.viewer, c.id.toLowerCase());
    return toConnection(await ctx.loaders.loansOfCooperative.load({ parentId: c.id, args: page }));
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Directive(CacheHint.restricted)
  @FieldResolver(() => FundSummary, { nullable: true, description: "Its outstanding principal, live loans and overdue amount with the fund as of a date (dư nợ tại Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async fundSummary(
    @Root() c: CooperativeKey,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today)." }) asOf: string | null,
    @Ctx() ctx: FundContext,
  ): Promise<FundSummary> {
    assertCanReadLoansOf(ctx.viewer, c.id.toLowerCase());
    const date = asOf ?? todayInProvince();
    if (!isUuid(c.id)) {
      return { asOf: date, loanCount: 0, activeLoanCount: 0, outstandingPrincipal: 0, disbursedToDate: 0, overdueLoanCount: 0, overdueAmount: 0, maxDaysPastDue: 0, worstDebtGroup: null };
    }
    const figures = await ctx.loaders.fundFiguresAsOf(date).load(c.id.toLowerCase());
    return { asOf: date, ...figures };
  }
}
