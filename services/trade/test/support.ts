import { SubgraphUnderTest, testTokens } from "@camau/shared";
import { Client } from "pg";
import { tradeSubgraph } from "../src/subgraph";

/** The trade subgraph on a fresh database (optionally with the demo dataset). */
export const startTrade = (options: { seed?: boolean } = {}) => SubgraphUnderTest.start(tradeSubgraph, options);
export const tokens = testTokens;

/** Row counts of every trade table (the audit log's included), to show that a refused mutation wrote nothing. */
export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM product) AS product,
      (SELECT count(*) FROM ocop_certification) AS certification,
      (SELECT count(*) FROM trade_promotion_program) AS program,
      (SELECT count(*) FROM participation) AS participation,
      (SELECT count(*) FROM participation_product) AS shown,
      (SELECT count(*) FROM trade_agreement) AS agreement,
      (SELECT count(*) FROM audit_entry) AS audit_entries,
      (SELECT coalesce(sum(version), 0) FROM product) + (SELECT coalesce(sum(version), 0) FROM trade_promotion_program) + (SELECT coalesce(sum(version), 0) FROM participation) AS versions`);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

/** The error codes of a response, in order. */
export const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

/** The offending input paths of a BAD_USER_INPUT response. */
export const paths = (result: { errors?: { extensions?: { invalidInputs?: { path: string }[] } }[] }) =>
  (result.errors ?? []).flatMap((e) => (e.extensions?.invalidInputs ?? []).map((i) => i.path));
