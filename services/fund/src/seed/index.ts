import { generateRegistry } from "@camau/demo-data";
import { DataSource } from "typeorm";
import { borrowersFromRegistry } from "./borrowers";
import { DEFAULT_FUND_SEED, generateFund } from "./generateFund";
import { writeFund } from "./writeFund";

export { DEFAULT_FUND_SEED, DEFAULT_HORIZON, FUNDED_IN_REPORT_PERIOD, generateFund, generateFundInSteps, REPORT_FROM, REPORT_TO } from "./generateFund";
export type { BorrowerCandidate, FundDataset, LoanRecords } from "./generateFund";
export { borrowersFromRegistry } from "./borrowers";
export { seedFund, writeFund } from "./writeFund";

/**
 * Loads the fund's demo history when the fund holds no application (the subgraph module's
 * `seedIfEmpty` hook). The borrowers are the registry's demo cooperatives, generated in memory
 * with the registry's own deterministic generator (same default seed as the registry's seed),
 * so every loan names a real cooperative id of the registry's demo data, ACTIVE when it applied.
 */
export async function seedIfEmpty(dataSource: DataSource, log: (line: string) => void, options: { seed?: number; registrySeed?: number } = {}): Promise<void> {
  const [{ present }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM loan_application) AS present`);
  if (present) return;
  const started = Date.now();
  const registry = generateRegistry({ seed: options.registrySeed, scale: 1 });
  const dataset = generateFund({ seed: options.seed ?? DEFAULT_FUND_SEED, borrowers: borrowersFromRegistry(registry) });
  const result = await writeFund(dataSource, dataset, { onlyIfEmpty: true });
  if (result.loaded) {
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`fund seed: ${total.toLocaleString("en-US")} rows (${dataset.loans.length} loans) loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
