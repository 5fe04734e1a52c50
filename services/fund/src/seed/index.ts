import { DataSource } from "typeorm";

/** Placeholder until the generator lands (see generateFund.ts). */
export async function seedIfEmpty(_dataSource: DataSource, log: (line: string) => void): Promise<void> {
  log("fund demo data: not yet available");
}
