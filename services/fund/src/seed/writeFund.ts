import { BulkColumn, bulkInsert, copyField, copyLines, deferRollups, rebuildRollups } from "@camau/shared";
import { FUND_ROLLUPS } from "../report/rollups";
import { DataSource, QueryRunner } from "typeorm";
import { BorrowerColumns, FundDataset, InstallmentRow } from "./generateFund";
import { Contribution, FigureTotals, LoanLedgerRows, ledgersOf, outstandingContributions, portfolioContributions, Threshold } from "./rollupRows";

/**
 * Writes a generated dataset into the fund's tables in one transaction: everything or nothing.
 * Rows go through COPY; the dated rollups are computed from the dataset in memory (rollupRows.ts)
 * and copied too, instead of being rebuilt by their SQL functions over every loan. Products are
 * the migration's; rows name them by code.
 */

type Column<R> = BulkColumn<R>;

/** Arbitrary key of the advisory lock that serialises seeding of the fund. */
const SEED_LOCK_KEY = 96_002;

function insertAll<R>(q: QueryRunner, table: string, columns: Column<R>[], rows: Iterable<R>): Promise<number> {
  return bulkInsert(q, table, columns, rows);
}

/** The figures computed in memory: each loan's contributions, as the figure's SQL function gives them. */
const IN_MEMORY_ROLLUPS: Record<string, (loan: LoanLedgerRows, thresholds: readonly Threshold[]) => Contribution[]> = {
  outstanding_principal: (loan) => outstandingContributions(loan),
  portfolio: portfolioContributions,
};

/**
 * What rollup_rebuild writes for the in-memory figures (contributions, deltas, month-end horizon and
 * snapshots), computed from the dataset and copied; any other figure of the fund is rebuilt by SQL.
 */
async function writeRollups(q: QueryRunner, data: FundDataset, phase: (what: string) => void): Promise<void> {
  const figures = Object.keys(FUND_ROLLUPS).filter((f) => IN_MEMORY_ROLLUPS[f]);
  for (const figure of figures) {
    await q.query(`SELECT pg_advisory_xact_lock(hashtextextended('rollup:' || $1, 0))`, [figure]);
    for (const table of ["rollup_contribution", "rollup_delta", "rollup_snapshot", "rollup_horizon"]) await q.query(`DELETE FROM ${table} WHERE figure = $1`, [figure]);
  }
  const thresholds: Threshold[] = (await q.query(`SELECT debt_group, min_days_past_due FROM debt_group_threshold`)).map((t: { debt_group: number; min_days_past_due: number }) => ({
    debtGroup: Number(t.debt_group),
    minDaysPastDue: Number(t.min_days_past_due),
  }));
  const [{ today }] = await q.query(`SELECT current_date::text AS today`);
  const totals = new Map(figures.map((f) => [f, new FigureTotals()]));
  // Each cell's COPY literal once, however many rows name it (by figure and cell id).
  const literals = new Map(figures.map((f) => [f, [] as string[]]));
  const literalOf = (figure: string, id: number) => (literals.get(figure)![id] ??= copyField(totals.get(figure)!.cells[id]));
  const ledgers = ledgersOf(data);
  function* contributions(): Generator<string> {
    for (const ledger of ledgers) {
      for (const figure of figures) {
        const owner = copyField(ledger.loan.id);
        for (const c of IN_MEMORY_ROLLUPS[figure](ledger, thresholds)) {
          const id = totals.get(figure)!.add(c);
          yield `${figure}\t${owner}\t${literalOf(figure, id)}\t${c.day}\t${c.delta}\n`;
        }
      }
    }
  }
  await copyLines(q, "rollup_contribution", ["figure", "owner_id", "cell", "day", "delta"], contributions());
  for (const figure of figures) {
    const figureTotals = totals.get(figure)!;
    const ids = new Map(figureTotals.cells.map((cell, id) => [cell, id]));
    const literal = (cell: (string | null)[]) => literalOf(figure, ids.get(cell)!);
    await copyLines(q, "rollup_delta", ["figure", "day", "cell", "delta"], (function* () {
      for (const d of figureTotals.deltas()) yield `${figure}\t${d.day}\t${literal(d.cell)}\t${d.delta}\n`;
    })());
    const { horizon, rows } = figureTotals.snapshots(today);
    await copyLines(q, "rollup_horizon", ["figure", "through"], horizon.map((through) => `${figure}\t${through}\n`));
    await copyLines(q, "rollup_snapshot", ["figure", "through", "cell", "total"], (function* () {
      for (const s of rows) yield `${figure}\t${s.through}\t${literal(s.cell)}\t${s.total}\n`;
    })());
    phase(`rollup ${figure} written`);
  }
  const others = Object.fromEntries(Object.entries(FUND_ROLLUPS).filter(([f]) => !IN_MEMORY_ROLLUPS[f]));
  await rebuildRollups(q, others, (figure) => phase(`rollup ${figure} rebuilt`));
}

