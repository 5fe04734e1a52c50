import { ApplicationStatus, AppraisalRecommendation, LoanStatus, RepaymentMethod, ScheduleReason } from "../domain/enums";
import { allocateRepayment, LedgerLoan, LedgerRepayment, LoanPosition, PenaltyMemo, positionAsOf, scheduleAt, ScheduleVersion } from "../domain/ledger";
import { rateE4 } from "../domain/money";
import { buildSchedule, Installment, rescheduleForTranche, restructureSchedule } from "../domain/schedule";
import { signedLoanState } from "../domain/lifecycle";
import { DEFAULT_LOAN_PRODUCTS, LoanProductData } from "../reference/products";
import { addDays, addMonths, daysBetween, dayNumber, isoOfDay, maxDate, Random, REFORM_DATE } from "@camau/shared";

/**
 * The fund's demo history, generated in memory (pure: no I/O, no clock) from a seed and the
 * borrowers the registry's demo data offers.
 *
 * From March 2017 (the fund's VND 12.5 billion charter capital) to the dataset's end, loans of a
 * few hundred million đồng to cooperatives that were ACTIVE when they applied, in three lending
 * streams (LENDING_STREAMS), each with its own random streams so that adding one never changes
 * another's loans:
 * - the fund's own books: old Cà Mau's cooperatives over the whole history, old Bạc Liêu's from
 *   the merger on. Exactly `FUNDED_IN_REPORT_PERIOD` (22, the article's figure) of its loans have
 *   their first disbursement between 2021-01-01 and 2021-06-30, by construction: first-disbursement
 *   dates are drawn per period with fixed counts, and every other date of a loan is placed
 *   relative to it;
 * - old Bạc Liêu's fund before the merger: its cooperatives' loans disbursed before 2025-07-01,
 *   under their own contract series (the merged fund took them over, repayments continue);
 * - cooperatives registered in the new units since the reform (no district), from late 2025.
 *
 * Every schedule, tranche, repayment split, restructuring and write-off goes through the same
 * domain code as the API (domain/schedule.ts, domain/ledger.ts), so the data obeys the API's rules:
 * most loans are repaid on time and closed, some pay late, some stop paying and are overdue at
 * the end, a few are restructured, one is written off.
 */

export const DEFAULT_FUND_SEED = 452017;
export const REPORT_FROM = "2021-01-01";
export const REPORT_TO = "2021-06-30";
export const FUNDED_IN_REPORT_PERIOD = 22;
export const FUND_HISTORY_START = "2017-03-01";
/**
 * The end of the last full month before the demo's "today" (2026-12-03), so running loans have
 * their repayments up to date instead of all looking overdue. A constant: the generator reads no
 * clock, so the same seed always gives the same rows.
 */
export const DEFAULT_HORIZON = "2026-11-30";

/** A cooperative the fund may lend to, from the registry's data. */
export interface BorrowerCandidate {
  id: string;
  sectorCode: string;
  sectorName: string;
  districtCode: string | null;
  districtName: string | null;
  /** Commune of the head office, in the code system its district says (none: the new units). */
  communeCode: string;
  communeName: string | null;
  /** Periods in which it was ACTIVE: `to` is the first day it no longer was (null: still ACTIVE). */
  activeSpans: { from: string; to: string | null }[];
  origin: BorrowerOrigin;
}

/** Where a cooperative was registered: old Cà Mau, old Bạc Liêu, or the new units since the reform. */
export type BorrowerOrigin = "CA_MAU" | "BAC_LIEU" | "SINCE_REFORM";

export interface FundGenerateOptions {
  seed?: number;
  borrowers: readonly BorrowerCandidate[];
  horizon?: string;
  /**
   * 1 (the default) is the province's demo history, unchanged. A larger scale (with the
   * registry's borrowers at the same scale, `npm run seed -- --scale N`) has LOANS_PER_SCALE
   * times as many loans and other applications per unit of scale: about 50,000 loans at 100.
   */
  scale?: number;
}

/** Loans per unit of scale above 1, relative to the province: national size is about 50,000 loans at scale 100. */
const LOANS_PER_SCALE = 2.37;

// --- Rows, shaped like the tables of the InitialFund migration (camelCase of the columns). ------

export interface BorrowerColumns {
  sectorCode: string;
  sectorName: string;
  districtCode: string | null;
  districtName: string | null;
  communeCode: string | null;
  communeName: string | null;
  takenAt: string;
}

