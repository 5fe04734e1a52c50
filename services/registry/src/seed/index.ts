import { DataSource } from "typeorm";
import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";
import { loadRegistry } from "./loadRegistry";

export { ARTICLE_FIGURES, DATASET_END, DEFAULT_SEED, generateRegistry, REPORT_FROM, REPORT_TO } from "@camau/demo-data";
export type { RegistryDataset } from "@camau/demo-data";
export { loadRegistry } from "./loadRegistry";

export interface SeedOptions {
  /** 1 is the province's demo data (the article's figures); larger scales multiply it. */
  scale: number;
  seed?: number;
  /** Rows per INSERT statement. */
  chunkSize?: number;
}

/**
 * Loads the registry's demo dataset when the registry holds no cooperative (the subgraph module's
 * `seedIfEmpty` hook). Safe to call from two processes at once: the load re-checks under a lock.
 */
export async function seedIfEmpty(dataSource: DataSource, log: (line: string) => void, options: Partial<SeedOptions> = {}): Promise<void> {
  const [{ present }] = await dataSource.query("SELECT EXISTS (SELECT 1 FROM cooperative) AS present");
  if (present) return;
  await seed(dataSource, log, { scale: options.scale ?? 1, seed: options.seed, chunkSize: options.chunkSize }, true);
}

/** Generates the demo dataset for a seed and scale and loads it in one transaction. */
export async function seedRegistry(dataSource: DataSource, log: (line: string) => void, options: SeedOptions): Promise<void> {
  await seed(dataSource, log, options, false);
}

async function seed(dataSource: DataSource, log: (line: string) => void, options: SeedOptions, onlyIfEmpty: boolean): Promise<void> {
  const started = Date.now();
  const seedValue = options.seed ?? DEFAULT_SEED;
  log(`registry seed: generating the demo dataset (seed ${seedValue}, scale ${options.scale})`);
  const dataset = generateRegistry({ seed: seedValue, scale: options.scale });
  const result = await loadRegistry(dataSource, dataset, log, { chunkSize: options.chunkSize, onlyIfEmpty });
  if (result.loaded) {
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(`registry seed: ${total.toLocaleString("en-US")} rows loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
