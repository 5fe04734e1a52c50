import { LoanProductKind, RepaymentMethod } from "../domain/enums";

export interface LoanProductData {
  code: string;
  name: string;
  kind: LoanProductKind;
  maxAmount: number;
  maxTermMonths: number;
  annualInterestRate: number;
  graceMonths: number;
  collateralRequired: boolean;
  repaymentMethod: RepaymentMethod;
  overdueInterestPercent: number;
}

/**
 * The fund's standard products when the system starts (Decree 45/2021/NĐ-CP allows investment
 * projects and production plans). Illustrative terms of a small provincial fund: VND 12.5 billion
 * charter capital in 2017, loans of a few hundred million đồng. Changed through the API later.
 */
export const DEFAULT_LOAN_PRODUCTS: readonly LoanProductData[] = [
  {
    code: "DU-AN-DAU-TU",
    name: "Cho vay dự án đầu tư",
    kind: LoanProductKind.INVESTMENT_PROJECT,
    maxAmount: 2_000_000_000,
    maxTermMonths: 60,
    annualInterestRate: 6.6,
    graceMonths: 6,
    collateralRequired: true,
    repaymentMethod: RepaymentMethod.EQUAL_PRINCIPAL,
    overdueInterestPercent: 150,
  },
  {
    code: "PHUONG-AN-SXKD",
    name: "Cho vay phương án sản xuất kinh doanh",
    kind: LoanProductKind.PRODUCTION_PLAN,
    maxAmount: 800_000_000,
    maxTermMonths: 36,
    annualInterestRate: 7.2,
    graceMonths: 0,
    collateralRequired: false,
    repaymentMethod: RepaymentMethod.ANNUITY,
    overdueInterestPercent: 150,
  },
  {
    code: "VON-LUU-DONG-THEO-VU",
    name: "Cho vay vốn lưu động theo mùa vụ",
    kind: LoanProductKind.PRODUCTION_PLAN,
    maxAmount: 500_000_000,
    maxTermMonths: 12,
    annualInterestRate: 7.8,
    graceMonths: 0,
    collateralRequired: false,
    repaymentMethod: RepaymentMethod.BULLET,
    overdueInterestPercent: 150,
  },
];
