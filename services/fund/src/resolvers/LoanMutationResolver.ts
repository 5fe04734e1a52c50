import { badInput, changedFields, checkVersion, ConflictError, lockForChange, pastOrToday, recordAudit, Role, Viewer } from "@camau/shared";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { EntityManager } from "typeorm";
import { FundContext } from "../context";
import { LoanStatus, ScheduleReason } from "../domain/enums";
import { allocateRepayment, LedgerLoan, positionAsOf, scheduleAt } from "../domain/ledger";
import { LoanAction, loanActionProblem } from "../domain/lifecycle";
import { rateE4, sum } from "../domain/money";
import { buildSchedule, Installment, rescheduleForTranche, restructureSchedule, validateTerms } from "../domain/schedule";
import { Disbursement } from "../entities/Disbursement";
import { Loan } from "../entities/Loan";
import { LoanRestructuring } from "../entities/LoanRestructuring";
import { LoanSchedule, ScheduleInstallment } from "../entities/LoanSchedule";
import { Repayment } from "../entities/Repayment";
import { DisburseLoanInput, RecordLoanRepaymentInput, RestructureLoanInput, WriteOffLoanInput } from "../inputs/LoanInputs";
import { ledgerFrom } from "../loaders";
import { DisbursementPayload, LoanPayload, RepaymentPayload, RestructureLoanPayload } from "./payloads";
import { asInput, checkRate, mutation } from "./support";

/** The loan's ledger read inside the mutation's transaction (after the loan row is locked). */
async function ledgerInTransaction(manager: EntityManager, loan: Loan): Promise<LedgerLoan> {
  // One after the other: the transaction has a single connection.
  const schedules = await manager.getRepository(LoanSchedule).find({ where: { loanId: loan.id }, order: { version: "ASC" } });
  const installments = await manager.getRepository(ScheduleInstallment).find({ where: { loanId: loan.id }, order: { number: "ASC" } });
  const disbursements = await manager.getRepository(Disbursement).find({ where: { loanId: loan.id }, order: { trancheNumber: "ASC" } });
  const repayments = await manager.getRepository(Repayment).find({ where: { loanId: loan.id }, order: { paidOn: "ASC", recordedAt: "ASC", id: "ASC" } });
  return ledgerFrom(loan, schedules, installments, disbursements, repayments);
}

/** Writes a new schedule version with its instalments. */
async function writeSchedule(manager: EntityManager, loan: Loan, ledger: LedgerLoan, effectiveFrom: string, reason: ScheduleReason, annualInterestRate: number, installments: Installment[]): Promise<void> {
  const version = ledger.schedules.length ? Math.max(...ledger.schedules.map((s) => s.version)) + 1 : 1;
  const schedule = await manager.getRepository(LoanSchedule).save(manager.getRepository(LoanSchedule).create({ loanId: loan.id, version, effectiveFrom, reason, annualInterestRate }));
  await manager
    .createQueryBuilder()
    .insert()
    .into(ScheduleInstallment)
    .values(installments.map((i) => ({ scheduleId: schedule.id, loanId: loan.id, number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest })))
    .execute();
}

function assertLoanAction(loan: Loan, action: LoanAction): void {
  const problem = loanActionProblem(action, loan.lifecycle);
  if (problem) throw new ConflictError(`Loan ${loan.contractNumber}: ${problem}`);
}

function notBeforeLatestEvent(loan: Loan, date: string, path: string): void {
  if (date < loan.lastEventOn) throw badInput(path, `cannot be before the loan's latest recorded event (${loan.lastEventOn}); events are recorded in date order`);
}

/**
 * Saves a changed loan and records, in the same transaction, the loan fields that changed and the
 * record the mutation created (tranche, repayment, restructuring) under `created`. Every entry of
 * a loan's money movements is kept under entity Loan with the loan's id, so its history is one filter.
 */
async function saveLoanAndAudit(manager: EntityManager, viewer: Viewer, operation: string, before: object, loan: Loan, created?: Record<string, object>): Promise<Loan> {
  const saved = await manager.getRepository(Loan).save(loan);
  const change = changedFields(before, saved);
  await recordAudit(manager, viewer, { operation, entityType: "Loan", entityId: saved.id, before: change.before, after: { ...change.after, ...created } });
  return saved;
}