const borrowerColumns = <R extends { borrower: BorrowerColumns }>(): Column<R>[] => [
  { name: "borrower_sector_code", type: "varchar", value: (r) => r.borrower.sectorCode },
  { name: "borrower_sector_name", type: "varchar", value: (r) => r.borrower.sectorName },
  { name: "borrower_district_code", type: "varchar", value: (r) => r.borrower.districtCode },
  { name: "borrower_district_name", type: "varchar", value: (r) => r.borrower.districtName },
  { name: "borrower_commune_code", type: "varchar", value: (r) => r.borrower.communeCode },
  { name: "borrower_commune_name", type: "varchar", value: (r) => r.borrower.communeName },
  { name: "borrower_snapshot_at", type: "timestamptz", value: (r) => r.borrower.takenAt },
];

/**
 * The principal and interest due up to and including each instalment in its schedule (the columns
 * the InstallmentRunningTotals migration adds), by the instalment's index, computed here while the
 * rows are in memory instead of by an UPDATE of every instalment after the load. Typed arrays, not
 * copies of the rows: at national scale there are millions of instalments in a worker's heap.
 */
function runningTotals(installments: readonly InstallmentRow[]): { principal: Float64Array; interest: Float64Array } {
  const bySchedule = new Map<string, number[]>();
  installments.forEach((row, index) => {
    const list = bySchedule.get(row.scheduleId);
    if (list) list.push(index);
    else bySchedule.set(row.scheduleId, [index]);
  });
  const principal = new Float64Array(installments.length);
  const interest = new Float64Array(installments.length);
  for (const indexes of bySchedule.values()) {
    indexes.sort((x, y) => installments[x].number - installments[y].number);
    let p = 0;
    let i = 0;
    for (const index of indexes) {
      p += installments[index].principal;
      i += installments[index].interest;
      principal[index] = p;
      interest[index] = i;
    }
  }
  return { principal, interest };
}

export interface WriteResult {
  loaded: boolean;
  rows: Record<string, number>;
}

