import { DateScalar, MoneyScalar, CacheHint, Territory } from "@camau/shared";
import { ClassType, Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { InstallmentStatus, LoanStatus, ScheduleReason } from "../domain/enums";

@ObjectType({ description: "A loan's account as of a date (tình hình dư nợ của khoản vay tại một ngày)." })
export class LoanPositionView {
  @Field(() => DateScalar, { description: "The date (end of day, repayments of that day included)." })
  asOf: string;

  @Field(() => LoanStatus, { nullable: true, description: "Status on the date; null if the contract was not yet signed." })
  status: LoanStatus | null;

  @Field(() => MoneyScalar, { description: "Disbursed so far (đã giải ngân)." })
  disbursed: number;

  @Field(() => MoneyScalar, { description: "Contract amount not yet disbursed (chưa giải ngân)." })
  undisbursed: number;

  @Field(() => MoneyScalar, { description: "Principal repaid so far (gốc đã trả)." })
  principalRepaid: number;

  @Field(() => MoneyScalar, { description: "Interest paid so far (lãi đã trả)." })
  interestRepaid: number;

  @Field(() => MoneyScalar, { description: "Overdue interest paid so far (lãi quá hạn đã trả)." })
  overdueInterestRepaid: number;

  @Field(() => MoneyScalar, { description: "Outstanding principal (dư nợ gốc): disbursed minus repaid; 0 once closed or written off." })
  outstandingPrincipal: number;

  @Field(() => MoneyScalar, { description: "Principal written off, once the write-off date is reached." })
  writtenOffPrincipal: number;

  @Field(() => MoneyScalar, { description: "Principal of instalments due on or before the date and not yet paid (gốc đến hạn)." })
  principalDue: number;

  @Field(() => MoneyScalar, { description: "Interest of instalments due on or before the date and not yet paid (lãi đến hạn)." })
  interestDue: number;

  @Field(() => MoneyScalar, { description: "Of the principal due, the part past its due date (gốc quá hạn)." })
  principalPastDue: number;

  @Field(() => MoneyScalar, { description: "Of the interest due, the part past its due date (lãi chậm trả)." })
  interestPastDue: number;

  @Field(() => MoneyScalar, { description: "Overdue interest (penalty) accrued on principal past due and not yet paid (lãi quá hạn)." })
  overdueInterest: number;

  @Field(() => Int, { description: "Days since the oldest unpaid instalment fell due (số ngày quá hạn); 0 when nothing is past due." })
  daysPastDue: number;

  @Field(() => DateScalar, { nullable: true, description: "Due date of the oldest instalment not fully paid, if one is due." })
  oldestUnpaidDueDate: string | null;

  @Field(() => Int, { nullable: true, description: "Debt group 1–5 by days past due and the configured thresholds (nhóm nợ); null for closed or written-off loans." })
  debtGroup: number | null;

  @Field(() => MoneyScalar, { description: "Amount that would settle the loan on the date: outstanding principal, interest due and overdue interest (số tiền tất toán)." })
  payoffAmount: number;
}

@ObjectType({ description: "One instalment of a repayment schedule (kỳ trả nợ) with what has been paid towards it." })
export class LoanInstallment {
  @Field(() => Int, { description: "Position in the schedule, from 1 (kỳ)." })
  number: number;

  @Field(() => DateScalar, { description: "Due date (ngày đến hạn)." })
  dueDate: string;

  @Field(() => MoneyScalar, { description: "Principal due (gốc phải trả)." })
  principal: number;

  @Field(() => MoneyScalar, { description: "Interest due (lãi phải trả)." })
  interest: number;

  @Field(() => MoneyScalar, { description: "Principal plus interest." })
  total: number;

  @Field(() => MoneyScalar, { description: "Principal paid towards it as of the date asked (payments cover instalments in order)." })
  principalPaid: number;

  @Field(() => MoneyScalar, { description: "Interest paid towards it as of the date asked." })
  interestPaid: number;

  @Field(() => InstallmentStatus, { description: "Standing as of the date asked." })
  status: InstallmentStatus;
}

@ObjectType({ description: "A version of a loan's repayment schedule (lịch trả nợ)." })
export class RepaymentSchedule {
  @Field(() => Int, { description: "Version, from 1; a tranche or a restructuring makes a new one." })
  version: number;

  @Field(() => DateScalar, { description: "Date from which this version is in force." })
  effectiveFrom: string;

  @Field(() => ScheduleReason, { description: "Why this version was made." })
  reason: ScheduleReason;

  @Field(() => Float, { description: "Interest rate of this version, per cent per year." })
  annualInterestRate: number;

  @Field(() => MoneyScalar, { description: "Sum of the principal parts: exactly the principal scheduled." })
  totalPrincipal: number;

  @Field(() => MoneyScalar, { description: "Sum of the interest parts." })
  totalInterest: number;

  @Field(() => DateScalar, { description: "Due date of the last instalment (ngày đáo hạn)." })
  maturityDate: string;

  @Field(() => [LoanInstallment], { description: "The instalments in order (bounded by the term)." })
  installments: LoanInstallment[];
}

@ObjectType({ description: "A cooperative's loans with the fund as of a date (tình hình vay vốn Quỹ của HTX)." })
export class FundSummary {
  @Field(() => DateScalar, { description: "The date." })
  asOf: string;

  @Field(() => Int, { description: "Loans signed by the date (số khoản vay)." })
  loanCount: number;

  @Field(() => Int, { description: "Loans neither closed nor written off on the date (khoản vay đang hoạt động)." })
  activeLoanCount: number;

  @Field(() => MoneyScalar, { description: "Outstanding principal (dư nợ gốc)." })
  outstandingPrincipal: number;

  @Field(() => MoneyScalar, { description: "Disbursed to the cooperative by the date (tổng giải ngân)." })
  disbursedToDate: number;

  @Field(() => Int, { description: "Loans with something past due (khoản vay quá hạn)." })
  overdueLoanCount: number;

  @Field(() => MoneyScalar, { description: "Principal and interest past due and unpaid, overdue interest not included (số tiền quá hạn)." })
  overdueAmount: number;

  @Field(() => Int, { description: "Largest days past due among its loans." })
  maxDaysPastDue: number;

  @Field(() => Int, { nullable: true, description: "Worst debt group among its live loans (nhóm nợ cao nhất); null without live loans." })
  worstDebtGroup: number | null;
}

/** Why a figure of a public breakdown may be null. */
const SUPPRESSED = "True when a figure of this row is withheld from the public: it sums fewer than 3 loans (or is withheld so that such a figure cannot be recovered from the totals). Staff see every figure.";

@Directive(CacheHint.report)
@ObjectType({ description: "Outstanding loans in one debt group (dư nợ theo nhóm nợ)." })
export class DebtGroupSlice {
  @Field(() => Int, { description: "Debt group 1–5." })
  debtGroup: number;

  @Field({ description: "Name of the group (Vietnamese)." })
  name: string;

  @Field(() => Int, { nullable: true, description: "Loans with outstanding principal in the group; null for the public when withheld (`suppressed`)." })
  loanCount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Their outstanding principal; null for the public when withheld (`suppressed`)." })
  principalOutstanding: number | null;

  @Field({ description: SUPPRESSED })
  suppressed: boolean;
}

/** The figures of the portfolio's breakdowns by the borrower's sector or district. */
interface SliceFigures {
  loanCount: number | null;
  principalOutstanding: number | null;
  par30Principal: number | null;
  disbursedToDate: number | null;
  suppressed: boolean;
}

/**
 * Declares a breakdown of the portfolio (`name`): the fields of `Key` that name its group of
 * borrowers (`of`, e.g. "sector"), then the figures every breakdown carries.
 */
function PortfolioSlice<K extends object>(Key: ClassType<K>, name: string, description: string, of: string) {
  @Directive(CacheHint.report)
  @ObjectType(name, { description })
  class Slice extends (Key as ClassType<object>) implements SliceFigures {
    @Field(() => Int, { nullable: true, description: "Loans with outstanding principal; null for the public when withheld (`suppressed`)." })
    loanCount: number | null;

    @Field(() => MoneyScalar, { nullable: true, description: "Outstanding principal; null for the public when withheld (`suppressed`)." })
    principalOutstanding: number | null;

    @Field(() => MoneyScalar, { nullable: true, description: "Outstanding principal of loans more than 30 days past due; null for the public when it sums fewer than 3 loans (`suppressed`)." })
    par30Principal: number | null;

    @Field(() => MoneyScalar, { nullable: true, description: `Disbursed to date to borrowers of the ${of}; null for the public when it sums fewer than 3 loans (\`suppressed\`).` })
    disbursedToDate: number | null;

    @Field({ description: SUPPRESSED })
    suppressed: boolean;
  }
  return Slice as unknown as ClassType<K & SliceFigures>;
}

// Declared only for SectorSlice to inherit its fields first: no field returns it, so the schema has no such type.
@ObjectType()
export class SectorSliceKey {
  @Field({ description: "Sector code." })
  sectorCode: string;

  @Field({ description: "Sector name (Vietnamese)." })
  sectorName: string;
}

export const SectorSlice = PortfolioSlice(SectorSliceKey, "SectorSlice", "The fund's loans to borrowers of one sector (theo lĩnh vực), by the sector recorded at application.", "sector");
export type SectorSlice = InstanceType<typeof SectorSlice>;

// Declared only for DistrictSlice to inherit its fields first: no field returns it, so the schema has no such type.
@ObjectType()
export class DistrictSliceKey {
  @Field(() => String, { nullable: true, description: "District code (pre-2025 tree); null for addresses without one." })
  districtCode: string | null;

  @Field(() => String, { nullable: true, description: "District name." })
  districtName: string | null;
}

export const DistrictSlice = PortfolioSlice(DistrictSliceKey, "DistrictSlice", "The fund's loans to borrowers of one district (theo huyện), by the district recorded at application.", "district");
export type DistrictSlice = InstanceType<typeof DistrictSlice>;

@Directive(CacheHint.report)
@ObjectType({ description: "The fund's portfolio as of a date (danh mục cho vay của Quỹ); public figures, no individual loans. Every figure is an aggregate computed from the records." })
export class FundPortfolio {
  @Field(() => DateScalar, { description: "The date (end of day)." })
  asOf: string;

  @Field(() => Territory, { description: "The territory every figure covers, by the borrower's place: by default the province as it was on the date (OLD_CA_MAU before 2025-07-01, CA_MAU from then on)." })
  territory: Territory;

  // The headline figures: each is read from the portfolio's totals when a query selects it (PortfolioResolver).
  @Field(() => Int, { description: "Loans with outstanding principal (số khoản vay còn dư nợ)." })
  loansOutstanding: Promise<number>;

  @Field(() => MoneyScalar, { description: "Outstanding principal (dư nợ gốc), written-off loans excluded." })
  principalOutstanding: Promise<number>;

  @Field(() => MoneyScalar, { description: "Disbursed since the fund began, up to the date (lũy kế giải ngân)." })
  disbursedToDate: Promise<number>;

  @Field(() => MoneyScalar, { description: "Principal repaid up to the date (lũy kế thu nợ gốc)." })
  principalRepaidToDate: Promise<number>;

  @Field(() => MoneyScalar, { description: "Principal written off up to the date (lũy kế xóa nợ)." })
  writtenOffToDate: Promise<number>;

  @Field(() => Int, { description: "Loans with something past due (số khoản vay quá hạn)." })
  overdueLoanCount: Promise<number>;

  @Field(() => MoneyScalar, { description: "Outstanding principal of loans more than 30 days past due (PAR30)." })
  par30Principal: Promise<number>;
}
