import { isUuid } from "@camau/shared";
import { FundContext } from "../context";
import { ApplicationResolver } from "./ApplicationResolver";
import { LoanResolver } from "./LoanResolver";
import { ProductResolver } from "./ProductResolver";

/**
 * The fund's node types as entities (`node(id:)` hands the gateway `{ __typename, id }`): each
 * reference resolves exactly as its root field does, with the same rules for the caller, so an
 * id gives nothing more through `node` than through `loan(id:)`.
 */
export const nodeReferences = {
  Loan: { __resolveReference: (ref: { id: string }, ctx: FundContext) => (isUuid(ref.id) ? new LoanResolver().loan(ref.id, ctx) : null) },
  LoanApplication: { __resolveReference: (ref: { id: string }, ctx: FundContext) => (isUuid(ref.id) ? new ApplicationResolver().loanApplication(ref.id, ctx) : null) },
  LoanProduct: { __resolveReference: (ref: { id: string }, ctx: FundContext) => (isUuid(ref.id) ? new ProductResolver().loanProduct(ref.id, ctx) : null) },
};
