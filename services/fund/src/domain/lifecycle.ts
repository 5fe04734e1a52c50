import { ApplicationStatus, LoanStatus, RepaymentMethod } from "./enums";

/**
 * The application and loan lifecycles (after Apache Fineract's loan states). An action not
 * allowed from the current status is a CONFLICT; terminal statuses allow nothing.
 *
 *   SUBMITTED ──startAppraisal──▶ UNDER_APPRAISAL ──appraise──▶ (appraisal recorded)
 *       │                              │                             │
 *       └──────withdraw──────┐         └──withdraw──┐        approve / reject (FUND_APPROVER,
 *                            ▼                      ▼         not the appraiser)
 *                        WITHDRAWN              WITHDRAWN            ▼
 *                                                         APPROVED ──signContract──▶ Loan
 *                                                         REJECTED (terminal)
 *   APPROVED may be withdrawn until the contract is signed.
 */
export enum ApplicationAction {
  START_APPRAISAL = "START_APPRAISAL",
  APPRAISE = "APPRAISE",
  APPROVE = "APPROVE",
  REJECT = "REJECT",
  WITHDRAW = "WITHDRAW",
  SIGN_CONTRACT = "SIGN_CONTRACT",
}

export const APPLICATION_ACTIONS_FROM: Readonly<Record<ApplicationAction, readonly ApplicationStatus[]>> = {
  [ApplicationAction.START_APPRAISAL]: [ApplicationStatus.SUBMITTED],
  [ApplicationAction.APPRAISE]: [ApplicationStatus.UNDER_APPRAISAL],
  [ApplicationAction.APPROVE]: [ApplicationStatus.UNDER_APPRAISAL],
  [ApplicationAction.REJECT]: [ApplicationStatus.UNDER_APPRAISAL],
  [ApplicationAction.WITHDRAW]: [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_APPRAISAL, ApplicationStatus.APPROVED],
  [ApplicationAction.SIGN_CONTRACT]: [ApplicationStatus.APPROVED],
};

export interface ApplicationState {
  status: ApplicationStatus;
  /** An appraisal has been recorded. */
  appraised: boolean;
  /** A loan contract has been signed for it. */
  signed: boolean;
}

/** Null when the action is allowed, otherwise why not (the CONFLICT message). */
export function applicationActionProblem(action: ApplicationAction, state: ApplicationState): string | null {
  if (!APPLICATION_ACTIONS_FROM[action].includes(state.status)) {
    return `cannot ${action.toLowerCase().replace(/_/g, " ")} an application that is ${state.status}`;
  }
  if (action === ApplicationAction.APPRAISE && state.appraised) return "the application has already been appraised";
  if ((action === ApplicationAction.APPROVE || action === ApplicationAction.REJECT) && !state.appraised) {
    return "an application must be appraised before it is decided";
  }
  if ((action === ApplicationAction.WITHDRAW || action === ApplicationAction.SIGN_CONTRACT) && state.signed) {
    return "a loan contract has already been signed for this application";
  }
  return null;
}

/** Statuses from which the application can no longer change. */
export function isTerminalApplication(state: ApplicationState): boolean {
  return Object.values(ApplicationAction).every((a) => applicationActionProblem(a, state) !== null);
}

/** Maker-checker (bốn mắt): the person who appraised an application may not decide it. */
export function makerCheckerProblem(appraisedBy: string | null, deciderSubject: string): string | null {
  return appraisedBy !== null && appraisedBy === deciderSubject ? "the officer who appraised an application cannot also decide it (maker-checker)" : null;
}

export enum LoanAction {
  DISBURSE = "DISBURSE",
  REPAY = "REPAY",
  RESTRUCTURE = "RESTRUCTURE",
  WRITE_OFF = "WRITE_OFF",
}

/** Lifecycle statuses (stored) from which each loan action is allowed. */
export const LOAN_ACTIONS_FROM: Readonly<Record<LoanAction, readonly LoanStatus[]>> = {
  [LoanAction.DISBURSE]: [LoanStatus.ACTIVE],
  [LoanAction.REPAY]: [LoanStatus.ACTIVE, LoanStatus.RESTRUCTURED],
  [LoanAction.RESTRUCTURE]: [LoanStatus.ACTIVE, LoanStatus.RESTRUCTURED],
  [LoanAction.WRITE_OFF]: [LoanStatus.ACTIVE, LoanStatus.RESTRUCTURED],
};

export function loanActionProblem(action: LoanAction, lifecycle: LoanStatus): string | null {
  if (LOAN_ACTIONS_FROM[action].includes(lifecycle)) return null;
  const verb = { DISBURSE: "disburse", REPAY: "record a repayment on", RESTRUCTURE: "restructure", WRITE_OFF: "write off" }[action];
  return `cannot ${verb} a loan that is ${lifecycle}`;
}

/** What a loan's contract takes from its product, and the state every loan starts in when signed. */
export interface SignedLoanState {
  graceMonths: number;
  repaymentMethod: RepaymentMethod;
  overdueInterestPercent: number;
  lastEventOn: string;
  lifecycle: LoanStatus;
  restructuredOn: null;
  closedOn: null;
  writtenOffOn: null;
  writtenOffPrincipal: null;
  writtenOffBy: null;
  writeOffReason: null;
}

/**
 * A loan as its contract is signed, whether through the API or in the demo history: ACTIVE, with
 * the product's repayment method and overdue rate, a grace shorter than the term, and nothing yet
 * closed, restructured or written off.
 */
export function signedLoanState(product: { graceMonths: number; repaymentMethod: RepaymentMethod; overdueInterestPercent: number }, termMonths: number, signedOn: string): SignedLoanState {
  return {
    graceMonths: Math.min(product.graceMonths, termMonths - 1),
    repaymentMethod: product.repaymentMethod,
    overdueInterestPercent: product.overdueInterestPercent,
    lastEventOn: signedOn,
    lifecycle: LoanStatus.ACTIVE,
    restructuredOn: null,
    closedOn: null,
    writtenOffOn: null,
    writtenOffPrincipal: null,
    writtenOffBy: null,
    writeOffReason: null,
  };
}
