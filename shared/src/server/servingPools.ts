import { DataSource } from "typeorm";
import { DatabasePools } from "./readRouting";

const RECONNECT_EVERY_MS = 2_000;

export interface ServingPools {
  readonly pools: DatabasePools;
  /** Stops trying to reach a missing primary (before the pools are closed). */
  stopReconnecting(): void;
}

/**
 * Opens a subgraph's serving pools. With a replica, a primary that cannot be reached at start
 * does not stop the subgraph when `tolerateMissingPrimary` (nothing to migrate or seed): it
 * serves public reads from the replica, which also stands in for the primary (a write then
 * fails on the read-only standby as DATABASE_UNAVAILABLE; with no write possible, a signed-in
 * read there misses none of the caller's own), and keeps trying the primary until it answers.
 * So a subgraph restarted during an outage of the primary serves public reads like the others.
 */
export async function openServingPools(
  primary: DataSource,
  replica: DataSource | undefined,
  options: { tolerateMissingPrimary: boolean; log: (line: string) => void },
): Promise<ServingPools> {
  if (!replica) {
    await primary.initialize();
    return { pools: { primary }, stopReconnecting: () => undefined };
  }
  await replica.initialize();
  try {
    await primary.initialize();
    return { pools: { primary, replica }, stopReconnecting: () => undefined };
  } catch (error) {
    if (!options.tolerateMissingPrimary) {
      await replica.destroy();
      throw error;
    }
    options.log(`primary database unreachable (${(error as Error).message}); serving reads from the replica, trying the primary every ${RECONNECT_EVERY_MS / 1000} s`);
  }
  const pools: DatabasePools = { primary: replica, replica, primaryMissing: true };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tryAgain = () => {
    timer = setTimeout(async () => {
      try {
        await primary.initialize();
      } catch {
        if (!stopped) tryAgain();
        return;
      }
      if (stopped) {
        await primary.destroy();
        return;
      }
      pools.primary = primary;
      pools.primaryMissing = false;
      options.log("primary database reachable: writes resume");
    }, RECONNECT_EVERY_MS);
    timer.unref();
  };
  tryAgain();
  return {
    pools,
    stopReconnecting: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