/** Loads the dataset; with `onlyIfEmpty`, only when the fund has no application yet (checked under a lock). */
export async function writeFund(dataSource: DataSource, data: FundDataset, options: { onlyIfEmpty?: boolean; log?: (line: string) => void } = {}): Promise<WriteResult> {
  // Each phase's time, so a slow seed says where its time goes.
  let phaseStarted = Date.now();
  const phase = (what: string) => {
    options.log?.(`fund seed: ${what} in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
    phaseStarted = Date.now();
  };
  const result = await dataSource.transaction(async ({ queryRunner }) => {
    const q = queryRunner!;
    await q.query(`SELECT pg_advisory_xact_lock($1)`, [SEED_LOCK_KEY]);
    await deferRollups(q);
    if (options.onlyIfEmpty) {
      const [{ present }] = await q.query(`SELECT EXISTS (SELECT 1 FROM loan_application) AS present`);
      if (present) {
        return { loaded: false, rows: {} };
      }
    }
    const products: { id: string; code: string }[] = await q.query(`SELECT id, code FROM loan_product`);
    const productId = new Map(products.map((p) => [p.code, p.id]));
    const product = (code: string) => {
      const id = productId.get(code);
      if (!id) throw new Error(`loan product ${code} is missing: run the fund's migrations first`);
      return id;
    };
    const rows: Record<string, number> = {};
    rows.loan_application = await insertAll(q, "loan_application", [
      { name: "id", type: "uuid", value: (a) => a.id },
      { name: "cooperative_id", type: "uuid", value: (a) => a.cooperativeId },
      { name: "product_id", type: "uuid", value: (a) => product(a.productCode) },
      { name: "project_name", type: "varchar", value: (a) => a.projectName },
      { name: "purpose", type: "text", value: (a) => a.purpose },
      { name: "requested_amount", type: "bigint", value: (a) => a.requestedAmount },
      { name: "requested_term_months", type: "int", value: (a) => a.requestedTermMonths },
      { name: "collateral", type: "text", value: (a) => a.collateral },
      { name: "status", type: "varchar", value: (a) => a.status },
      { name: "submitted_on", type: "date", value: (a) => a.submittedOn },
      { name: "submitted_by", type: "varchar", value: (a) => a.submittedBy },
      { name: "submitted_by_role", type: "varchar", value: (a) => a.submittedByRole },
      ...borrowerColumns<FundDataset["applications"][number]>(),
      { name: "appraisal_started_by", type: "varchar", value: (a) => a.appraisalStartedBy },
      { name: "appraisal_started_at", type: "timestamptz", value: (a) => a.appraisalStartedAt },
      { name: "appraised_by", type: "varchar", value: (a) => a.appraisedBy },
      { name: "appraised_at", type: "timestamptz", value: (a) => a.appraisedAt },
      { name: "appraisal_recommendation", type: "varchar", value: (a) => a.appraisalRecommendation },
      { name: "recommended_amount", type: "bigint", value: (a) => a.recommendedAmount },
      { name: "appraisal_notes", type: "text", value: (a) => a.appraisalNotes },
      { name: "decided_by", type: "varchar", value: (a) => a.decidedBy },
      { name: "decided_at", type: "timestamptz", value: (a) => a.decidedAt },
      { name: "decided_on", type: "date", value: (a) => a.decidedOn },
      { name: "decision_reason", type: "text", value: (a) => a.decisionReason },
      { name: "approved_amount", type: "bigint", value: (a) => a.approvedAmount },
      { name: "approved_term_months", type: "int", value: (a) => a.approvedTermMonths },
      { name: "approved_annual_rate", type: "numeric", value: (a) => a.approvedAnnualRate },
      { name: "withdrawn_by", type: "varchar", value: (a) => a.withdrawnBy },
      { name: "withdrawn_at", type: "timestamptz", value: (a) => a.withdrawnAt },
      { name: "withdrawal_reason", type: "text", value: (a) => a.withdrawalReason },
      { name: "version", type: "int", value: (a) => a.version },
      { name: "created_at", type: "timestamptz", value: (a) => a.createdAt },
      { name: "updated_at", type: "timestamptz", value: (a) => a.updatedAt },
    ], data.applications);
    rows.loan = await insertAll(q, "loan", [
      { name: "id", type: "uuid", value: (l) => l.id },
      { name: "contract_number", type: "varchar", value: (l) => l.contractNumber },
      { name: "application_id", type: "uuid", value: (l) => l.applicationId },
      { name: "cooperative_id", type: "uuid", value: (l) => l.cooperativeId },
      { name: "product_id", type: "uuid", value: (l) => product(l.productCode) },
      { name: "signed_on", type: "date", value: (l) => l.signedOn },
      { name: "signed_by", type: "varchar", value: (l) => l.signedBy },
      { name: "principal", type: "bigint", value: (l) => l.principal },
      { name: "annual_interest_rate", type: "numeric", value: (l) => l.annualInterestRate },
      { name: "term_months", type: "int", value: (l) => l.termMonths },
      { name: "grace_months", type: "int", value: (l) => l.graceMonths },
      { name: "repayment_method", type: "varchar", value: (l) => l.repaymentMethod },
      { name: "overdue_interest_percent", type: "int", value: (l) => l.overdueInterestPercent },
      { name: "first_disbursed_on", type: "date", value: (l) => l.firstDisbursedOn },
      { name: "last_event_on", type: "date", value: (l) => l.lastEventOn },
      { name: "lifecycle", type: "varchar", value: (l) => l.lifecycle },
      { name: "restructured_on", type: "date", value: (l) => l.restructuredOn },
      { name: "closed_on", type: "date", value: (l) => l.closedOn },
      { name: "written_off_on", type: "date", value: (l) => l.writtenOffOn },
      { name: "written_off_principal", type: "bigint", value: (l) => l.writtenOffPrincipal },
      { name: "written_off_by", type: "varchar", value: (l) => l.writtenOffBy },
      { name: "write_off_reason", type: "text", value: (l) => l.writeOffReason },
      ...borrowerColumns<FundDataset["loans"][number]>(),
      { name: "version", type: "int", value: (l) => l.version },
      { name: "created_at", type: "timestamptz", value: (l) => l.createdAt },
      { name: "updated_at", type: "timestamptz", value: (l) => l.updatedAt },
    ], data.loans);
    rows.disbursement = await insertAll(q, "disbursement", [
      { name: "id", type: "uuid", value: (d) => d.id },
      { name: "loan_id", type: "uuid", value: (d) => d.loanId },
      { name: "tranche_number", type: "int", value: (d) => d.trancheNumber },
      { name: "disbursed_on", type: "date", value: (d) => d.disbursedOn },
      { name: "amount", type: "bigint", value: (d) => d.amount },
      { name: "idempotency_key", type: "varchar", value: (d) => d.idempotencyKey },
      { name: "note", type: "text", value: (d) => d.note },
      { name: "recorded_by", type: "varchar", value: (d) => d.recordedBy },
      { name: "recorded_at", type: "timestamptz", value: (d) => d.recordedAt },
    ], data.disbursements);
    rows.loan_schedule = await insertAll(q, "loan_schedule", [
      { name: "id", type: "uuid", value: (s) => s.id },
      { name: "loan_id", type: "uuid", value: (s) => s.loanId },
      { name: "version", type: "int", value: (s) => s.version },
      { name: "effective_from", type: "date", value: (s) => s.effectiveFrom },
      { name: "reason", type: "varchar", value: (s) => s.reason },
      { name: "annual_interest_rate", type: "numeric", value: (s) => s.annualInterestRate },
    ], data.schedules);
    const installments = data.installments;
    const toDate = runningTotals(installments);
    rows.schedule_installment = await insertAll(q, "schedule_installment", [
      { name: "id", type: "uuid", value: (k: number) => installments[k].id },
      { name: "schedule_id", type: "uuid", value: (k: number) => installments[k].scheduleId },
      { name: "loan_id", type: "uuid", value: (k: number) => installments[k].loanId },
      { name: "number", type: "int", value: (k: number) => installments[k].number },
      { name: "due_date", type: "date", value: (k: number) => installments[k].dueDate },
      { name: "principal", type: "bigint", value: (k: number) => installments[k].principal },
      { name: "interest", type: "bigint", value: (k: number) => installments[k].interest },
      { name: "principal_to_date", type: "bigint", value: (k: number) => toDate.principal[k] },
      { name: "interest_to_date", type: "bigint", value: (k: number) => toDate.interest[k] },
    ], installments.keys());
    rows.repayment = await insertAll(q, "repayment", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "loan_id", type: "uuid", value: (r) => r.loanId },
      { name: "paid_on", type: "date", value: (r) => r.paidOn },
      { name: "amount", type: "bigint", value: (r) => r.amount },
      { name: "overdue_interest_part", type: "bigint", value: (r) => r.overdueInterestPart },
      { name: "interest_part", type: "bigint", value: (r) => r.interestPart },
      { name: "principal_part", type: "bigint", value: (r) => r.principalPart },
      { name: "idempotency_key", type: "varchar", value: (r) => r.idempotencyKey },
      { name: "recorded_by", type: "varchar", value: (r) => r.recordedBy },
      { name: "recorded_at", type: "timestamptz", value: (r) => r.recordedAt },
    ], data.repayments);
    rows.loan_restructuring = await insertAll(q, "loan_restructuring", [
      { name: "id", type: "uuid", value: (r) => r.id },
      { name: "loan_id", type: "uuid", value: (r) => r.loanId },
      { name: "effective_on", type: "date", value: (r) => r.effectiveOn },
      { name: "remaining_months", type: "int", value: (r) => r.remainingMonths },
      { name: "grace_months", type: "int", value: (r) => r.graceMonths },
      { name: "annual_interest_rate", type: "numeric", value: (r) => r.annualInterestRate },
      { name: "reason", type: "text", value: (r) => r.reason },
      { name: "decided_by", type: "varchar", value: (r) => r.decidedBy },
      { name: "recorded_at", type: "timestamptz", value: (r) => r.recordedAt },
    ], data.restructurings);
    rows.contract_counter = await insertAll(q, "contract_counter", [
      { name: "year", type: "int", value: (c) => c.year },
      { name: "last_number", type: "int", value: (c) => c.lastNumber },
    ], data.contractCounters);
    phase("rows copied");
    // The rollups once for the whole dataset, not once per row (triggers deferred above).
    await writeRollups(q, data, phase);
    return { loaded: true, rows };
  });
  if (result.loaded) phase("committed");
  return result;
}