export interface ApplicationRow {
  id: string;
  cooperativeId: string;
  productCode: string;
  projectName: string;
  purpose: string;
  requestedAmount: number;
  requestedTermMonths: number;
  collateral: string | null;
  status: ApplicationStatus;
  submittedOn: string;
  submittedBy: string;
  submittedByRole: string;
  borrower: BorrowerColumns;
  appraisalStartedBy: string | null;
  appraisalStartedAt: string | null;
  appraisedBy: string | null;
  appraisedAt: string | null;
  appraisalRecommendation: AppraisalRecommendation | null;
  recommendedAmount: number | null;
  appraisalNotes: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decidedOn: string | null;
  decisionReason: string | null;
  approvedAmount: number | null;
  approvedTermMonths: number | null;
  approvedAnnualRate: number | null;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LoanRow {
  id: string;
  contractNumber: string;
  applicationId: string;
  cooperativeId: string;
  productCode: string;
  signedOn: string;
  signedBy: string;
  principal: number;
  annualInterestRate: number;
  termMonths: number;
  graceMonths: number;
  repaymentMethod: RepaymentMethod;
  overdueInterestPercent: number;
  firstDisbursedOn: string | null;
  lastEventOn: string;
  lifecycle: LoanStatus;
  restructuredOn: string | null;
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOffPrincipal: number | null;
  writtenOffBy: string | null;
  writeOffReason: string | null;
  borrower: BorrowerColumns;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DisbursementRow {
  id: string;
  loanId: string;
  trancheNumber: number;
  disbursedOn: string;
  amount: number;
  idempotencyKey: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface RepaymentRow {
  id: string;
  loanId: string;
  paidOn: string;
  amount: number;
  overdueInterestPart: number;
  interestPart: number;
  principalPart: number;
  idempotencyKey: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ScheduleRow {
  id: string;
  loanId: string;
  version: number;
  effectiveFrom: string;
  reason: ScheduleReason;
  annualInterestRate: number;
}

export interface InstallmentRow {
  id: string;
  scheduleId: string;
  loanId: string;
  number: number;
  dueDate: string;
  principal: number;
  interest: number;
}

export interface RestructuringRow {
  id: string;
  loanId: string;
  effectiveOn: string;
  remainingMonths: number;
  graceMonths: number;
  annualInterestRate: number;
  reason: string;
  decidedBy: string;
  recordedAt: string;
}

/**
 * One loan's own rows, made together while its life is replayed: a streaming loader writes them
 * and drops them loan by loan instead of holding the whole dataset.
 */
export interface LoanRecords {
  loan: LoanRow;
  disbursements: DisbursementRow[];
  repayments: RepaymentRow[];
  schedules: ScheduleRow[];
  installments: InstallmentRow[];
  restructurings: RestructuringRow[];
}

export interface FundDataset {
  seed: number;
  horizon: string;
  applications: ApplicationRow[];
  loans: LoanRow[];
  disbursements: DisbursementRow[];
  repayments: RepaymentRow[];
  schedules: ScheduleRow[];
  installments: InstallmentRow[];
  restructurings: RestructuringRow[];
  /** Last contract number used per signing year (the contract_counter table). */
  contractCounters: { year: number; lastNumber: number }[];
}

// ---------------------------------------------------------------------------------------------

/** First disbursements per period; the H1 2021 count is the article's figure. */
const ORIGINATION_PLAN: ReadonlyArray<readonly [string, string, number]> = [
  [FUND_HISTORY_START, "2017-12-31", 12],
  ["2018-01-01", "2018-12-31", 16],
  ["2019-01-01", "2019-12-31", 20],
  ["2020-01-01", "2020-12-31", 22],
  [REPORT_FROM, REPORT_TO, FUNDED_IN_REPORT_PERIOD],
  ["2021-07-01", "2021-12-31", 14],
  ["2022-01-01", "2022-12-31", 26],
  ["2023-01-01", "2023-12-31", 26],
  ["2024-01-01", "2024-12-31", 26],
  ["2025-01-01", "2025-06-30", 12],
  ["2025-07-01", "2025-12-31", 13],
  ["2026-01-01", "2026-10-15", 20],
];

/** Old Bạc Liêu's fund before the merger: smaller than Cà Mau's, first disbursements up to the day before it. */
const BAC_LIEU_ORIGINATION_PLAN: ReadonlyArray<readonly [string, string, number]> = [
  ["2017-06-01", "2017-12-31", 6],
  ["2018-01-01", "2018-12-31", 8],
  ["2019-01-01", "2019-12-31", 10],
  ["2020-01-01", "2020-12-31", 10],
  [REPORT_FROM, REPORT_TO, 6],
  ["2021-07-01", "2021-12-31", 5],
  ["2022-01-01", "2022-12-31", 12],
  ["2023-01-01", "2023-12-31", 12],
  ["2024-01-01", "2024-12-31", 12],
  ["2025-01-01", "2025-06-30", 6],
];

/** Cooperatives registered since the reform: from a few months after the first ones were founded. */
const SINCE_REFORM_ORIGINATION_PLAN: ReadonlyArray<readonly [string, string, number]> = [
  ["2025-11-01", "2025-12-31", 2],
  ["2026-01-01", "2026-11-15", 8],
];

/** Loans granted under one set of books, to one kind of borrower (see the module comment). */
interface LendingStream {
  /** Label of its random streams; none for the fund's own books, whose draws stay what they always were. */
  label: string | null;
  plan: ReadonlyArray<readonly [string, string, number]>;
  origins: readonly BorrowerOrigin[];
  /** May the borrower apply on that day? */
  lendsOn: (b: BorrowerCandidate, day: string) => boolean;
  /** Its contract numbers: `${series}-${year}-${n}`, numbered per series and year. */
  contractSeries: string;
  /** The one written-off loan of the history is in this stream. */
  writeOff: boolean;
}

/** The fund's own contract series (the contract_counter table continues it). */
const FUND_CONTRACT_SERIES = "QHT";

const LENDING_STREAMS: readonly LendingStream[] = [
  { label: null, plan: ORIGINATION_PLAN, origins: ["CA_MAU", "BAC_LIEU"], lendsOn: (b, day) => b.origin === "CA_MAU" || day >= REFORM_DATE, contractSeries: FUND_CONTRACT_SERIES, writeOff: true },
  { label: "bac-lieu", plan: BAC_LIEU_ORIGINATION_PLAN, origins: ["BAC_LIEU"], lendsOn: (_b, day) => day < REFORM_DATE, contractSeries: "QHTBL", writeOff: false },
  { label: "since-reform", plan: SINCE_REFORM_ORIGINATION_PLAN, origins: ["SINCE_REFORM"], lendsOn: () => true, contractSeries: FUND_CONTRACT_SERIES, writeOff: false },
];

/** Which sectors borrow: agriculture and fisheries first, as in Cà Mau. */
const SECTOR_WEIGHTS: Readonly<Record<string, number>> = {
  AGRICULTURE: 4,
  FISHERIES: 4,
  FORESTRY: 1.5,
  SALT: 1,
  INDUSTRY_HANDICRAFTS: 1.5,
  TRADE_SERVICES: 1,
  TRANSPORT: 0.6,
  CONSTRUCTION: 0.3,
  ENVIRONMENT: 0.4,
  PEOPLES_CREDIT_FUND: 0.05,
  OTHER: 0.5,
};

const PROJECTS: Readonly<Record<string, readonly string[]>> = {
  AGRICULTURE: ["Mua máy gặt đập liên hợp", "Xây dựng lò sấy lúa", "Sản xuất lúa hữu cơ trên đất nuôi tôm", "Mở rộng vùng trồng chuối xuất khẩu", "Đầu tư nhà lưới trồng rau an toàn"],
  FISHERIES: ["Cải tạo ao nuôi tôm quảng canh cải tiến", "Nuôi cua biển kết hợp tôm", "Xây dựng kho lạnh bảo quản thủy sản", "Nuôi tôm sinh thái dưới tán rừng", "Mua tàu dịch vụ hậu cần nghề cá"],
  FORESTRY: ["Nuôi ong lấy mật rừng tràm U Minh Hạ", "Trồng và chăm sóc rừng keo lai", "Chế biến gỗ rừng trồng"],
  SALT: ["Cải tạo ruộng muối trải bạt", "Xây dựng kho chứa muối"],
  INDUSTRY_HANDICRAFTS: ["Mua máy dệt chiếu cói", "Chế biến khô cá bổi Trần Văn Thời", "Sản xuất tôm khô Rạch Gốc", "Đan lát đồ thủ công từ lục bình"],
  TRADE_SERVICES: ["Mở rộng cửa hàng vật tư nông nghiệp", "Dịch vụ thu mua và tiêu thụ nông sản"],
  TRANSPORT: ["Mua phương tiện vận chuyển hàng hóa đường thủy", "Mua xe vận chuyển nông sản"],
  CONSTRUCTION: ["Mua máy trộn bê tông và thiết bị thi công"],
  ENVIRONMENT: ["Mua xe thu gom rác thải sinh hoạt"],
};
const DEFAULT_PROJECTS = ["Đầu tư mở rộng sản xuất kinh doanh", "Bổ sung vốn lưu động phục vụ thành viên"];

const COLLATERALS = ["Quyền sử dụng đất nông nghiệp", "Nhà xưởng và máy móc hình thành từ vốn vay", "Quyền sử dụng đất và tài sản gắn liền với đất", "Phương tiện vận tải thủy"];

type Behaviour = "GOOD" | "LATE" | "PREPAY" | "DEFAULT" | "RESTRUCTURE" | "WRITE_OFF";

const OFFICERS = ["seed-officer-thao", "seed-officer-minh", "seed-officer-hanh"];
const APPROVERS = ["seed-approver-tuan", "seed-approver-lan"];

function at(date: string, time: string): string {
  return `${date}T${time}+07:00`;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function activeThrough(b: BorrowerCandidate, from: string, to: string): boolean {
  return b.activeSpans.some((s) => s.from <= from && (s.to === null || s.to > to));
}

/** First day after `from` on which the borrower is no longer ACTIVE, if any. */
function endOfActivity(b: BorrowerCandidate, from: string): string | null {
  const span = b.activeSpans.find((s) => s.from <= from && (s.to === null || s.to > from));
  return span?.to ?? null;
}

interface LoanPlan {
  index: number;
  firstDisbursedOn: string;
  behaviour: Behaviour;
}

/** A stream with the borrowers it may lend to (in the registry's order). */
interface StreamInUse {
  stream: LendingStream;
  borrowers: readonly BorrowerCandidate[];
  /** Labels of its random streams after the kind ("fund", "loan"). */
  labels: string[];
}

class FundGenerator {
  private readonly borrowerLoans = new Map<string, number>();
  /** Loan id → its contract series, numbered once every loan is made. */
  private readonly contractSeries = new Map<string, string>();
  private readonly data: FundDataset;
  /** Where each loan's own rows go once its life is replayed (by default: into the dataset). */
  private readonly onLoan: (records: LoanRecords) => void;
  /** The sequence of the last id drawn (nextId). */
  private idSequence = 0;

  constructor(
    private readonly seed: number,
    private readonly borrowers: readonly BorrowerCandidate[],
    private readonly horizon: string,
    private readonly scale = 1,
    onLoan?: (records: LoanRecords) => void,
  ) {
    this.data = { seed, horizon, applications: [], loans: [], disbursements: [], repayments: [], schedules: [], installments: [], restructurings: [], contractCounters: [] };
    this.onLoan =
      onLoan ??
      ((records) => {
        this.data.disbursements.push(...records.disbursements);
        this.data.repayments.push(...records.repayments);
        this.data.schedules.push(...records.schedules);
        this.data.installments.push(...records.installments);
        this.data.restructurings.push(...records.restructurings);
      });
  }

  /** The generation, pausing after each loan (see generateFundInSteps). */
  *steps(): Generator<void, FundDataset> {
    const [books, ...others] = LENDING_STREAMS.map((stream): StreamInUse => ({
      stream,
      borrowers: this.borrowers.filter((b) => stream.origins.includes(b.origin)),
      labels: stream.label === null ? [] : [stream.label],
    }));
    // The fund's books and their other applications first, as they always were: the other
    // streams come after, so they change none of their draws.
    yield* this.lend(books);
    this.makeOtherApplications(books);
    for (const s of others) yield* this.lend(s);
    this.data.applications.sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : a.id < b.id ? -1 : 1));
    this.numberContracts();
    return this.data;
  }

  /**
   * The next id of any of the fund's rows: ids increase in the order the rows are made, which is
   * the order the loader writes each table in, so the keys and indexes on them built after a
   * national load (the contributions by loan, the instalments by schedule) sort input already in
   * order: the contributions' key in about two thirds of the time (docs/performance.md, round seven).
   */
  private nextId(r: Random): string {
    return r.sequencedUuid(++this.idSequence);
  }

  private *lend(s: StreamInUse): Generator<void> {
    for (const plan of this.planLoans(s)) {
      this.makeLoan(s, plan);
      yield;
    }
  }

  private planLoans(s: StreamInUse): LoanPlan[] {
    const r = new Random(this.seed, "fund", "plan", ...s.labels);
    const plans: LoanPlan[] = [];
    for (const [from, to, perProvince] of s.stream.plan) {
      const count = this.scale === 1 ? perProvince : Math.round(perProvince * this.scale * LOANS_PER_SCALE);
      const days = Array.from({ length: count }, () => isoOfDay(r.int(dayNumber(from), dayNumber(to)))).sort();
      for (const day of days) {
        let behaviour = r.weighted<Behaviour>([["GOOD", 56], ["LATE", 20], ["PREPAY", 9], ["DEFAULT", 9], ["RESTRUCTURE", 6]]);
        // Older defaults were worked out long ago: restructured, or paid late in the end.
        if (behaviour === "DEFAULT" && day < "2022-07-01") behaviour = r.chance(0.5) ? "RESTRUCTURE" : "LATE";
        plans.push({ index: plans.length, firstDisbursedOn: day, behaviour });
      }
    }
    // Exactly one write-off: an early loan, so that its default and write-off both happened.
    if (s.stream.writeOff) r.pick(plans.filter((p) => p.firstDisbursedOn >= "2018-01-01" && p.firstDisbursedOn < "2019-07-01")).behaviour = "WRITE_OFF";
    return plans;
  }

  private pickBorrower(s: StreamInUse, r: Random, from: string, to: string, prefer: (b: BorrowerCandidate) => boolean): BorrowerCandidate {
    const borrowers = s.borrowers;
    const eligible = (b: BorrowerCandidate) => s.stream.lendsOn(b, from);
    if (this.scale > 1) {
      // Tens of thousands of borrowers: rejection sampling draws from the same weights as the
      // exact pick below without scanning every borrower for every loan.
      const maxWeight = Math.max(...Object.values(SECTOR_WEIGHTS), 0.5);
      for (let tries = 0; tries < 5000; tries++) {
        const b = borrowers[r.int(0, borrowers.length - 1)];
        if (!eligible(b) || !activeThrough(b, from, to) || (tries < 4000 && !prefer(b))) continue;
        const weight = (SECTOR_WEIGHTS[b.sectorCode] ?? 0.5) / (1 + 2 * (this.borrowerLoans.get(b.id) ?? 0));
        if (r.next() * maxWeight < weight) return b;
      }
    }
    let pool = borrowers.filter((b) => eligible(b) && activeThrough(b, from, to));
    if (!pool.length) throw new Error(`no cooperative was ACTIVE from ${from} to ${to} to borrow`);
    const preferred = pool.filter(prefer);
    if (preferred.length) pool = preferred;
    return r.weighted(pool.map((b) => [b, (SECTOR_WEIGHTS[b.sectorCode] ?? 0.5) / (1 + 2 * (this.borrowerLoans.get(b.id) ?? 0))] as const));
  }

  private snapshot(b: BorrowerCandidate, submittedOn: string): BorrowerColumns {
    return { sectorCode: b.sectorCode, sectorName: b.sectorName, districtCode: b.districtCode, districtName: b.districtName, communeCode: b.communeCode, communeName: b.communeName, takenAt: at(submittedOn, "08:05:00") };
  }

  private productFor(r: Random): { product: LoanProductData; amount: number; term: number } {
    const code = r.weighted([["DU-AN-DAU-TU", 45], ["PHUONG-AN-SXKD", 40], ["VON-LUU-DONG-THEO-VU", 15]] as const);
    const product = DEFAULT_LOAN_PRODUCTS.find((p) => p.code === code)!;
    if (code === "DU-AN-DAU-TU") return { product, amount: roundTo(r.int(200, 900) * 1e6, 1e7), term: r.pick([36, 48, 60]) };
    if (code === "PHUONG-AN-SXKD") return { product, amount: roundTo(r.int(100, 600) * 1e6, 1e7), term: r.pick([12, 18, 24, 36]) };
    return { product, amount: roundTo(r.int(100, 400) * 1e6, 1e7), term: r.pick([6, 9, 12]) };
  }

  private makeLoan(s: StreamInUse, plan: LoanPlan): void {
    const r = new Random(this.seed, "loan", ...s.labels, plan.index);
    const d1 = plan.firstDisbursedOn;
    const signedOn = addDays(d1, -r.int(0, 10));
    const decidedOn = addDays(signedOn, -r.int(2, 10));
    const submittedOn = addDays(decidedOn, -r.int(15, 45));
    const appraisalStart = addDays(submittedOn, r.int(1, 5));
    const appraisedOn = maxDate(appraisalStart, addDays(decidedOn, -r.int(1, 4)));
    const { product, amount, term } = this.productFor(r);
    const life = addMonths(d1, term);
    // A write-off needs a borrower that stopped: prefer one that later left ACTIVE.
    const borrower = this.pickBorrower(s, r, submittedOn, d1, (b) =>
      plan.behaviour === "WRITE_OFF" ? endOfActivity(b, d1) !== null && endOfActivity(b, d1)! < addMonths(d1, 30) : activeThrough(b, submittedOn, life < this.horizon ? life : this.horizon),
    );
    this.borrowerLoans.set(borrower.id, (this.borrowerLoans.get(borrower.id) ?? 0) + 1);
    const appraiser = r.pick(OFFICERS);
    const approver = r.pick(APPROVERS);
    const projects = PROJECTS[borrower.sectorCode] ?? DEFAULT_PROJECTS;
    const requested = r.chance(0.3) ? Math.min(product.maxAmount, amount + roundTo(r.int(10, 200) * 1e6, 1e7)) : amount;
    const applicationId = this.nextId(r);
    const loanId = this.nextId(r);
    this.data.applications.push({
      id: applicationId,
      cooperativeId: borrower.id,
      productCode: product.code,
      projectName: r.pick(projects),
      purpose: `${r.pick(["Đầu tư", "Bổ sung vốn", "Mở rộng"])} phục vụ sản xuất của thành viên hợp tác xã`,
      requestedAmount: requested,
      requestedTermMonths: term,
      collateral: product.collateralRequired || r.chance(0.4) ? r.pick(COLLATERALS) : null,
      status: ApplicationStatus.APPROVED,
      submittedOn,
      submittedBy: r.chance(0.6) ? `seed-manager-${borrower.id.slice(0, 8)}` : "seed-officer-lien-minh",
      submittedByRole: "COOPERATIVE_MANAGER",
      borrower: this.snapshot(borrower, submittedOn),
      appraisalStartedBy: appraiser,
      appraisalStartedAt: at(appraisalStart, "09:00:00"),
      appraisedBy: appraiser,
      appraisedAt: at(appraisedOn, "15:00:00"),
      appraisalRecommendation: AppraisalRecommendation.APPROVE,
      recommendedAmount: amount,
      appraisalNotes: "Phương án khả thi, HTX có năng lực trả nợ",
      decidedBy: approver,
      decidedAt: at(decidedOn, "10:00:00"),
      decidedOn,
      decisionReason: null,
      approvedAmount: amount,
      approvedTermMonths: term,
      approvedAnnualRate: product.annualInterestRate,
      withdrawnBy: null,
      withdrawnAt: null,
      withdrawalReason: null,
      version: 5,
      createdAt: at(submittedOn, "08:00:00"),
      updatedAt: at(signedOn, "14:00:00"),
    });
    const a = this.data.applications[this.data.applications.length - 1];
    if (a.submittedBy.startsWith("seed-officer")) a.submittedByRole = "OFFICER";

    // Tranches: larger investment projects are paid out in two.
    const tranches: { on: string; amount: number }[] = [];
    if (product.code === "DU-AN-DAU-TU" && amount >= 400_000_000 && r.chance(0.4)) {
      const first = roundTo(amount * (0.5 + r.next() * 0.2), 1e7);
      tranches.push({ on: d1, amount: first }, { on: addDays(d1, r.int(30, 120)), amount: amount - first });
    } else {
      tranches.push({ on: d1, amount });
    }
    const loan: LoanRow = {
      id: loanId,
      contractNumber: "",
      applicationId,
      cooperativeId: borrower.id,
      productCode: product.code,
      signedOn,
      signedBy: r.pick(OFFICERS),
      principal: amount,
      annualInterestRate: product.annualInterestRate,
      termMonths: term,
      ...signedLoanState(product, term, signedOn),
      firstDisbursedOn: d1,
      borrower: this.snapshot(borrower, submittedOn),
      version: 1,
      createdAt: at(signedOn, "14:00:00"),
      updatedAt: at(signedOn, "14:00:00"),
    };
    this.data.loans.push(loan);
    this.contractSeries.set(loan.id, s.stream.contractSeries);
    const records: LoanRecords = { loan, disbursements: [], repayments: [], schedules: [], installments: [], restructurings: [] };
    this.simulate(r, plan, loan, tranches, borrower, records);
    this.onLoan(records);
  }

  /** Runs the loan's life through the domain code, event by event, up to the horizon. */
  private simulate(r: Random, plan: LoanPlan, loan: LoanRow, tranches: { on: string; amount: number }[], borrower: BorrowerCandidate, records: LoanRecords): void {
    const horizon = this.horizon;
    const ledger: { schedules: ScheduleVersion[]; disbursements: { on: string; amount: number }[]; repayments: LedgerRepayment[] } = { schedules: [], disbursements: [], repayments: [] };
    // The replay only appends records dated on or after the last one: the overdue interest accrued
    // up to the latest record is remembered instead of accrued again from the start on every date.
    const memo: PenaltyMemo = {};
    const view = (): LedgerLoan => ({
      overdueMultiplierPercent: loan.overdueInterestPercent,
      schedules: ledger.schedules,
      disbursements: ledger.disbursements,
      repayments: ledger.repayments,
      closedOn: loan.closedOn,
      writtenOffOn: loan.writtenOffOn,
      writtenOffPrincipal: loan.writtenOffPrincipal,
    });
    let events = 0;
    const touch = (date: string) => {
      loan.lastEventOn = date;
      loan.version += 1;
      loan.updatedAt = at(date, "16:00:00");
      events += 1;
    };
    const writeSchedule = (effectiveFrom: string, reason: ScheduleReason, rate: number, installments: Installment[]) => {
      const version = ledger.schedules.length + 1;
      const id = this.nextId(r);
      ledger.schedules.push({ version, effectiveFrom, annualRateE4: rateE4(rate), installments });
      records.schedules.push({ id, loanId: loan.id, version, effectiveFrom, reason, annualInterestRate: rate });
      for (const i of installments) records.installments.push({ id: this.nextId(r), scheduleId: id, loanId: loan.id, number: i.number, dueDate: i.dueDate, principal: i.principal, interest: i.interest });
    };
    const disburse = (on: string, amount: number): boolean => {
      const current = scheduleAt(view(), on);
      let installments: Installment[];
      try {
        installments = current
          ? rescheduleForTranche(current.installments, { on, amount, annualRateE4: rateE4(loan.annualInterestRate), method: loan.repaymentMethod, graceMonths: loan.graceMonths })
          : buildSchedule({ principal: amount, annualRateE4: rateE4(loan.annualInterestRate), termMonths: loan.termMonths, graceMonths: loan.graceMonths, method: loan.repaymentMethod, startDate: on });
      } catch {
        return false;
      }
      ledger.disbursements.push({ on, amount });
      records.disbursements.push({
        id: this.nextId(r),
        loanId: loan.id,
        trancheNumber: ledger.disbursements.length,
        disbursedOn: on,
        amount,
        idempotencyKey: `seed-disbursement-${loan.id}-${ledger.disbursements.length}`,
        note: ledger.disbursements.length > 1 ? "Giải ngân đợt 2 theo tiến độ dự án" : null,
        recordedBy: loan.signedBy,
        recordedAt: at(on, `10:${String(events % 60).padStart(2, "0")}:00`),
      });
      writeSchedule(on, current ? ScheduleReason.TRANCHE : ScheduleReason.FIRST_DISBURSEMENT, loan.annualInterestRate, installments);
      touch(on);
      return true;
    };
    // `before`: the position on that day, computed just before from the same ledger.
    const pay = (on: string, amount: number, before: LoanPosition): void => {
      const split = allocateRepayment(view(), on, amount, memo, before);
      ledger.repayments.push({ on, overdueInterest: split.overdueInterest, interest: split.interest, principal: split.principal });
      records.repayments.push({
        id: this.nextId(r),
        loanId: loan.id,
        paidOn: on,
        amount,
        overdueInterestPart: split.overdueInterest,
        interestPart: split.interest,
        principalPart: split.principal,
        idempotencyKey: `seed-repayment-${loan.id}-${ledger.repayments.length}`,
        recordedBy: r.pick(OFFICERS),
        recordedAt: at(on, `11:${String(events % 60).padStart(2, "0")}:${String(ledger.repayments.length % 60).padStart(2, "0")}`),
      });
      touch(on);
      if (split.settles) {
        loan.lifecycle = LoanStatus.CLOSED;
        loan.closedOn = on;
      }
    };

    disburse(tranches[0].on, tranches[0].amount);
    let pendingTranche: { on: string; amount: number } | null = tranches[1] ?? null;
    const lifeDays = daysBetween(loan.firstDisbursedOn!, addMonths(loan.firstDisbursedOn!, loan.termMonths));
    let behaviour = plan.behaviour;
    // When the borrower stops paying (DEFAULT, RESTRUCTURE, WRITE_OFF) and what follows.
    let stopAt: string | null = null;
    let restructureAt: string | null = null;
    let writeOffAt: string | null = null;
    let prepayAt: string | null = null;
    const d1 = loan.firstDisbursedOn!;
    if (behaviour === "DEFAULT" || behaviour === "RESTRUCTURE") stopAt = addDays(d1, r.int(Math.min(150, lifeDays - 30), Math.max(160, Math.round(lifeDays * 0.8))));
    if (behaviour === "RESTRUCTURE") restructureAt = addDays(stopAt!, r.int(95, 180));
    if (behaviour === "WRITE_OFF") {
      const end = endOfActivity(borrower, d1);
      stopAt = end && end > addDays(d1, 60) ? addDays(end, -r.int(30, 60)) : addDays(d1, r.int(150, 300));
      writeOffAt = addDays(stopAt, r.int(420, 540));
    }
    if (behaviour === "PREPAY") prepayAt = addDays(d1, Math.round(lifeDays * (0.35 + r.next() * 0.35)));
    let cursor = d1;

    for (let guard = 0; guard < 2000; guard++) {
      if (loan.lifecycle === LoanStatus.CLOSED || loan.lifecycle === LoanStatus.WRITTEN_OFF) break;
      const schedule = scheduleAt(view(), maxDate(cursor, loan.lastEventOn));
      const nextDue = schedule?.installments.find((i) => i.dueDate > cursor)?.dueDate ?? null;
      const candidates = [
        pendingTranche ? (["TRANCHE", maxDate(pendingTranche.on, loan.lastEventOn)] as const) : null,
        restructureAt ? (["RESTRUCTURE", maxDate(restructureAt, loan.lastEventOn)] as const) : null,
        writeOffAt ? (["WRITE_OFF", maxDate(writeOffAt, loan.lastEventOn)] as const) : null,
        nextDue ? (["DUE", nextDue] as const) : null,
      ].filter((c): c is NonNullable<typeof c> => c !== null);
      if (!candidates.length) break;
      const [kind, date] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
      if (date > horizon) break;

      if (kind === "TRANCHE") {
        if (loan.lifecycle === LoanStatus.ACTIVE) disburse(date, pendingTranche!.amount);
        pendingTranche = null;
        continue;
      }
      if (kind === "RESTRUCTURE") {
        restructureAt = null;
        const position = positionAsOf(view(), date, memo);
        const current = scheduleAt(view(), date)!;
        const remaining = current.installments.filter((i) => i.dueDate > date).length + 12;
        try {
          const installments = restructureSchedule(current.installments, {
            on: date,
            disbursed: position.disbursed,
            principalPaid: position.principalRepaid,
            interestPaid: position.interestRepaid,
            annualRateE4: rateE4(loan.annualInterestRate),
            method: loan.repaymentMethod,
            remainingMonths: remaining,
            graceMonths: 3,
          });
          writeSchedule(date, ScheduleReason.RESTRUCTURE, loan.annualInterestRate, installments);
          records.restructurings.push({
            id: this.nextId(r),
            loanId: loan.id,
            effectiveOn: date,
            remainingMonths: remaining,
            graceMonths: 3,
            annualInterestRate: loan.annualInterestRate,
            reason: r.pick(["Thiệt hại do dịch bệnh tôm", "Thiệt hại do hạn hán, xâm nhập mặn", "Giá nông sản giảm mạnh", "Ảnh hưởng của dịch COVID-19"]),
            decidedBy: r.pick(APPROVERS),
            recordedAt: at(date, "15:30:00"),
          });
          loan.lifecycle = LoanStatus.RESTRUCTURED;
          loan.restructuredOn = date;
          touch(date);
          // After the new terms the cooperative pays again.
          behaviour = "GOOD";
          stopAt = null;
          cursor = date;
        } catch {
          // Nothing left to restructure: leave the loan as it is.
        }
        continue;
      }
      if (kind === "WRITE_OFF") {
        writeOffAt = null;
        const position = positionAsOf(view(), date, memo);
        if (position.outstandingPrincipal > 0) {
          loan.lifecycle = LoanStatus.WRITTEN_OFF;
          loan.writtenOffOn = date;
          loan.writtenOffPrincipal = position.outstandingPrincipal;
          loan.writtenOffBy = r.pick(APPROVERS);
          loan.writeOffReason = "HTX ngừng hoạt động, không còn khả năng trả nợ; xử lý rủi ro bằng dự phòng";
          touch(date);
        }
        break;
      }

      // A due date: does the cooperative pay, and when?
      cursor = date;
      if (stopAt && date >= stopAt) continue;
      let paidOn = date;
      if (behaviour === "GOOD") paidOn = addDays(date, r.chance(0.85) ? 0 : r.int(1, 5));
      if (behaviour === "LATE") paidOn = addDays(date, r.chance(0.55) ? r.int(0, 3) : r.chance(0.8) ? r.int(5, 50) : r.int(60, 120));
      if (behaviour === "DEFAULT" || behaviour === "RESTRUCTURE" || behaviour === "WRITE_OFF") paidOn = addDays(date, r.int(0, 8));
      paidOn = maxDate(paidOn, loan.lastEventOn);
      if (paidOn > horizon) continue;
      const position = positionAsOf(view(), paidOn, memo);
      if (prepayAt && paidOn >= prepayAt && position.payoffAmount > 0) {
        pay(paidOn, position.payoffAmount, position);
        continue;
      }
      const amount = position.penaltyInterest + position.interestDue + position.principalDue;
      if (amount > 0) pay(paidOn, amount, position);
    }
  }

  /** Applications that never became loans: rejected, withdrawn, and a few still open at the end. */
  private makeOtherApplications(s: StreamInUse): void {
    const r = new Random(this.seed, "fund", "other-applications");
    const times = this.scale === 1 ? 1 : Math.round(this.scale * LOANS_PER_SCALE);
    const kinds: Array<"REJECTED" | "WITHDRAWN"> = [...Array<"REJECTED">(34 * times).fill("REJECTED"), ...Array<"WITHDRAWN">(12 * times).fill("WITHDRAWN")];
    const open: ApplicationStatus[] = [ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_APPRAISAL, ApplicationStatus.UNDER_APPRAISAL, ApplicationStatus.APPROVED];
    const make = (status: ApplicationStatus, submittedOn: string, n: number) => {
      const borrower = this.pickBorrower(s, r, submittedOn, submittedOn, () => true);
      const { product, amount, term } = this.productFor(r);
      const appraiser = r.pick(OFFICERS);
      const approver = r.pick(APPROVERS);
      const started = addDays(submittedOn, r.int(1, 5));
      const appraised = addDays(started, r.int(3, 15));
      const decided = addDays(appraised, r.int(2, 10));
      const reachedAppraisal = status !== ApplicationStatus.SUBMITTED && !(status === ApplicationStatus.WITHDRAWN && n % 2 === 0);
      const appraisedDone = status === ApplicationStatus.REJECTED || status === ApplicationStatus.APPROVED || (status === ApplicationStatus.UNDER_APPRAISAL && n % 2 === 1);
      const decidedDone = status === ApplicationStatus.REJECTED || status === ApplicationStatus.APPROVED;
      const last = decidedDone ? decided : appraisedDone ? appraised : reachedAppraisal ? started : submittedOn;
      const withdrawnOn = addDays(last, r.int(1, 10));
      this.data.applications.push({
        id: this.nextId(r),
        cooperativeId: borrower.id,
        productCode: product.code,
        projectName: r.pick(PROJECTS[borrower.sectorCode] ?? DEFAULT_PROJECTS),
        purpose: "Bổ sung vốn phục vụ sản xuất của thành viên hợp tác xã",
        requestedAmount: amount,
        requestedTermMonths: term,
        collateral: product.collateralRequired ? r.pick(COLLATERALS) : null,
        status,
        submittedOn,
        submittedBy: `seed-manager-${borrower.id.slice(0, 8)}`,
        submittedByRole: "COOPERATIVE_MANAGER",
        borrower: this.snapshot(borrower, submittedOn),
        appraisalStartedBy: reachedAppraisal ? appraiser : null,
        appraisalStartedAt: reachedAppraisal ? at(started, "09:00:00") : null,
        appraisedBy: appraisedDone ? appraiser : null,
        appraisedAt: appraisedDone ? at(appraised, "15:00:00") : null,
        appraisalRecommendation: appraisedDone ? (status === ApplicationStatus.APPROVED ? AppraisalRecommendation.APPROVE : r.chance(0.8) ? AppraisalRecommendation.REJECT : AppraisalRecommendation.APPROVE) : null,
        recommendedAmount: appraisedDone && status === ApplicationStatus.APPROVED ? amount : null,
        appraisalNotes: appraisedDone ? (status === ApplicationStatus.APPROVED ? "Đủ điều kiện vay vốn" : "Phương án chưa khả thi, thiếu tài sản bảo đảm") : null,
        decidedBy: decidedDone ? approver : null,
        decidedAt: decidedDone ? at(decided, "10:00:00") : null,
        decidedOn: decidedDone ? decided : null,
        decisionReason: status === ApplicationStatus.REJECTED ? r.pick(["Phương án kinh doanh chưa hiệu quả", "HTX đang có nợ quá hạn", "Hồ sơ tài sản bảo đảm chưa hợp lệ"]) : null,
        approvedAmount: status === ApplicationStatus.APPROVED ? amount : null,
        approvedTermMonths: status === ApplicationStatus.APPROVED ? term : null,
        approvedAnnualRate: status === ApplicationStatus.APPROVED ? product.annualInterestRate : null,
        withdrawnBy: status === ApplicationStatus.WITHDRAWN ? `seed-manager-${borrower.id.slice(0, 8)}` : null,
        withdrawnAt: status === ApplicationStatus.WITHDRAWN ? at(withdrawnOn, "16:00:00") : null,
        withdrawalReason: status === ApplicationStatus.WITHDRAWN ? "HTX đã thu xếp được nguồn vốn khác" : null,
        version: 1 + (reachedAppraisal ? 1 : 0) + (appraisedDone ? 1 : 0) + (decidedDone ? 1 : 0) + (status === ApplicationStatus.WITHDRAWN ? 1 : 0),
        createdAt: at(submittedOn, "08:00:00"),
        updatedAt: at(status === ApplicationStatus.WITHDRAWN ? withdrawnOn : last, "16:00:00"),
      });
    };
    kinds.forEach((status, n) => {
      const submittedOn = isoOfDay(r.int(dayNumber(FUND_HISTORY_START), dayNumber(addDays(this.horizon, -120))));
      make(status === "REJECTED" ? ApplicationStatus.REJECTED : ApplicationStatus.WITHDRAWN, submittedOn, n);
    });
    open.forEach((status, n) => make(status, addDays(this.horizon, -r.int(status === ApplicationStatus.APPROVED ? 25 : 3, 40)), n));
  }

  /**
   * Contract numbers in signing order per series and year: QHT-2021-0001, …; the counters continue
   * the fund's own series.
   */
  private numberContracts(): void {
    const last = new Map<string, number>();
    const ordered = [...this.data.loans].sort((a, b) => (a.signedOn < b.signedOn ? -1 : a.signedOn > b.signedOn ? 1 : a.id < b.id ? -1 : 1));
    for (const loan of ordered) {
      const key = `${this.contractSeries.get(loan.id)}-${loan.signedOn.slice(0, 4)}`;
      const n = (last.get(key) ?? 0) + 1;
      last.set(key, n);
      loan.contractNumber = `${key}-${String(n).padStart(4, "0")}`;
    }
    const fundSeries = `${FUND_CONTRACT_SERIES}-`;
    this.data.contractCounters = [...last.entries()]
      .filter(([key]) => key.startsWith(fundSeries) && /^\d{4}$/.test(key.slice(fundSeries.length)))
      .map(([key, lastNumber]) => ({ year: Number(key.slice(fundSeries.length)), lastNumber }))
      .sort((a, b) => a.year - b.year);
    this.data.loans = ordered;
  }
}

function generatorFor(options: FundGenerateOptions, onLoan?: (records: LoanRecords) => void): FundGenerator {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`fund seed: scale must be a positive integer, not ${scale}`);
  return new FundGenerator(options.seed ?? DEFAULT_FUND_SEED, options.borrowers, options.horizon ?? DEFAULT_HORIZON, scale, onLoan);
}

/** The fund's demo dataset for a seed, lending to the given borrowers (see the module comment). */
export function generateFund(options: FundGenerateOptions): FundDataset {
  const steps = generatorFor(options).steps();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same generation, handing each loan's own rows to `onLoan` as soon as the loan is made
 * instead of keeping them (a national dataset's ledgers take gigabytes), and pausing after each
 * loan so that a loader can write meanwhile. Returns the rest of the dataset (applications, loans
 * with their contract numbers, counters), whose ledger arrays stay empty.
 */
export function generateFundInSteps(options: FundGenerateOptions, onLoan: (records: LoanRecords) => void): Generator<void, FundDataset> {
  return generatorFor(options, onLoan).steps();
}
