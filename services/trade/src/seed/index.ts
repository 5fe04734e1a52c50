import { DataSource } from "typeorm";
import { OcopCertification } from "../entities/OcopCertification";
import { Participation, ParticipationProduct, TradeAgreement } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";
import { generateTrade, TRADE_SEED, TradeDataset } from "./generateTrade";
import { registryBacLieuCooperatives, registryCooperativesNow, registryDemoCooperatives, RegistryCooperativesAndEvents } from "./registryCooperatives";
import { withBacLieuHistory } from "./bacLieuTrade";
import { continueTrade } from "./continueTrade";
import { DEFAULT_SEED, generateRegistry } from "@camau/demo-data";

export { generateTrade, TRADE_SEED } from "./generateTrade";
export type { TradeDataset } from "./generateTrade";
export { registryBacLieuCooperatives, registryDemoCooperatives } from "./registryCooperatives";
export { withBacLieuHistory } from "./bacLieuTrade";
export type { RegistryCooperativesAndEvents } from "./registryCooperatives";

const CHUNK = 500;

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
    const insert = async <T extends object>(entity: new () => T, rows: Partial<T>[]) => {
      for (let i = 0; i < rows.length; i += CHUNK) await manager.getRepository(entity).insert(rows.slice(i, i + CHUNK) as never);
    };
    await insert(Product, dataset.products.map((p) => ({ ...p, version: 1 })));
    await insert(OcopCertification, dataset.certifications);
    await insert(
      TradePromotionProgram,
      dataset.programs.map(({ key: _key, ...p }) => ({ ...p, version: 1 })),
    );
    await insert(
      Participation,
      dataset.participations.map(({ productIds: _ids, createdAt, resultsRecordedAt, ...p }) => ({
        ...p,
        createdAt: new Date(createdAt),
        updatedAt: new Date(resultsRecordedAt),
        resultsRecordedAt: new Date(resultsRecordedAt),
        version: 2,
      })),
    );
    await insert(
      ParticipationProduct,
      dataset.participations.flatMap((p) => p.productIds.map((productId, position) => ({ participationId: p.id, productId, cooperativeId: p.cooperativeId, position }))),
    );
    await insert(TradeAgreement, dataset.agreements);
    return true;
  });
}
