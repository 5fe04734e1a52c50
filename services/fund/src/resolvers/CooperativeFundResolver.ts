import { DateScalar, isUuid, Page, toConnection, todayInProvince } from "@camau/shared";
import { Authorized, Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FundContext } from "../context";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { NestedPageArgs } from "../graphql/connection";
import { CooperativeRef } from "../graphql/federation";
import { FundSummary } from "../graphql/objects";
import { nestedPages } from "../loaders/nestedPages";
import { assertCanReadLoansOf, LOAN_READERS_OR_MANAGER } from "../access";
import { LoanApplicationConnection, LoanConnection } from "./connections";

function emptyPage<T>(): Page<T> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: async () => 0 };
}

/**
 * The fund's fields on the registry's Cooperative. Each goes through a per-request loader, so
 * `_entities` with 50 cooperatives costs the same statements as with 5.
 */
@Resolver(() => CooperativeRef)
export class CooperativeFundResolver {
  @Authorized(...LOAN_READERS_OR_MANAGER)
  @FieldResolver(() => LoanApplicationConnection, { nullable: true, description: "Its applications to the development fund, latest first (hồ sơ vay vốn Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async loanApplications(@Root() c: CooperativeRef, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: FundContext) {
    assertCanReadLoansOf(ctx.viewer, c.id.toLowerCase());
    const loader = ctx.loaders.nested(`cooperative-applications|${page.first ?? ""}|${page.after ?? ""}`, () =>
      nestedPages<LoanApplication>(
        ctx.dataSource,
        {
          entity: LoanApplication,
          alias: "a",
          parentColumn: "a.cooperative_id",
          parentOf: (a) => a.cooperativeId,
          sortKeys: [{ expression: "a.submitted_on", direction: "DESC", valueOf: (a) => a.submittedOn }],
          idExpression: "a.id",
        },
        page,
      ),
    );
    return toConnection(isUuid(c.id) ? await loader.load(c.id.toLowerCase()) : emptyPage<LoanApplication>());
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @FieldResolver(() => LoanConnection, { nullable: true, description: "Its loans from the development fund, latest signed first (khoản vay Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async loans(@Root() c: CooperativeRef, @Args(() => NestedPageArgs) page: NestedPageArgs, @Ctx() ctx: FundContext) {
    assertCanReadLoansOf(ctx.viewer, c.id.toLowerCase());
    const loader = ctx.loaders.nested(`cooperative-loans|${page.first ?? ""}|${page.after ?? ""}`, () =>
      nestedPages<Loan>(
        ctx.dataSource,
        {
          entity: Loan,
          alias: "l",
          parentColumn: "l.cooperative_id",
          parentOf: (l) => l.cooperativeId,
          sortKeys: [{ expression: "l.signed_on", direction: "DESC", valueOf: (l) => l.signedOn }],
          idExpression: "l.id",
        },
        page,
      ),
    );
    return toConnection(isUuid(c.id) ? await loader.load(c.id.toLowerCase()) : emptyPage<Loan>());
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @FieldResolver(() => FundSummary, { nullable: true, description: "Its outstanding principal, live loans and overdue amount with the fund as of a date (dư nợ tại Quỹ). Fund staff, officers and its own manager; null with an error for anyone else." })
  async fundSummary(
    @Root() c: CooperativeRef,
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
