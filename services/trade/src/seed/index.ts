import { DataSource } from "typeorm";
import { BulkColumn, bulkInsert, columnsOfFields, deferRollups, rebuildRollups, withIndexesAfterLoad } from "@camau/shared";
import { TRADE_ROLLUPS } from "../report/rollups";
import { AgreementRow, CertificationRow, generateTrade, ParticipationRow, ProductRow, ProgramRow, TRADE_SEED, TradeDataset } from "./generateTrade";
import { registryBacLieuCooperatives, registryCooperativesNow, registryDemoCooperatives, RegistryCooperativesAndEvents } from "./registryCooperatives";
import { withBacLieuHistory } from "./bacLieuTrade";
import { continueTrade } from "./continueTrade";
import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";

export { generateTrade, TRADE_SEED } from "./generateTrade";
export type { TradeDataset } from "./generateTrade";
export { registryBacLieuCooperatives, registryDemoCooperatives } from "./registryCooperatives";
export { withBacLieuHistory } from "./bacLieuTrade";
export type { RegistryCooperativesAndEvents } from "./registryCooperatives";

/**
 * Loads the trade promotion demo data when the trade database holds no product (the subgraph
 * module's `seedIfEmpty` hook): cooperatives come from the registry's demo generator, so their
 * ids are those the registry loads. One transaction; safe when two processes start at once.
 */
export async function seedIfEmpty(dataSource: DataSource, log: (line: string) => void): Promise<void> {
  const [{ present }] = await dataSource.query("SELECT EXISTS (SELECT 1 FROM product) AS present");
  if (present) return;
  const started = Date.now();
  const dataset = tradeDataset(generateRegistry({ seed: DEFAULT_SEED, scale: 1 }), TRADE_SEED, 1);
  const loaded = await loadTrade(dataSource, dataset);
  if (loaded) {
    log(
      `trade seed: ${dataset.products.length} products, ${dataset.certifications.length} OCOP certifications, ${dataset.programs.length} programs, ` +
        `${dataset.participations.length} participations loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

/**
 * Generates and loads the trade data at a scale (`npm run seed -- --scale N`): the candidates are
 * the cooperatives of the registry dataset the caller generated at the same seed and scale, so
 * their ids are those the registry holds. Scale 1 with the registry's default seed and
 * TRADE_SEED gives exactly what `seedIfEmpty` loads.
 */
export async function seedTradeAtScale(
  dataSource: DataSource,
  log: (line: string) => void,
  options: { scale: number; seed?: string; registry?: RegistryCooperativesAndEvents },
): Promise<void> {
  const started = Date.now();
  const dataset = tradeDataset(options.registry ?? generateRegistry({ seed: DEFAULT_SEED, scale: 1 }), options.seed ?? TRADE_SEED, options.scale);
  log(`trade seed: generated ${dataset.products.length.toLocaleString("en-US")} products, ${dataset.certifications.length.toLocaleString("en-US")} OCOP certifications, ${dataset.programs.length} programs, ${dataset.participations.length.toLocaleString("en-US")} participations`);
  const loaded = await loadTrade(dataSource, dataset);
  if (!loaded) throw new Error("trade seed: the trade database already holds products");
  log(`trade seed: loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The whole demo history: the first years from old Cà Mau's cooperatives, continued to the present
 * by the new province's, and old Bạc Liêu's own years before the merger.
 */
export function tradeDataset(registry: RegistryCooperativesAndEvents, seed: string, scale: number): TradeDataset {
  const caMau = continueTrade(generateTrade(registryDemoCooperatives(registry), seed, scale), registryCooperativesNow(registry), seed, scale);
  return withBacLieuHistory(caMau, registryBacLieuCooperatives(registry), seed, scale);
}

/** Inserts a dataset in one transaction; returns false when another process seeded first. */
export async function loadTrade(dataSource: DataSource, dataset: TradeDataset): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('camau-trade-seed'))`);
    const [{ present }] = await manager.query("SELECT EXISTS (SELECT 1 FROM product) AS present");
    if (present) return false;
    const q = manager.queryRunner!;
    await deferRollups(q);
    // The shared bulk loader (COPY), each table's indexes and foreign keys built after its rows;
    // columns left out (created_at, recorded_at) take their defaults as with an INSERT.
    const load = <R>(table: string, columns: BulkColumn<R>[], rows: readonly R[]) => withIndexesAfterLoad(q, table, () => bulkInsert(q, table, columns, rows));
    await load("product", [...columnsOfFields<ProductRow>(PRODUCT_FIELDS), constant("version", 1)], dataset.products);
    await load("ocop_certification", columnsOfFields<CertificationRow>(CERTIFICATION_FIELDS), dataset.certifications);
    await load("trade_promotion_program", [...columnsOfFields<ProgramRow>(PROGRAM_FIELDS), constant("version", 1)], dataset.programs);
    await load(
      "participation",
      [
        ...columnsOfFields<ParticipationRow>(PARTICIPATION_FIELDS),
        { name: "created_at", type: "timestamptz", value: (p) => new Date(p.createdAt) },
        { name: "updated_at", type: "timestamptz", value: (p) => new Date(p.resultsRecordedAt) },
        { name: "results_recorded_at", type: "timestamptz", value: (p) => new Date(p.resultsRecordedAt) },
        constant("version", 2),
      ],
      dataset.participations,
    );
    await load(
      "participation_product",
      columnsOfFields<ParticipationProductRow>({ participationId: "uuid", productId: "uuid", cooperativeId: "uuid", position: "smallint" }),
      dataset.participations.flatMap((p) => p.productIds.map((productId, position) => ({ participationId: p.id, productId, cooperativeId: p.cooperativeId, position }))),
    );
    await load("trade_agreement", columnsOfFields<AgreementRow>(AGREEMENT_FIELDS), dataset.agreements);
    await rebuildRollups(q, TRADE_ROLLUPS);
    return true;
  });
}

interface ParticipationProductRow {
  participationId: string;
  productId: string;
  cooperativeId: string;
  position: number;
}

const constant = <R>(name: string, value: unknown): BulkColumn<R> => ({ name, type: "int", value: () => value });

const PRODUCT_FIELDS = {
  id: "uuid", cooperativeId: "uuid", name: "text", productGroup: "text", description: "text", brandName: "text", markKind: "text", markRegistrationNumber: "text",
} as const;
const CERTIFICATION_FIELDS = {
  id: "uuid", productId: "uuid", stars: "smallint", score: "smallint", level: "text", decisionNumber: "text", certifiedOn: "date", expiresOn: "date", recordedBy: "text",
} as const;
const PROGRAM_FIELDS = {
  id: "uuid", name: "text", kind: "text", organiser: "text", venue: "text", province: "text", startsOn: "date", endsOn: "date", budget: "bigint", budgetSource: "text",
  description: "text", policyLegalBasis: "text", policyPercentage: "numeric", policyCapPerCooperative: "bigint",
} as const;
const PARTICIPATION_FIELDS = {
  id: "uuid", programId: "uuid", cooperativeId: "uuid", boothCount: "int", supportAmount: "bigint", eligibleCost: "bigint", salesRevenue: "bigint", note: "text",
} as const;
const AGREEMENT_FIELDS = {
  id: "uuid", participationId: "uuid", counterparty: "text", kind: "text", value: "bigint", signedOn: "date", description: "text", position: "smallint",
} as const;
