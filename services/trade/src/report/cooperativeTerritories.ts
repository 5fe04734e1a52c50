import { CooperativeDirectory, CooperativePlace, deferRollups, oldTerritoryOfPlace, rebuildRollups } from "@camau/shared";
import { DataSource } from "typeorm";
import { TRADE_ROLLUPS } from "./rollups";

/** More changed cooperatives than this are written with the rollup deferred and rebuilt once (a first sync). */
const REBUILD_ABOVE = 1_000;

/**
 * The old province of every cooperative's head office, kept in trade's `cooperative_territory`
 * from the registry's places, so the report's OCOP rollup can be split by territory in SQL (trade
 * stores only cooperative ids). Each use asks the directory for its places (one small call while
 * the registry's cooperatives do not change) and writes, on the primary, only the cooperatives
 * whose territory changed since the last sync of this process; the first sync of a process
 * compares with the table. It starts when the subgraph starts serving, in the background, so the
 * first report does not wait for the download of the places.
 */
export class CooperativeTerritories {
  private source?: { directory: CooperativeDirectory; primary: DataSource; log: (line: string) => void };
  /** The places last written and what the table holds since (by lower-case id). */
  private synced?: { places: ReadonlyMap<string, CooperativePlace>; territories: Map<string, string> };
  private syncing?: Promise<void>;
  private stopped = false;

  /**
   * Starts following the registry once the subgraph serves (its primary pool). stop() before the
   * pool closes: a sync then writes nothing more, and stopping does not wait for a download from
   * a registry that may hang.
   */
  follow(directory: CooperativeDirectory, primary: DataSource, log: (line: string) => void): { stop(): Promise<void> } {
    this.source = { directory, primary, log };
    this.current().catch((error: unknown) => log(`cooperative territories not synced at start: ${(error as Error).message}`));
    return {
      stop: async () => {
        this.stopped = true;
      },
    };
  }

  /**
   * Brings the table up to the directory's current places. When the registry cannot be asked, a
   * process that synced before reads the table as it is (the places are never fresher than the
   * registry's last answer anyway); one that never did fails, like a report whose places are unknown.
   */
  async current(): Promise<void> {
    this.syncing ??= this.sync().finally(() => (this.syncing = undefined));
    try {
      await this.syncing;
    } catch (error) {
      if (!this.synced) throw error;
      this.source?.log(`cooperative territories kept as last synced: ${(error as Error).message}`);
    }
  }

  private async sync(): Promise<void> {
    if (!this.source) throw new Error("cooperative territories: the subgraph is not serving");
    if (this.stopped) return;
    const { directory, primary } = this.source;
    const places = await directory.places();
    if (this.stopped || places === this.synced?.places) return;
    const territories = new Map<string, string>();
    for (const [id, place] of places) {
      const territory = oldTerritoryOfPlace(place.districtCode, place.communeCode);
      if (territory) territories.set(id.toLowerCase(), territory);
    }
    const held = this.synced?.territories ?? (await heldTerritories(primary));
    const changed = [...territories].filter(([id, territory]) => held.get(id) !== territory);
    const removed = [...held.keys()].filter((id) => !territories.has(id));
    if (changed.length || removed.length) {
      await primary.transaction(async (manager) => {
        const q = manager.queryRunner!;
        const bulk = changed.length + removed.length > REBUILD_ABOVE;
        if (bulk) await deferRollups(q);
        if (removed.length) await q.query(`DELETE FROM cooperative_territory WHERE cooperative_id = ANY ($1::uuid[])`, [removed]);
        if (changed.length) {
          // Ordered by key: concurrent processes syncing the same change lock rows in the same order.
          await q.query(
            `INSERT INTO cooperative_territory (cooperative_id, territory)
             SELECT id, territory FROM unnest($1::uuid[], $2::text[]) AS c (id, territory) ORDER BY id
             ON CONFLICT (cooperative_id) DO UPDATE SET territory = EXCLUDED.territory
             WHERE cooperative_territory.territory IS DISTINCT FROM EXCLUDED.territory`,
            [changed.map(([id]) => id), changed.map(([, territory]) => territory)],
          );
        }
        if (bulk) await rebuildRollups(q, TRADE_ROLLUPS);
      });
    }
    this.synced = { places, territories };
  }
}

async function heldTerritories(db: DataSource): Promise<Map<string, string>> {
  const rows: { id: string; territory: string }[] = await db.query(`SELECT cooperative_id AS id, territory FROM cooperative_territory`);
  return new Map(rows.map((row) => [row.id, row.territory]));
}