@Resolver()
export class LoanMutationResolver {
  @Authorized(Role.FUND_OFFICER)
  @Mutation(() => DisbursementPayload, {
    description:
      "Disburses a tranche (giải ngân) (FUND_OFFICER). The loan row is locked while the total is checked, so of concurrent tranches that together exceed the contract amount one succeeds and the other gets CONFLICT. The same idempotency key again returns the first result.",
  })
  disburseLoan(@Arg("input", () => DisburseLoanInput, { description: "The tranche." }) input: DisburseLoanInput, @Ctx() ctx: FundContext): Promise<DisbursementPayload> {
    const disbursedOn = pastOrToday(input.disbursedOn, "input.disbursedOn");
    return mutation(ctx.dataSource, async (manager) => {
      // SELECT … FOR UPDATE: a concurrent disbursement of this loan waits here until we commit.
      const loan = await lockForChange(manager, Loan, input.loanId, "Loan");
      const previous = await manager.getRepository(Disbursement).findOneBy({ idempotencyKey: input.idempotencyKey });
      if (previous) {
        const same = previous.loanId === loan.id && previous.amount === input.amount && (input.disbursedOn == null || previous.disbursedOn === input.disbursedOn);
        if (!same) throw new ConflictError(`Idempotency key ${input.idempotencyKey} was already used for a different disbursement`);
        return { disbursement: previous, loan, replayed: true };
      }
      assertLoanAction(loan, LoanAction.DISBURSE);
      notBeforeLatestEvent(loan, disbursedOn, "input.disbursedOn");
      const ledger = await ledgerInTransaction(manager, loan);
      const disbursed = sum(ledger.disbursements.map((d) => d.amount));
      if (disbursed + input.amount > loan.principal) {
        throw new ConflictError(
          `Disbursing ${input.amount} đồng would exceed the contract amount of loan ${loan.contractNumber}: ${disbursed} of ${loan.principal} đồng already disbursed, at most ${loan.principal - disbursed} remain`,
        );
      }
      const rate = rateE4(loan.annualInterestRate);
      const current = scheduleAt(ledger, disbursedOn);
      const installments = current
        ? rescheduleForTranche(current.installments, { on: disbursedOn, amount: input.amount, annualRateE4: rate, method: loan.repaymentMethod, graceMonths: loan.graceMonths })
        : buildSchedule({ principal: input.amount, annualRateE4: rate, termMonths: loan.termMonths, graceMonths: loan.graceMonths, method: loan.repaymentMethod, startDate: disbursedOn });
      const repository = manager.getRepository(Disbursement);
      const disbursement = await repository.save(
        repository.create({
          loanId: loan.id,
          trancheNumber: ledger.disbursements.length + 1,
          disbursedOn,
          amount: input.amount,
          idempotencyKey: input.idempotencyKey,
          note: input.note?.normalize("NFC") ?? null,
          recordedBy: ctx.viewer.subject,
        }),
      );
      await writeSchedule(manager, loan, ledger, disbursedOn, current ? ScheduleReason.TRANCHE : ScheduleReason.FIRST_DISBURSEMENT, loan.annualInterestRate, installments);
      const before = { ...loan };
      loan.firstDisbursedOn ??= disbursedOn;
      loan.lastEventOn = disbursedOn;
      // A replayed idempotency key returned above, before this: a replay writes no second entry.
      return { disbursement, loan: await saveLoanAndAudit(manager, ctx.viewer, "disburseLoan", before, loan, { disbursement }), replayed: false };
    });
  }

  @Authorized(Role.FUND_OFFICER)
  @Mutation(() => RepaymentPayload, {
    description:
      "Records a repayment (thu nợ) (FUND_OFFICER), split into overdue interest, then interest due, then principal; the loan closes when nothing is owed any more. The same idempotency key again returns the first result.",
  })
  recordLoanRepayment(@Arg("input", () => RecordLoanRepaymentInput, { description: "The repayment." }) input: RecordLoanRepaymentInput, @Ctx() ctx: FundContext): Promise<RepaymentPayload> {
    const paidOn = pastOrToday(input.paidOn, "input.paidOn");
    return mutation(ctx.dataSource, async (manager) => {
      const loan = await lockForChange(manager, Loan, input.loanId, "Loan");
      const previous = await manager.getRepository(Repayment).findOneBy({ idempotencyKey: input.idempotencyKey });
      if (previous) {
        const same = previous.loanId === loan.id && previous.amount === input.amount && (input.paidOn == null || previous.paidOn === input.paidOn);
        if (!same) throw new ConflictError(`Idempotency key ${input.idempotencyKey} was already used for a different repayment`);
        return { repayment: previous, loan, replayed: true };
      }
      assertLoanAction(loan, LoanAction.REPAY);
      if (!loan.firstDisbursedOn) throw new ConflictError(`Loan ${loan.contractNumber} has not been disbursed: nothing is owed yet`);
      notBeforeLatestEvent(loan, paidOn, "input.paidOn");
      const ledger = await ledgerInTransaction(manager, loan);
      const split = asInput("input.amount", () => allocateRepayment(ledger, paidOn, input.amount));
      const repository = manager.getRepository(Repayment);
      const repayment = await repository.save(
        repository.create({
          loanId: loan.id,
          paidOn,
          amount: input.amount,
          overdueInterestPart: split.overdueInterest,
          interestPart: split.interest,
          principalPart: split.principal,
          idempotencyKey: input.idempotencyKey,
          recordedBy: ctx.viewer.subject,
        }),
      );
      const before = { ...loan };
      loan.lastEventOn = paidOn;
      if (split.settles) {
        loan.lifecycle = LoanStatus.CLOSED;
        loan.closedOn = paidOn;
      }
      return { repayment, loan: await saveLoanAndAudit(manager, ctx.viewer, "recordLoanRepayment", before, loan, { repayment }), replayed: false };
    });
  }

