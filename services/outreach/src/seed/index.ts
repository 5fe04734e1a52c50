import { DEFAULT_SEED as DEFAULT_REGISTRY_SEED, generateRegistry } from "@camau/demo-data";
import { BulkColumn, bulkInsert, successorCodes, withIndexesAfterLoad } from "@camau/shared";
import { DataSource, EntityManager } from "typeorm";
import { Candidates, CooperativePool, DEFAULT_SEED, EMPTY_POOL, generateOutreach, OutreachDataset } from "./generateOutreach";

export { ARTICLE_CLASS_COUNTS, ARTICLE_PUBLISHED_FIGURES, ARTICLE_PUBLISHER, ARTICLE_REPORT, generateOutreach, REPORT_FROM, REPORT_TO } from "./generateOutreach";
export type { OutreachDataset } from "./generateOutreach";

const SEED_ACTOR = "seed";

/**
 * Registry cooperatives by district and status history, from the registry's own deterministic
 * demo generator (the same seed and scale 1 as the registry's default demo data), so that the
 * attendance of the demo classes names cooperatives that exist in the registry and were ACTIVE on
 * the class's first day. Falls back to no attendance when the generator cannot be loaded.
 */
export async function registryCooperativePool(log: (line: string) => void, registry?: RegistryPoolSource): Promise<CooperativePool> {
  const dataset: RegistryPoolSource = registry ?? generateRegistry({ seed: DEFAULT_REGISTRY_SEED, scale: 1 });
  const history = new Map<string, { on: string; at: string; status: string }[]>();
  for (const e of dataset.events) {
    if (!e.statusAfter) continue;
    const list = history.get(e.cooperativeId) ?? [];
    list.push({ on: e.effectiveOn, at: e.recordedAt, status: e.statusAfter });
    history.set(e.cooperativeId, list);
  }
  for (const list of history.values()) list.sort((a, b) => (a.on === b.on ? (a.at < b.at ? -1 : 1) : a.on < b.on ? -1 : 1));
  const byDistrict = new Map<string, string[]>();
  // Where each cooperative is now: its new commune, or its old commune's successors.
  const byNewCommune = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const c of dataset.cooperatives) {
    for (const code of c.districtCode ? successorCodes(c.communeCode) : [c.communeCode]) add(byNewCommune, code, c.id);
    if (c.districtCode) add(byDistrict, c.districtCode, c.id);
  }
  // Each cooperative's ACTIVE periods [from, to) (to null: still ACTIVE), from its status history
  // in order: the status on a date is that of the last change on or before it. Resolved once per
  // list of cooperatives into flat arrays of day numbers, so answering a date is one pass over
  // numbers. Answers are not kept (at national scale the lists hold thousands of cooperatives and
  // tens of thousands of (date, place) answers would hold gigabytes): each one is the positions
  // of the active cooperatives in their list, in one buffer the next answer reuses, and the class
  // draws from those positions (Random.shufflePositions: the draws of Random.sample).
  const resolved = new Map<string[], ActiveSpans>();
  let positions = new Int32Array(1024);
  let answer = 0;
  const activeAmong = (ids: string[], date: string): Candidates => {
    let spans = resolved.get(ids);
    if (!spans) resolved.set(ids, (spans = activeSpans(ids, history)));
    const day = dayNumber(date);
    const { owner, from, until } = spans;
    if (positions.length < ids.length) positions = new Int32Array(ids.length);
    let length = 0;
    for (let i = 0; i < owner.length; i++) if (from[i] <= day && day < until[i]) positions[length++] = owner[i];
    const asked = ++answer;
    return {
      length,
      sample: (rng, count) => {
        if (asked !== answer) throw new Error("outreach seed: candidates drawn from after the pool's next answer");
        if (count > length) throw new Error(`sample of ${count} from ${length} items`);
        rng.shufflePositions(positions, length);
        const picked: string[] = [];
        for (let k = 0; k < count; k++) picked.push(ids[positions[k]]);
        return picked.sort();
      },
    };
  };
  const none: string[] = [];
  return {
    activeOn: (date, districtCode) => activeAmong(byDistrict.get(districtCode) ?? none, date),
    activeInNewCommune: (date, communeCode) => activeAmong(byNewCommune.get(communeCode) ?? none, date),
  };
}

/** ACTIVE periods of a list of cooperatives, in the list's order: period i is [from[i], until[i]) of ids[owner[i]]. */
interface ActiveSpans {
  owner: Int32Array;
  from: Int32Array;
  until: Int32Array;
}

/** A date as a number in the same order (yyyymmdd). */
function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

const STILL_ACTIVE = 99_999_999;

/** A cooperative's periods do not overlap, so a date falls in at most one of them: the list's order is kept. */
function activeSpans(ids: readonly string[], history: ReadonlyMap<string, { on: string; status: string }[]>): ActiveSpans {
  const owner: number[] = [];
  const from: number[] = [];
  const until: number[] = [];
  ids.forEach((id, index) => {
    const changes = history.get(id) ?? [];
    changes.forEach((e, i) => {
      const next = i + 1 < changes.length ? changes[i + 1].on : null;
      if (e.status === "ACTIVE" && (next === null || e.on < next)) {
        owner.push(index);
        from.push(dayNumber(e.on));
        until.push(next === null ? STILL_ACTIVE : dayNumber(next));
      }
    });
  });
  return { owner: Int32Array.from(owner), from: Int32Array.from(from), until: Int32Array.from(until) };
}

