import { BinaryField, binaryFieldsOf, binaryRow, binaryText, binaryTextArray, binaryUuid, BulkColumn, bulkInsert, clearFigures, Contribution, CopyBinary, CopyBuffer, copyFigureTotals, copyFromStdin, copyLine, CopyText, deferRollups, FigureTotals, rebuildRollups, withIndexesAfterLoad, withTriggersOff } from "@camau/shared";
import { FUND_ROLLUPS } from "../report/rollups";
import { DataSource, QueryRunner } from "typeorm";
import { ApplicationRow, BorrowerColumns, DisbursementRow, FundDataset, FundGenerateOptions, generateFundInSteps, InstallmentRow, LoanRecords, LoanRow, RepaymentRow, RestructuringRow, ScheduleRow } from "./generateFund";
import { LoanLedgerRows, ledgersOf, outstandingContributions, portfolioContributions, Threshold } from "./rollupRows";

/**
 * Writes the fund's demo data into its tables in one transaction: everything or nothing. Each
 * loan's ledger (disbursements, schedules, instalments, repayments, restructurings) and its
 * contributions to the dated rollups (computed in memory by rollupRows.ts instead of by their SQL
 * functions over every loan) go to COPY statements loan by loan, while the generator makes the
 * next loans (`seedFund`): a national dataset is never held whole. The indexes and keys of the
 * loaded tables are built once after the load, and the triggers that only keep derived figures
 * current (which do nothing while the rollups are deferred) are off during it. Products are the
 * migration's; rows name them by code.
 */

type Column<R> = BulkColumn<R>;

/** Arbitrary key of the advisory lock that serialises seeding of the fund. */
const SEED_LOCK_KEY = 96_002;

/** The figures computed in memory: each loan's contributions, as the figure's SQL function gives them. */
const IN_MEMORY_ROLLUPS: Record<string, (loan: LoanLedgerRows, thresholds: readonly Threshold[]) => Contribution[]> = {
  outstanding_principal: (loan) => outstandingContributions(loan),
  portfolio: portfolioContributions,
};

/** Tables loaded with their indexes and keys built after the load (the seed's large ones). */
const LOADED_TABLES = ["loan_application", "loan", "disbursement", "loan_schedule", "schedule_installment", "repayment", "loan_restructuring", "rollup_contribution", "rollup_delta", "rollup_snapshot"];

/**
 * Trigger functions that only refresh derived figures (the dated rollups, the instalments' running
 * totals) and return at once while the rollups are deferred; the loader writes those figures
 * itself. Off during the load, they no longer collect every inserted row into transition tables.
 */
const DERIVED_FIGURE_TRIGGERS = ["rollup_on_change", "schedule_installment_running_totals"];

/** Bytes of COPY text per statement of a table written loan by loan. */
const STATEMENT_BYTES = 8 << 20;
/** Statements waiting for the connection before the generator waits for the server. */
const MAX_QUEUED_STATEMENTS = 2;

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
 * the InstallmentRunningTotals migration adds), by the instalment's index (one loan's instalments at
 * a time), computed here with the rows instead of by an UPDATE of every instalment after the load.
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

const applicationColumns = (product: (code: string) => string): Column<ApplicationRow>[] => [
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
  ...borrowerColumns<ApplicationRow>(),
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
];

const loanColumns = (product: (code: string) => string): Column<LoanRow>[] => [
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
  ...borrowerColumns<LoanRow>(),
  { name: "version", type: "int", value: (l) => l.version },
  { name: "created_at", type: "timestamptz", value: (l) => l.createdAt },
  { name: "updated_at", type: "timestamptz", value: (l) => l.updatedAt },
];

const DISBURSEMENT_COLUMNS: Column<DisbursementRow>[] = [
  { name: "id", type: "uuid", value: (d) => d.id },
  { name: "loan_id", type: "uuid", value: (d) => d.loanId },
  { name: "tranche_number", type: "int", value: (d) => d.trancheNumber },
  { name: "disbursed_on", type: "date", value: (d) => d.disbursedOn },
  { name: "amount", type: "bigint", value: (d) => d.amount },
  { name: "idempotency_key", type: "varchar", value: (d) => d.idempotencyKey },
  { name: "note", type: "text", value: (d) => d.note },
  { name: "recorded_by", type: "varchar", value: (d) => d.recordedBy },
  { name: "recorded_at", type: "timestamptz", value: (d) => d.recordedAt },
];

