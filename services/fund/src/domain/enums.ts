import { registerLabelledEnum } from "@camau/shared";

/** Kind of loan product (loại sản phẩm cho vay) under Decree 45/2021/NĐ-CP. */
export enum LoanProductKind {
  INVESTMENT_PROJECT = "INVESTMENT_PROJECT",
  PRODUCTION_PLAN = "PRODUCTION_PLAN",
}
registerLabelledEnum(LoanProductKind, {
  name: "LoanProductKind",
  description: "Kind of loan product of the fund (loại cho vay).",
  labels: {
    INVESTMENT_PROJECT: { en: "Investment project", vi: "Cho vay dự án đầu tư", detail: "a loan for an investment project" },
    PRODUCTION_PLAN: { en: "Production plan", vi: "Cho vay phương án sản xuất kinh doanh", detail: "a loan for a production and business plan" },
  },
});

/** How the principal is paid back (phương thức trả nợ). */
export enum RepaymentMethod {
  EQUAL_PRINCIPAL = "EQUAL_PRINCIPAL",
  ANNUITY = "ANNUITY",
  BULLET = "BULLET",
}
registerLabelledEnum(RepaymentMethod, {
  name: "RepaymentMethod",
  description: "How a loan's principal is paid back (phương thức trả nợ gốc); interest is paid monthly in every method.",
  labels: {
    EQUAL_PRINCIPAL: { en: "Equal principal", vi: "Trả gốc đều, lãi theo dư nợ giảm dần", detail: "equal principal parts every month after the grace period, interest on the declining balance" },
    ANNUITY: { en: "Equal instalments", vi: "Trả góp đều gốc và lãi", detail: "equal monthly instalments of principal plus interest after the grace period" },
    BULLET: { en: "Principal at maturity", vi: "Trả gốc một lần khi đáo hạn", detail: "all principal at maturity, interest monthly" },
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
registerLabelledEnum(ApplicationStatus, {
  name: "LoanApplicationStatus",
  description: "Where a loan application stands (trạng thái hồ sơ vay vốn).",
  labels: {
    SUBMITTED: { en: "Submitted", vi: "Đã nộp hồ sơ", detail: "waiting for a fund officer" },
    UNDER_APPRAISAL: { en: "Under appraisal", vi: "Đang thẩm định", detail: "being appraised by a fund officer" },
    APPROVED: { en: "Approved", vi: "Đã phê duyệt", detail: "approved by a fund approver; the contract can be signed" },
    REJECTED: { en: "Rejected", vi: "Từ chối cho vay", detail: "rejected by a fund approver" },
    WITHDRAWN: { en: "Withdrawn", vi: "Rút hồ sơ", detail: "withdrawn by the applicant before a loan contract was signed" },
  },
});

/** A fund officer's recommendation after appraisal (đề xuất thẩm định). */
export enum AppraisalRecommendation {
  APPROVE = "APPROVE",
  REJECT = "REJECT",
}
registerLabelledEnum(AppraisalRecommendation, {
  name: "AppraisalRecommendation",
  description: "What the appraising fund officer recommends (đề xuất của cán bộ thẩm định).",
  labels: {
    APPROVE: { en: "Recommend lending", vi: "Đề xuất cho vay" },
    REJECT: { en: "Recommend not lending", vi: "Đề xuất không cho vay" },
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
registerLabelledEnum(LoanStatus, {
  name: "LoanStatus",
  description: "Status of a loan as of a date (trạng thái khoản vay).",
  labels: {
    ACTIVE: { en: "Active", vi: "Đang vay, trong hạn", detail: "signed and repaying on schedule, nothing past due" },
    OVERDUE: { en: "Overdue", vi: "Quá hạn", detail: "principal or interest past its due date and unpaid" },
    RESTRUCTURED: { en: "Restructured", vi: "Đã cơ cấu lại thời hạn trả nợ", detail: "repayment terms restructured, nothing past due under the new schedule" },
    CLOSED: { en: "Closed", vi: "Đã tất toán", detail: "fully repaid and closed" },
    WRITTEN_OFF: { en: "Written off", vi: "Đã xử lý rủi ro, xóa nợ", detail: "written off as a loss" },
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
registerLabelledEnum(ScheduleReason, {
  name: "ScheduleReason",
  description: "Why a version of a loan's repayment schedule was made (lý do lập lịch trả nợ).",
  labels: {
    FIRST_DISBURSEMENT: { en: "First disbursement", vi: "Giải ngân lần đầu", detail: "the first tranche was disbursed" },
    TRANCHE: { en: "Further tranche", vi: "Giải ngân bổ sung", detail: "a further tranche was disbursed; instalments after it were recomputed" },
    RESTRUCTURE: { en: "Restructuring", vi: "Cơ cấu lại thời hạn trả nợ", detail: "the repayment terms were restructured" },
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
registerLabelledEnum(InstallmentStatus, {
  name: "InstallmentStatus",
  description: "Standing of one instalment of a schedule as of a date (tình trạng kỳ trả nợ).",
  labels: {
    PAID: { en: "Paid", vi: "Đã trả đủ", detail: "principal and interest fully paid" },
    PARTLY_PAID: { en: "Partly paid", vi: "Đã trả một phần, chưa đến hạn", detail: "not yet due, partly paid ahead" },
    DUE: { en: "Due", vi: "Đến hạn", detail: "falls due on the date asked and is not fully paid" },
    OVERDUE: { en: "Overdue", vi: "Quá hạn", detail: "past its due date and not fully paid" },
    UPCOMING: { en: "Upcoming", vi: "Chưa đến hạn", detail: "not yet due and nothing paid towards it" },
  },
});

