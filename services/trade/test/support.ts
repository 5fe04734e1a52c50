import { CooperativeSnapshot } from "@camau/shared";
import { InMemoryCooperativeDirectory, SubgraphUnderTest, testTokens } from "@camau/shared/testing";
import { Client } from "pg";
import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";
import { createTradeSubgraph } from "../src/subgraph";

/** A cooperative of the registry, as the in-memory directory describes it (trade reads only its id). */
export function registryCooperative(id: string): CooperativeSnapshot {
  return { id, status: "ACTIVE", sectorCode: "AGRICULTURE", sectorName: "Nông nghiệp", districtCode: "966", districtName: "Huyện U Minh" };
}

export type TradeUnderTest = SubgraphUnderTest & { directory: InMemoryCooperativeDirectory };

/**
 * The trade subgraph on a fresh database (optionally with the demo dataset), with an in-memory
 * registry that knows the given cooperative ids (more can be put in `directory` later).
 */
export async function startTrade(options: { seed?: boolean; cooperatives?: string[] } = {}): Promise<TradeUnderTest> {
  const directory = new InMemoryCooperativeDirectory((options.cooperatives ?? []).map(registryCooperative));
  const trade = await SubgraphUnderTest.start(createTradeSubgraph({ directory }), { seed: options.seed });
  return Object.assign(trade, { directory });
}

/** Puts the registry's demo cooperatives (scale 1) in the directory, placed as the registry places them: the report reads their places. */
export function putDemoCooperatives(directory: InMemoryCooperativeDirectory): void {
  for (const c of generateRegistry({ seed: DEFAULT_SEED, scale: 1 }).cooperatives) {
    directory.put({ id: c.id, status: c.status, sectorCode: c.sectorCode, sectorName: c.sectorCode, districtCode: c.districtCode, districtName: null, communeCode: c.communeCode });
  }
}

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