const SCHEDULE_COLUMNS: Column<ScheduleRow>[] = [
  { name: "id", type: "uuid", value: (s) => s.id },
  { name: "loan_id", type: "uuid", value: (s) => s.loanId },
  { name: "version", type: "int", value: (s) => s.version },
  { name: "effective_from", type: "date", value: (s) => s.effectiveFrom },
  { name: "reason", type: "varchar", value: (s) => s.reason },
  { name: "annual_interest_rate", type: "numeric", value: (s) => s.annualInterestRate },
];

/** An instalment with its running totals (see runningTotals). */
interface InstallmentLine {
  row: InstallmentRow;
  principalToDate: number;
  interestToDate: number;
}

const INSTALLMENT_COLUMNS: Column<InstallmentLine>[] = [
  { name: "id", type: "uuid", value: (k) => k.row.id },
  { name: "schedule_id", type: "uuid", value: (k) => k.row.scheduleId },
  { name: "loan_id", type: "uuid", value: (k) => k.row.loanId },
  { name: "number", type: "int", value: (k) => k.row.number },
  { name: "due_date", type: "date", value: (k) => k.row.dueDate },
  { name: "principal", type: "bigint", value: (k) => k.row.principal },
  { name: "interest", type: "bigint", value: (k) => k.row.interest },
  { name: "principal_to_date", type: "bigint", value: (k) => k.principalToDate },
  { name: "interest_to_date", type: "bigint", value: (k) => k.interestToDate },
];

const REPAYMENT_COLUMNS: Column<RepaymentRow>[] = [
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
];

const RESTRUCTURING_COLUMNS: Column<RestructuringRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "loan_id", type: "uuid", value: (r) => r.loanId },
  { name: "effective_on", type: "date", value: (r) => r.effectiveOn },
  { name: "remaining_months", type: "int", value: (r) => r.remainingMonths },
  { name: "grace_months", type: "int", value: (r) => r.graceMonths },
  { name: "annual_interest_rate", type: "numeric", value: (r) => r.annualInterestRate },
  { name: "reason", type: "text", value: (r) => r.reason },
  { name: "decided_by", type: "varchar", value: (r) => r.decidedBy },
  { name: "recorded_at", type: "timestamptz", value: (r) => r.recordedAt },
];

const COUNTER_COLUMNS: Column<FundDataset["contractCounters"][number]>[] = [
  { name: "year", type: "int", value: (c) => c.year },
  { name: "last_number", type: "int", value: (c) => c.lastNumber },
];

/** The ledger tables written loan by loan, with their columns (whose types choose each table's format). */
const LEDGER_TABLES: Readonly<Record<string, readonly { name: string }[]>> = {
  disbursement: DISBURSEMENT_COLUMNS,
  loan_schedule: SCHEDULE_COLUMNS,
  schedule_installment: INSTALLMENT_COLUMNS,
  repayment: REPAYMENT_COLUMNS,
  loan_restructuring: RESTRUCTURING_COLUMNS,
};

/**
 * Each loan's own rows and its rollup contributions, in COPY's binary format where every column's
 * type has a writer (the instalments and repayments, millions of rows: the server checks their
 * values instead of parsing their text, in about a third of the time; docs/performance.md, round
 * eight), else as COPY text, sent to the server in statements of a few megabytes queued on the
 * transaction's connection while the caller goes on (one statement at a time: COPY holds the
 * connection).
 */