  @Authorized(Role.FUND_APPROVER)
  @Mutation(() => RestructureLoanPayload, {
    description:
      "Restructures a loan's repayment terms (cơ cấu lại thời hạn trả nợ) (FUND_APPROVER): instalments due by the effective date keep what was paid, unpaid interest moves into the first new instalment, and the remaining principal is spread over the new term.",
  })
  restructureLoan(@Arg("input", () => RestructureLoanInput, { description: "The new terms." }) input: RestructureLoanInput, @Ctx() ctx: FundContext): Promise<RestructureLoanPayload> {
    const effectiveOn = pastOrToday(input.effectiveOn, "input.effectiveOn");
    if (input.annualInterestRate != null) checkRate(input.annualInterestRate, "input.annualInterestRate");
    asInput("input.graceMonths", () => validateTerms({ termMonths: input.remainingTermMonths, graceMonths: input.graceMonths }));
    return mutation(ctx.dataSource, async (manager) => {
      const loan = await lockForChange(manager, Loan, input.loanId, "Loan");
      checkVersion("Loan", loan.id, loan.version, input.version);
      assertLoanAction(loan, LoanAction.RESTRUCTURE);
      if (!loan.firstDisbursedOn) throw new ConflictError(`Loan ${loan.contractNumber} has not been disbursed: there is nothing to restructure`);
      notBeforeLatestEvent(loan, effectiveOn, "input.effectiveOn");
      const ledger = await ledgerInTransaction(manager, loan);
      const position = positionAsOf(ledger, effectiveOn);
      const current = scheduleAt(ledger, effectiveOn)!;
      const rate = input.annualInterestRate ?? loan.annualInterestRate;
      const installments = restructureSchedule(current.installments, {
        on: effectiveOn,
        disbursed: position.disbursed,
        principalPaid: position.principalRepaid,
        interestPaid: position.interestRepaid,
        annualRateE4: rateE4(rate),
        method: loan.repaymentMethod,
        remainingMonths: input.remainingTermMonths,
        graceMonths: input.graceMonths,
      });
      await writeSchedule(manager, loan, ledger, effectiveOn, ScheduleReason.RESTRUCTURE, rate, installments);
      const restructuring = await manager.getRepository(LoanRestructuring).save(
        manager.getRepository(LoanRestructuring).create({
          loanId: loan.id,
          effectiveOn,
          remainingMonths: input.remainingTermMonths,
          graceMonths: input.graceMonths,
          annualInterestRate: rate,
          reason: input.reason.normalize("NFC"),
          decidedBy: ctx.viewer.subject,
        }),
      );
      const before = { ...loan };
      loan.lifecycle = LoanStatus.RESTRUCTURED;
      loan.restructuredOn = effectiveOn;
      loan.annualInterestRate = rate;
      loan.lastEventOn = effectiveOn;
      return { loan: await saveLoanAndAudit(manager, ctx.viewer, "restructureLoan", before, loan, { restructuring }), restructuring };
    });
  }

  @Authorized(Role.FUND_APPROVER)
  @Mutation(() => LoanPayload, { description: "Writes off the outstanding principal of a loan as a loss (xử lý rủi ro, xóa nợ) (FUND_APPROVER)." })
  writeOffLoan(@Arg("input", () => WriteOffLoanInput, { description: "Date and reason." }) input: WriteOffLoanInput, @Ctx() ctx: FundContext): Promise<LoanPayload> {
    const writtenOffOn = pastOrToday(input.writtenOffOn, "input.writtenOffOn");
    return mutation(ctx.dataSource, async (manager) => {
      const loan = await lockForChange(manager, Loan, input.loanId, "Loan");
      checkVersion("Loan", loan.id, loan.version, input.version);
      assertLoanAction(loan, LoanAction.WRITE_OFF);
      notBeforeLatestEvent(loan, writtenOffOn, "input.writtenOffOn");
      const position = positionAsOf(await ledgerInTransaction(manager, loan), writtenOffOn);
      if (position.outstandingPrincipal <= 0) throw new ConflictError(`Loan ${loan.contractNumber} has no outstanding principal to write off`);
      const before = { ...loan };
      loan.lifecycle = LoanStatus.WRITTEN_OFF;
      loan.writtenOffOn = writtenOffOn;
      loan.writtenOffPrincipal = position.outstandingPrincipal;
      loan.writtenOffBy = ctx.viewer.subject;
      loan.writeOffReason = input.reason.normalize("NFC");
      loan.lastEventOn = writtenOffOn;
      return { loan: await saveLoanAndAudit(manager, ctx.viewer, "writeOffLoan", before, loan) };
    });
  }
}
