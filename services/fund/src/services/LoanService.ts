import { badInput, changedFields, checkVersion, ConflictError, lockForChange, MutationService, pastOrToday, recordAudit, Viewer } from "@camau/shared";
import { EntityManager, EntityTarget } from "typeorm";
import { LoanStatus, ScheduleReason } from "../domain/enums";
import { allocateRepayment, LedgerLoan, positionAsOf, scheduleAt } from "../domain/ledger";
import { ledgerFrom } from "../domain/ledgerFromRows";
import { LoanAction, loanActionProblem } from "../domain/lifecycle";
import { rateE4, sum } from "../domain/money";
import { buildSchedule, Installment, rescheduleForTranche, restructureSchedule, validateTerms } from "../domain/schedule";
import { Disbursement } from "../entities/Disbursement";
import { Loan } from "../entities/Loan";
import { LoanRestructuring } from "../entities/LoanRestructuring";
import { LoanSchedule, ScheduleInstallment } from "../entities/LoanSchedule";
import { Repayment } from "../entities/Repayment";
import { DisburseLoanInput, RecordLoanRepaymentInput, RestructureLoanInput, WriteOffLoanInput } from "../inputs/LoanInputs";
import { asInput, checkRate, mutation } from "./domainErrors";

/** A tranche recorded (or, for a repeated idempotency key, the one recorded before: `replayed`). */
export interface DisbursementResult {
  disbursement: Disbursement;
  loan: Loan;
  replayed: boolean;
}

/** A repayment recorded (or, for a repeated idempotency key, the one recorded before: `replayed`). */
export interface RepaymentResult {
  repayment: Repayment;
  loan: Loan;
  replayed: boolean;
}

export interface RestructuringResult {
  loan: Loan;
  restructuring: LoanRestructuring;
}

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

/** What a tranche and a repayment have in common: money moved on a loan under an idempotency key. */
interface MoneyMovement {
  loanId: string;
  amount: number;
  idempotencyKey: string;
}

/**
 * Locks the loan a money movement is for (SELECT … FOR UPDATE: a concurrent movement of this loan
 * waits here until we commit) and finds the movement its idempotency key recorded before, if any.
 * A key used before is a replay only for the same loan, amount and date (when the date is given):
 * anything else under that key is a CONFLICT, so a key never pays or records twice.
 */
async function lockForMovement<M extends MoneyMovement>(
  manager: EntityManager,
  entity: EntityTarget<M>,
  input: MoneyMovement,
  date: { given: string | null | undefined; of: (movement: M) => string },
  what: string,
): Promise<{ loan: Loan; previous: M | null }> {
  const loan = await lockForChange(manager, Loan, input.loanId, "Loan");
  const previous = await manager.getRepository(entity).findOneBy({ idempotencyKey: input.idempotencyKey } as never);
  if (previous) {
    const same = previous.loanId === loan.id && previous.amount === input.amount && (date.given == null || date.of(previous) === date.given);
    if (!same) throw new ConflictError(`Idempotency key ${input.idempotencyKey} was already used for a different ${what}`);
  }
  return { loan, previous };
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

/**
 * A signed loan's money movements and lifecycle: disbursements, repayments, restructuring and
 * write-off. Each runs in one transaction that locks the loan row (concurrent changes of one loan
 * queue), checks the rules against its ledger, writes the records and the audit entry. Resolvers
 * translate GraphQL arguments into one call of it.
 */
export class LoanService extends MutationService {
  async disburseLoan(input: DisburseLoanInput): Promise<DisbursementResult> {
    const disbursedOn = pastOrToday(input.disbursedOn, "input.disbursedOn");
    return mutation(this.dataSource, async (manager) => {
      const { loan, previous } = await lockForMovement(manager, Disbursement, input, { given: input.disbursedOn, of: (d) => d.disbursedOn }, "disbursement");
      if (previous) return { disbursement: previous, loan, replayed: true };
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
          recordedBy: this.viewer.subject,
        }),
      );
      await writeSchedule(manager, loan, ledger, disbursedOn, current ? ScheduleReason.TRANCHE : ScheduleReason.FIRST_DISBURSEMENT, loan.annualInterestRate, installments);
      const before = { ...loan };
      loan.firstDisbursedOn ??= disbursedOn;
      loan.lastEventOn = disbursedOn;
      // A replayed idempotency key returned above, before this: a replay writes no second entry.
      return { disbursement, loan: await saveLoanAndAudit(manager, this.viewer, "disburseLoan", before, loan, { disbursement }), replayed: false };
    });
  }

  async recordLoanRepayment(input: RecordLoanRepaymentInput): Promise<RepaymentResult> {
    const paidOn = pastOrToday(input.paidOn, "input.paidOn");
    return mutation(this.dataSource, async (manager) => {
      const { loan, previous } = await lockForMovement(manager, Repayment, input, { given: input.paidOn, of: (r) => r.paidOn }, "repayment");
      if (previous) return { repayment: previous, loan, replayed: true };
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
          recordedBy: this.viewer.subject,
        }),
      );
      const before = { ...loan };
      loan.lastEventOn = paidOn;
      if (split.settles) {
        loan.lifecycle = LoanStatus.CLOSED;
        loan.closedOn = paidOn;
      }
      return { repayment, loan: await saveLoanAndAudit(manager, this.viewer, "recordLoanRepayment", before, loan, { repayment }), replayed: false };
    });
  }

  async restructureLoan(input: RestructureLoanInput): Promise<RestructuringResult> {
    const effectiveOn = pastOrToday(input.effectiveOn, "input.effectiveOn");
    if (input.annualInterestRate != null) checkRate(input.annualInterestRate, "input.annualInterestRate");
    asInput("input.graceMonths", () => validateTerms({ termMonths: input.remainingTermMonths, graceMonths: input.graceMonths }));
    return mutation(this.dataSource, async (manager) => {
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
          decidedBy: this.viewer.subject,
        }),
      );
      const before = { ...loan };
      loan.lifecycle = LoanStatus.RESTRUCTURED;
      loan.restructuredOn = effectiveOn;
      loan.annualInterestRate = rate;
      loan.lastEventOn = effectiveOn;
      return { loan: await saveLoanAndAudit(manager, this.viewer, "restructureLoan", before, loan, { restructuring }), restructuring };
    });
  }

  async writeOffLoan(input: WriteOffLoanInput): Promise<{ loan: Loan }> {
    const writtenOffOn = pastOrToday(input.writtenOffOn, "input.writtenOffOn");
    return mutation(this.dataSource, async (manager) => {
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
      loan.writtenOffBy = this.viewer.subject;
      loan.writeOffReason = input.reason.normalize("NFC");
      loan.lastEventOn = writtenOffOn;
      return { loan: await saveLoanAndAudit(manager, this.viewer, "writeOffLoan", before, loan) };
    });
  }
}