class LedgerWriter {
  readonly rows: Record<string, number> = {};
  /** Per figure computed in memory: its totals per day and cell. */
  readonly totals: Map<string, FigureTotals>;
  /** Per figure, its name and each cell (by cell id) as binary COPY fields, encoded once however many rows name them. */
  private readonly fields: Map<string, { figure: Buffer; cells: Buffer[] }>;
  private readonly pending = new Map<string, { columns: readonly string[]; out: CopyBuffer }>();
  private readonly queued: Promise<void>[] = [];
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly q: QueryRunner,
    private readonly figures: readonly string[],
    private readonly thresholds: readonly Threshold[],
    /** Per ledger table, its columns' binary writers (binaryFieldsOf), or undefined for COPY text. */
    private readonly binaryFields: ReadonlyMap<string, BinaryField[] | undefined>,
  ) {
    this.totals = new Map(figures.map((f) => [f, new FigureTotals()]));
    this.fields = new Map(figures.map((f) => [f, { figure: binaryText(f), cells: [] }]));
  }

  add(records: LoanRecords): void {
    for (const d of records.disbursements) this.line("disbursement", DISBURSEMENT_COLUMNS, d);
    for (const s of records.schedules) this.line("loan_schedule", SCHEDULE_COLUMNS, s);
    const toDate = runningTotals(records.installments);
    records.installments.forEach((row, k) => this.line("schedule_installment", INSTALLMENT_COLUMNS, { row, principalToDate: toDate.principal[k], interestToDate: toDate.interest[k] }));
    for (const r of records.repayments) this.line("repayment", REPAYMENT_COLUMNS, r);
    for (const r of records.restructurings) this.line("loan_restructuring", RESTRUCTURING_COLUMNS, r);
    const out = this.batch("rollup_contribution", CONTRIBUTION_COLUMNS, () => new CopyBinary());
    for (const figure of this.figures) {
      const totals = this.totals.get(figure)!;
      const fields = this.fields.get(figure)!;
      const owner = binaryUuid(records.loan.id);
      totals.addAll(IN_MEMORY_ROLLUPS[figure](records, this.thresholds), (c, id) => {
        out.row(CONTRIBUTION_COLUMNS.length);
        out.bytes(fields.figure);
        out.bytes(owner);
        out.bytes((fields.cells[id] ??= binaryTextArray(totals.cells[id])));
        out.date(c.day);
        out.int64(c.delta);
      });
    }
    this.sendWhenFull("rollup_contribution");
  }

  private line<R>(table: string, columns: Column<R>[], row: R): void {
    const fields = this.binaryFields.get(table);
    const names = columnNames(columns);
    if (fields) binaryRow(this.batch(table, names, () => new CopyBinary()), columns, fields, row);
    else this.batch(table, names, () => new CopyText()).text(copyLine(columns, row));
    this.sendWhenFull(table);
  }

  /** The statement being written into for a table (a new one, in its format, after each send). */
  private batch<W extends CopyBuffer>(table: string, columns: readonly string[], start: () => W): W {
    let batch = this.pending.get(table);
    if (!batch) this.pending.set(table, (batch = { columns, out: start() }));
    return batch.out as W;
  }

  private sendWhenFull(table: string): void {
    if (this.pending.get(table)!.out.size >= STATEMENT_BYTES) this.send(table);
  }

  private send(table: string): void {
    const batch = this.pending.get(table);
    if (!batch) return;
    this.pending.delete(table);
    batch.out.end();
    const chunks = batch.out.take();
    const sent = this.last.then(async () => {
      this.rows[table] = (this.rows[table] ?? 0) + (await copyFromStdin(this.q, table, batch.columns, chunks, batch.out.format));
    });
    // A failure is raised by pace() or finish(); nothing is sent after it.
    sent.catch(() => undefined);
    this.last = sent;
    this.queued.push(sent);
  }

  /** Lets the connection send meanwhile; waits for the server when statements pile up. */
  async pace(): Promise<void> {
    while (this.queued.length > MAX_QUEUED_STATEMENTS) await this.queued.shift();
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Sends what is left and waits for every statement. */
  async finish(): Promise<void> {
    for (const table of [...this.pending.keys()]) this.send(table);
    while (this.queued.length) await this.queued.shift();
  }
}

const CONTRIBUTION_COLUMNS = ["figure", "owner_id", "cell", "day", "delta"];

const names = new WeakMap<Column<never>[], string[]>();
function columnNames<R>(columns: Column<R>[]): string[] {
  let found = names.get(columns as Column<never>[]);
  if (!found) names.set(columns as Column<never>[], (found = columns.map((c) => c.name)));
  return found;
}

/**
 * What rollup_rebuild writes after the contributions: deltas, month-end horizon and snapshots of
 * each figure computed in memory, the figures in the order of their names (the first column of the
 * rollup tables' keys: each figure's rows come in key order, see FigureTotals).
 */