/** The part of a registry dataset the pool is built from (any seed and scale: `npm run seed`). */
export interface RegistryPoolSource {
  cooperatives: ReadonlyArray<{ id: string; districtCode: string | null; communeCode: string }>;
  events: ReadonlyArray<{ cooperativeId: string; effectiveOn: string; recordedAt: string; statusAfter: string | null }>;
}

/**
 * Generates and loads the outreach data at a scale (`npm run seed -- --scale N`), with attendance
 * drawn from the registry dataset the caller generated at the same seed and scale. Scale 1 with
 * the default seeds gives exactly what `seedIfEmpty` loads.
 */
export async function seedOutreachAtScale(
  dataSource: DataSource,
  log: (line: string) => void,
  options: { scale: number; seed?: number; registry?: RegistryPoolSource },
): Promise<void> {
  const started = Date.now();
  const dataset = generateOutreach({ seed: options.seed ?? DEFAULT_SEED, pool: await registryCooperativePool(log, options.registry), scale: options.scale });
  await dataSource.transaction(async (manager) => {
    const [{ present }] = await manager.query("SELECT EXISTS (SELECT 1 FROM training_class) OR EXISTS (SELECT 1 FROM published_figure) AS present");
    if (present) throw new Error("outreach seed: the outreach database already holds data");
    await loadOutreach(manager, dataset);
  });
  const attendance = dataset.classes.reduce((sum, c) => sum + c.cooperativeIds.length, 0);
  log(`outreach seed: ${dataset.classes.length.toLocaleString("en-US")} classes, ${attendance.toLocaleString("en-US")} attendances, ${dataset.publishedFigures.length} published figures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Rows as arrays in the columns' order, through the shared bulk loader (COPY), indexes built after. */
async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const q = manager.queryRunner;
  if (!q) throw new Error("outreach seed: loadOutreach runs in a transaction");
  const bulkColumns: BulkColumn<unknown[]>[] = columns.map((name, i) => ({ name, type: "text", value: (row) => row[i] }));
  await withIndexesAfterLoad(q, table, () => bulkInsert(q, table, bulkColumns, rows));
}

/** Writes a dataset into an empty outreach database, in the caller's transaction. */
export async function loadOutreach(manager: EntityManager, dataset: OutreachDataset): Promise<void> {
  await insertRows(
    manager,
    "training_class",
    ["id", "kind", "title", "organiser", "co_organisers", "district_code", "commune_code", "start_date", "end_date", "audience", "participant_count", "status", "cancelled_on", "cancellation_reason", "version", "created_by", "created_at", "updated_at"],
    dataset.classes.map((c) => {
      const recorded = `${c.cancelledOn ?? c.endDate}T17:00:00+07:00`;
      return [c.id, c.kind, c.title, c.organiser, c.coOrganisers, c.districtCode, c.communeCode, c.startDate, c.endDate, c.audience, c.participantCount, c.status, c.cancelledOn, c.cancellationReason, 1, SEED_ACTOR, recorded, recorded];
    }),
  );
  await insertRows(
    manager,
    "training_class_attendance",
    ["class_id", "cooperative_id", "recorded_at"],
    dataset.classes.flatMap((c) => c.cooperativeIds.map((id) => [c.id, id, `${c.endDate}T17:00:00+07:00`])),
  );
  await insertRows(
    manager,
    "published_figure",
    ["id", "report_title", "report_reference", "publisher", "published_on", "period_from", "period_to", "figure", "province", "value", "note", "version", "recorded_by"],
    dataset.publishedFigures.map((f) => [f.id, f.reportTitle, f.reportReference, f.publisher, f.publishedOn, f.from, f.to, f.figure, f.province, f.value, f.note, 1, SEED_ACTOR]),
  );
}

/**
 * Loads the outreach demo dataset when the database holds no class and no published figure (the
 * subgraph module's `seedIfEmpty` hook). Safe when two processes start at once: the check and
 * the load run under one advisory lock in one transaction.
 */
export async function seedIfEmpty(dataSource: DataSource, log: (line: string) => void, options: { seed?: number } = {}): Promise<void> {
  const [{ present }] = await dataSource.query("SELECT EXISTS (SELECT 1 FROM training_class) OR EXISTS (SELECT 1 FROM published_figure) AS present");
  if (present) return;
  const started = Date.now();
  const dataset = generateOutreach({ seed: options.seed ?? DEFAULT_SEED, pool: await registryCooperativePool(log) });
  const loaded = await dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('camau_outreach_seed'))");
    const [{ again }] = await manager.query("SELECT EXISTS (SELECT 1 FROM training_class) OR EXISTS (SELECT 1 FROM published_figure) AS again");
    if (again) return false;
    await loadOutreach(manager, dataset);
    return true;
  });
  if (loaded) {
    const attendance = dataset.classes.reduce((sum, c) => sum + c.cooperativeIds.length, 0);
    log(`outreach seed: ${dataset.classes.length} classes, ${attendance} attendances, ${dataset.publishedFigures.length} published figures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
