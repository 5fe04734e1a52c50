import { registerEnumType } from "type-graphql";

/** Kind of loan product (loại sản phẩm cho vay) under Decree 45/2021/NĐ-CP. */
export enum LoanProductKind {
  INVESTMENT_PROJECT = "INVESTMENT_PROJECT",
  PRODUCTION_PLAN = "PRODUCTION_PLAN",
}
registerEnumType(LoanProductKind, {
  name: "LoanProductKind",
  description: "Kind of loan product of the fund (loại cho vay).",
  valuesConfig: {
    INVESTMENT_PROJECT: { description: "Loan for an investment project (cho vay dự án đầu tư)." },
    PRODUCTION_PLAN: { description: "Loan for a production and business plan (cho vay phương án sản xuất kinh doanh)." },
  },
});

/** How the principal is paid back (phương thức trả nợ). */
export enum RepaymentMethod {
  EQUAL_PRINCIPAL = "EQUAL_PRINCIPAL",
  ANNUITY = "ANNUITY",
  BULLET = "BULLET",
}
registerEnumType(RepaymentMethod, {
  name: "RepaymentMethod",
  description: "How a loan's principal is paid back (phương thức trả nợ gốc); interest is paid monthly in every method.",
  valuesConfig: {
    EQUAL_PRINCIPAL: { description: "Equal principal parts every month after the grace period, interest on the declining balance (trả gốc đều, lãi theo dư nợ giảm dần)." },
    ANNUITY: { description: "Equal monthly instalments of principal plus interest after the grace period (trả góp đều gốc và lãi)." },
    BULLET: { description: "All principal at maturity, interest monthly (trả gốc một lần khi đáo hạn)." },
  },
});

/** Status of a loan application (trạng thái hồ sơ vay). */
export enum ApplicationStatus {
  SUBMITTED = "SUBMITTED",
  UNDER_APPRAISAL = "UNDER_APPRAISAL",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ApplicationStatus, {
  name: "LoanApplicationStatus",
  description: "Where a loan application stands (trạng thái hồ sơ vay vốn).",
  valuesConfig: {
    SUBMITTED: { description: "Submitted, waiting for a fund officer (đã nộp hồ sơ)." },
    UNDER_APPRAISAL: { description: "Being appraised by a fund officer (đang thẩm định)." },
    APPROVED: { description: "Approved by a fund approver; the contract can be signed (đã phê duyệt)." },
    REJECTED: { description: "Rejected by a fund approver (từ chối cho vay)." },
    WITHDRAWN: { description: "Withdrawn by the applicant before a loan contract was signed (rút hồ sơ)." },
  },
});

/** A fund officer's recommendation after appraisal (đề xuất thẩm định). */
export enum AppraisalRecommendation {
  APPROVE = "APPROVE",
  REJECT = "REJECT",
}
registerEnumType(AppraisalRecommendation, {
  name: "AppraisalRecommendation",
  description: "What the appraising fund officer recommends (đề xuất của cán bộ thẩm định).",
  valuesConfig: {
    APPROVE: { description: "Recommend lending (đề xuất cho vay)." },
    REJECT: { description: "Recommend not lending (đề xuất không cho vay)." },
  },
});

/**
 * Status of a loan as of a date. Only ACTIVE, RESTRUCTURED, CLOSED and WRITTEN_OFF are stored
 * (the lifecycle); OVERDUE is derived from the schedule and the repayments as of the date asked.
 */
export enum LoanStatus {
  ACTIVE = "ACTIVE",
  OVERDUE = "OVERDUE",
  RESTRUCTURED = "RESTRUCTURED",
  CLOSED = "CLOSED",
  WRITTEN_OFF = "WRITTEN_OFF",
}
registerEnumType(LoanStatus, {
  name: "LoanStatus",
  description: "Status of a loan as of a date (trạng thái khoản vay).",
  valuesConfig: {
    ACTIVE: { description: "Signed and repaying on schedule, nothing past due (đang vay, trong hạn)." },
    OVERDUE: { description: "Principal or interest past its due date and unpaid (quá hạn)." },
    RESTRUCTURED: { description: "Repayment terms restructured, nothing past due under the new schedule (đã cơ cấu lại thời hạn trả nợ)." },
    CLOSED: { description: "Fully repaid and closed (đã tất toán)." },
    WRITTEN_OFF: { description: "Written off as a loss (đã xử lý rủi ro, xóa nợ)." },
  },
});

/** Stored lifecycle of a loan: the statuses that are set by an event, not derived from a date. */
export type LoanLifecycle = LoanStatus.ACTIVE | LoanStatus.RESTRUCTURED | LoanStatus.CLOSED | LoanStatus.WRITTEN_OFF;

/** Why a repayment schedule version was made (lý do lập lịch trả nợ). */
export enum ScheduleReason {
  FIRST_DISBURSEMENT = "FIRST_DISBURSEMENT",
  TRANCHE = "TRANCHE",
  RESTRUCTURE = "RESTRUCTURE",
}
registerEnumType(ScheduleReason, {
  name: "ScheduleReason",
  description: "Why a version of a loan's repayment schedule was made (lý do lập lịch trả nợ).",
  valuesConfig: {
    FIRST_DISBURSEMENT: { description: "The first tranche was disbursed (giải ngân lần đầu)." },
    TRANCHE: { description: "A further tranche was disbursed; instalments after it were recomputed (giải ngân bổ sung)." },
    RESTRUCTURE: { description: "The repayment terms were restructured (cơ cấu lại thời hạn trả nợ)." },
  },
});

/** Standing of one instalment as of a date (tình trạng kỳ trả nợ). */
export enum InstallmentStatus {
  PAID = "PAID",
  PARTLY_PAID = "PARTLY_PAID",
  DUE = "DUE",
  OVERDUE = "OVERDUE",
  UPCOMING = "UPCOMING",
}
registerEnumType(InstallmentStatus, {
  name: "InstallmentStatus",
  description: "Standing of one instalment of a schedule as of a date (tình trạng kỳ trả nợ).",
  valuesConfig: {
    PAID: { description: "Principal and interest fully paid (đã trả đủ)." },
    PARTLY_PAID: { description: "Not yet due, partly paid ahead (đã trả một phần, chưa đến hạn)." },
    DUE: { description: "Falls due on the date asked and is not fully paid (đến hạn)." },
    OVERDUE: { description: "Past its due date and not fully paid (quá hạn)." },
    UPCOMING: { description: "Not yet due and nothing paid towards it (chưa đến hạn)." },
  },
});