async function writeRollupTotals(q: QueryRunner, writer: LedgerWriter, today: string, phase: (what: string) => void): Promise<void> {
  for (const [figure, totals] of [...writer.totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await copyFigureTotals(q, figure, totals, today);
    phase(`rollup ${figure} written`);
  }
}

/** withIndexesAfterLoad over several tables. */
function withIndexesAfterLoadOf<T>(q: QueryRunner, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  return tables.length ? withIndexesAfterLoad(q, tables[0], () => withIndexesAfterLoadOf(q, tables.slice(1), load)) : load();
}

export interface WriteResult {
  loaded: boolean;
  rows: Record<string, number>;
  /** Loans written. */
  loans: number;
}

export interface WriteOptions {
  /** Load only when the fund has no application yet (checked under a lock). */
  onlyIfEmpty?: boolean;
  log?: (line: string) => void;
}

/**
 * The load, in one transaction: `produce` hands each loan's records to the writer (pacing itself
 * with `pace`) and returns the dataset's applications, loans and counters, written after them.
 */
async function loadFund(dataSource: DataSource, options: WriteOptions, produce: (writer: LedgerWriter) => Promise<FundDataset>): Promise<WriteResult> {
  // Each phase's time, so a slow seed says where its time goes.
  let phaseStarted = Date.now();
  const phase = (what: string) => {
    options.log?.(`fund seed: ${what} in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
    phaseStarted = Date.now();
  };
  const result = await dataSource.transaction(async ({ queryRunner }): Promise<WriteResult> => {
    const q = queryRunner!;
    await q.query(`SELECT pg_advisory_xact_lock($1)`, [SEED_LOCK_KEY]);
    await deferRollups(q);
    if (options.onlyIfEmpty) {
      const [{ present }] = await q.query(`SELECT EXISTS (SELECT 1 FROM loan_application) AS present`);
      if (present) return { loaded: false, rows: {}, loans: 0 };
    }
    const products: { id: string; code: string }[] = await q.query(`SELECT id, code FROM loan_product`);
    const productId = new Map(products.map((p) => [p.code, p.id]));
    const product = (code: string) => {
      const id = productId.get(code);
      if (!id) throw new Error(`loan product ${code} is missing: run the fund's migrations first`);
      return id;
    };
    const figures = Object.keys(FUND_ROLLUPS).filter((f) => IN_MEMORY_ROLLUPS[f]);
    await clearFigures(q, figures);
    const thresholds: Threshold[] = (await q.query(`SELECT debt_group, min_days_past_due FROM debt_group_threshold`)).map((t: { debt_group: number; min_days_past_due: number }) => ({
      debtGroup: Number(t.debt_group),
      minDaysPastDue: Number(t.min_days_past_due),
    }));
    const [{ today }] = await q.query(`SELECT current_date::text AS today`);
    const loaded = await withTriggersOff(q, LOADED_TABLES, DERIVED_FIGURE_TRIGGERS, async () => {
      const copied = await withIndexesAfterLoadOf(q, LOADED_TABLES, async () => {
        const binaryFields = new Map<string, BinaryField[] | undefined>();
        for (const [table, columns] of Object.entries(LEDGER_TABLES)) binaryFields.set(table, await binaryFieldsOf(q, table, columns.map((c) => c.name)));
        const writer = new LedgerWriter(q, figures, thresholds, binaryFields);
        const data = await produce(writer);
        await writer.finish();
        phase(`${data.loans.length.toLocaleString("en-US")} loans' ledgers and rollup contributions copied`);
        const rows: Record<string, number> = {};
        rows.loan_application = await bulkInsert(q, "loan_application", applicationColumns(product), data.applications);
        rows.loan = await bulkInsert(q, "loan", loanColumns(product), data.loans);
        rows.contract_counter = await bulkInsert(q, "contract_counter", COUNTER_COLUMNS, data.contractCounters);
        Object.assign(rows, writer.rows);
        delete rows.rollup_contribution;
        phase("applications and loans copied");
        await writeRollupTotals(q, writer, today, phase);
        return { rows, loans: data.loans.length };
      });
      phase("indexes and keys built");
      return copied;
    });
    // Any other figure of the fund is rebuilt by its SQL function.
    const others = Object.fromEntries(Object.entries(FUND_ROLLUPS).filter(([f]) => !IN_MEMORY_ROLLUPS[f]));
    await rebuildRollups(q, others, (figure) => phase(`rollup ${figure} rebuilt`));
    return { loaded: true, ...loaded };
  });
  if (result.loaded) phase("committed");
  return result;
}

/** Loads a generated dataset; with `onlyIfEmpty`, only when the fund has no application yet. */
export function writeFund(dataSource: DataSource, data: FundDataset, options: WriteOptions = {}): Promise<WriteResult> {
  return loadFund(dataSource, options, async (writer) => {
    for (const records of ledgersOf(data)) {
      writer.add(records);
      await writer.pace();
    }
    return data;
  });
}

/**
 * Generates the fund's demo data and loads it (same rows as `writeFund(generateFund(...))`),
 * writing each loan's ledger while the next loans are generated instead of holding the dataset.
 */
export function seedFund(dataSource: DataSource, generate: FundGenerateOptions, options: WriteOptions = {}): Promise<WriteResult> {
  return loadFund(dataSource, options, async (writer) => {
    const steps = generateFundInSteps(generate, (records) => writer.add(records));
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await writer.pace();
    }
  });
}
