import type { InvalidInput } from "@camau/shared";

/** A program's support policy (chính sách hỗ trợ): legal basis, share of eligible costs and cap per cooperative. */
export interface SupportPolicyRule {
  legalBasis: string;
  /** Share of a cooperative's eligible costs the program covers, in per cent (0–100], or null for no share limit. */
  percentage: number | null;
  /** Most a single cooperative may receive, in đồng, or null for no cap. */
  capPerCooperative: number | null;
}

/** The most a cooperative may receive under a policy, given its eligible costs (null: no limit). */
export function maximumSupport(policy: SupportPolicyRule | null, eligibleCost: number | null | undefined): number | null {
  if (!policy) return 0;
  let limit: number | null = policy.capPerCooperative;
  if (policy.percentage != null && eligibleCost != null) {
    const share = Math.floor((eligibleCost * policy.percentage) / 100);
    limit = limit == null ? share : Math.min(limit, share);
  }
  return limit;
}

/**
 * Why a support amount breaks the program's policy, or null when it keeps to it: no support
 * without a policy, never above the cap per cooperative nor above the policy's share of the
 * eligible costs when those are given.
 */
export function supportProblem(policy: SupportPolicyRule | null, amount: number, eligibleCost: number | null | undefined): string | null {
  if (amount === 0) return null;
  if (!policy) return "the program has no support policy, so no support can be granted";
  if (policy.capPerCooperative != null && amount > policy.capPerCooperative) {
    return `exceeds the policy's cap of ${policy.capPerCooperative} đồng per cooperative (${policy.legalBasis})`;
  }
  const limit = maximumSupport(policy, eligibleCost);
  if (limit != null && amount > limit) {
    return `exceeds ${policy.percentage}% of the eligible costs (${limit} đồng) under ${policy.legalBasis}`;
  }
  return null;
}

/** A product as the participation rules see it. */
export interface ProductOwnership {
  id: string;
  cooperativeId: string;
}

/**
 * Problems with the products a cooperative shows: each must exist and be the cooperative's
 * own, and none may be listed twice. `path` prefixes each problem (e.g. `input.productIds`).
 */
export function shownProductsProblems(cooperativeId: string, productIds: readonly string[], found: readonly ProductOwnership[]): InvalidInput[] {
  const problems: InvalidInput[] = [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const seen = new Set<string>();
  productIds.forEach((id, i) => {
    const path = String(i);
    if (seen.has(id)) problems.push({ path, message: "is listed twice" });
    seen.add(id);
    const product = byId.get(id);
    if (!product) problems.push({ path, message: `no product ${id}` });
    else if (product.cooperativeId !== cooperativeId) problems.push({ path, message: "is not a product of this cooperative" });
  });
  return problems;
}
