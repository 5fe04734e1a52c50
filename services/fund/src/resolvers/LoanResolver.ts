import { BadUserInputError, CooperativeKey, DateScalar, PageArgs, paginate, registryCooperative, requireUuid, SortKey, sortKeysOf, toConnection, todayInProvince } from "@camau/shared";
import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { FundContext } from "../context";
import { LoanStatus } from "../domain/enums";
import { installmentStandings, scheduleAt } from "../domain/ledger";
import { sum } from "../domain/money";
import { Disbursement } from "../entities/Disbursement";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { LoanProduct } from "../entities/LoanProduct";
import { LoanRestructuring } from "../entities/LoanRestructuring";
import { Repayment } from "../entities/Repayment";
import { LoanPositionView, RepaymentSchedule } from "../graphql/objects";
import { whereBorrower } from "../inputs/BorrowerFilter";
import { LoanFilter, LoanOrder, LoanOrderField } from "../inputs/LoanFilter";
import { loanPositionsSql } from "../report/positionsSql";
import { listScope, LOAN_READERS_OR_MANAGER, visibleOrNull } from "../access";
import { LoanConnection, RepaymentConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

const NOT_DISBURSED = "9999-12-31";

const ORDER_COLUMNS: Record<LoanOrderField, Omit<SortKey<Loan>, "direction">> = {
  [LoanOrderField.SIGNED_ON]: { expression: "l.signed_on", valueOf: (l) => l.signedOn },
  [LoanOrderField.FIRST_DISBURSED_ON]: { expression: `coalesce(l.first_disbursed_on, '${NOT_DISBURSED}'::date)`, valueOf: (l) => l.firstDisbursedOn ?? NOT_DISBURSED },
  [LoanOrderField.PRINCIPAL]: { expression: "l.principal", valueOf: (l) => l.principal },
  [LoanOrderField.CONTRACT_NUMBER]: { expression: "l.contract_number", valueOf: (l) => l.contractNumber },
};

function asOfOrToday(asOf: string | null | undefined): string {
  return asOf ?? todayInProvince();
}

@Resolver(() => Loan)
export class LoanResolver {
  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Query(() => Loan, { nullable: true, description: "A loan by id; null when there is none or (for a manager) when it is another cooperative's. Fund staff, officers and the borrower's manager." })
  async loan(@Arg("id", () => ID, { description: "Loan id (UUID)." }) id: string, @Ctx() ctx: FundContext): Promise<Loan | null> {
    listScope(ctx.viewer);
    return visibleOrNull(ctx.viewer, await ctx.loaders.loanById.load(requireUuid(id, "id")));
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Query(() => Loan, { nullable: true, description: "A loan by its contract number (số hợp đồng), e.g. QHT-2021-0007; null when there is none or when it is another cooperative's (a manager cannot tell the two apart)." })
  async loanByContractNumber(@Arg("contractNumber", { description: "Contract number." }) contractNumber: string, @Ctx() ctx: FundContext): Promise<Loan | null> {
    listScope(ctx.viewer);
    if (contractNumber.length > 40) throw new BadUserInputError("contractNumber is at most 40 characters", [{ path: "contractNumber", message: "at most 40 characters" }]);
    return visibleOrNull(ctx.viewer, await ctx.dataSource.getRepository(Loan).findOneBy({ contractNumber: contractNumber.trim().toUpperCase() }));
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Query(() => LoanConnection, { description: "Loans, filtered and sorted (default: latest signed first). Fund staff and officers see all; a cooperative's manager sees its own." })
  async loans(
    @Arg("filter", () => LoanFilter, { nullable: true, description: "Conditions the loans must meet." }) filter: LoanFilter | null,
    @Arg("orderBy", () => [LoanOrder], { nullable: true, description: "Sort keys, first one first (default: signedOn descending)." }) orderBy: LoanOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: FundContext,
  ) {
    const scope = listScope(ctx.viewer);
    const f = filter ?? {};
    if (f.firstDisbursedFrom && f.firstDisbursedTo && f.firstDisbursedFrom > f.firstDisbursedTo) {
      throw new BadUserInputError("firstDisbursedFrom is after firstDisbursedTo", [{ path: "filter.firstDisbursedFrom", message: "is after firstDisbursedTo" }]);
    }
    const qb = ctx.dataSource.getRepository(Loan).createQueryBuilder("l");
    if (scope) qb.andWhere("l.cooperative_id = :scope", { scope });
    whereBorrower(qb, "l", f);
    if (f.firstDisbursedFrom) qb.andWhere("l.first_disbursed_on >= :firstDisbursedFrom", { firstDisbursedFrom: f.firstDisbursedFrom });
    if (f.firstDisbursedTo) qb.andWhere("l.first_disbursed_on <= :firstDisbursedTo", { firstDisbursedTo: f.firstDisbursedTo });
    const byPosition: string[] = [];
    if (f.statuses?.length) byPosition.push("p.status IN (:...statuses)");
    if (f.overdue != null) byPosition.push(f.overdue ? "p.status = 'OVERDUE'" : "p.status <> 'OVERDUE'");
    if (f.minDaysPastDue != null) byPosition.push("p.dpd >= :minDaysPastDue");
    if (byPosition.length) {
      qb.andWhere(`l.id IN (SELECT p.loan_id FROM (${loanPositionsSql("CAST(:asOf AS date)")}) p WHERE ${byPosition.join(" AND ")})`, {
        asOf: asOfOrToday(f.asOf),
        statuses: f.statuses ?? [],
        minDaysPastDue: f.minDaysPastDue ?? 0,
      });
    }
    const keys = sortKeysOf(orderBy, ORDER_COLUMNS, [{ field: LoanOrderField.SIGNED_ON, direction: "DESC" }], 2);
    return toConnection(await paginate(qb, page, keys, "l.id"));
  }

  @FieldResolver(() => Cooperative, { nullable: true, description: "The borrowing cooperative (from the registry, through the gateway). Nullable, as every reference to another subgraph: a cooperative the registry does not know is null here, with a NOT_FOUND error, and the rest of the answer stays." })
  cooperative(@Root() l: Loan): CooperativeKey {
    return registryCooperative(l.cooperativeId);
  }

  @FieldResolver(() => LoanProduct, { description: "The loan product." })
  async product(@Root() l: Loan, @Ctx() ctx: FundContext): Promise<LoanProduct> {
    return (await ctx.loaders.productById.load(l.productId))!;
  }

  @FieldResolver(() => LoanApplication, { description: "The approved application the loan was made on." })
  async application(@Root() l: Loan, @Ctx() ctx: FundContext): Promise<LoanApplication> {
    return (await ctx.loaders.applicationById.load(l.applicationId))!;
  }

  @FieldResolver(() => LoanStatus, { nullable: true, description: "Status as of a date (default today); OVERDUE when anything is past due; null before the contract was signed." })
  async status(@Root() l: Loan, @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today)." }) asOf: string | null, @Ctx() ctx: FundContext): Promise<LoanStatus | null> {
    return (await ctx.loaders.standingOf(l, asOfOrToday(asOf))).status;
  }

  @FieldResolver(() => LoanPositionView, { description: "Outstanding principal, amounts due and past due, days past due and debt group as of a date (default today)." })
  async position(@Root() l: Loan, @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today)." }) asOf: string | null, @Ctx() ctx: FundContext): Promise<LoanPositionView> {
    const s = await ctx.loaders.standingOf(l, asOfOrToday(asOf));
    return {
      asOf: s.asOf,
      status: s.status,
      disbursed: s.disbursed,
      undisbursed: s.status === LoanStatus.CLOSED || s.status === LoanStatus.WRITTEN_OFF ? 0 : l.principal - s.disbursed,
      principalRepaid: s.principalRepaid,
      interestRepaid: s.interestRepaid,
      overdueInterestRepaid: s.overdueInterestRepaid,
      outstandingPrincipal: s.outstandingPrincipal,
      writtenOffPrincipal: s.writtenOffPrincipal,
      principalDue: s.principalDue,
      interestDue: s.interestDue,
      principalPastDue: s.overduePrincipal,
      interestPastDue: s.overdueInterest,
      overdueInterest: s.penaltyInterest,
      daysPastDue: s.daysPastDue,
      oldestUnpaidDueDate: s.oldestUnpaidDueDate,
      debtGroup: s.debtGroup,
      payoffAmount: s.payoffAmount,
    };
  }

  @FieldResolver(() => RepaymentSchedule, {
    nullable: true,
    description: "The repayment schedule (lịch trả nợ) in force on a date, or a given version, with what was paid towards each instalment as of the date; null before the first disbursement.",
  })
  async schedule(
    @Root() l: Loan,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today)." }) asOf: string | null,
    @Arg("version", () => Int, { nullable: true, description: "A particular version instead of the one in force on the date." }) version: number | null,
    @Ctx() ctx: FundContext,
  ): Promise<RepaymentSchedule | null> {
    const date = asOfOrToday(asOf);
    const [ledger, rows] = await Promise.all([ctx.loaders.ledgerOf(l), ctx.loaders.schedulesByLoan.load(l.id)]);
    const chosen = version != null ? (ledger.schedules.find((s) => s.version === version) ?? null) : scheduleAt(ledger, date);
    if (!chosen) return null;
    const row = rows.find((r) => r.version === chosen.version)!;
    const installments = installmentStandings(ledger, chosen, date).map((i) => ({ ...i, total: i.principal + i.interest }));
    return {
      version: chosen.version,
      effectiveFrom: chosen.effectiveFrom,
      reason: row.reason,
      annualInterestRate: row.annualInterestRate,
      totalPrincipal: sum(installments.map((i) => i.principal)),
      totalInterest: sum(installments.map((i) => i.interest)),
      maturityDate: installments[installments.length - 1].dueDate,
      installments,
    };
  }

  @FieldResolver(() => [Disbursement], { description: "The tranches paid out, in order (giải ngân); never more in total than the contract amount." })
  disbursements(@Root() l: Loan, @Ctx() ctx: FundContext): Promise<Disbursement[]> {
    return ctx.loaders.disbursementsByLoan.load(l.id);
  }

  @FieldResolver(() => RepaymentConnection, { description: "Repayments received, oldest first (lịch sử trả nợ)." })
  async repayments(@Root() l: Loan, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FundContext) {
    return toConnection(await ctx.loaders.repaymentsOfLoan.load({ parentId: l.id, args: page }));
  }

  @FieldResolver(() => [LoanRestructuring], { description: "Restructurings of the repayment terms, in order (cơ cấu lại nợ)." })
  restructurings(@Root() l: Loan, @Ctx() ctx: FundContext): Promise<LoanRestructuring[]> {
    return ctx.loaders.restructuringsByLoan.load(l.id);
  }
}
