import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { DataSource } from "typeorm";
import { Role } from "../auth/roles";
import { Viewer } from "../auth/viewer";

/** A subgraph's database pools: the primary, and a read replica when `<NAME>_DATABASE_READ_URL` is set. */
export interface DatabasePools {
  primary: DataSource;
  replica?: DataSource;
  /**
   * The primary has not been reachable since the subgraph started: `primary` is then the replica
   * standing in, so reads go on and writes fail as DATABASE_UNAVAILABLE (a standby refuses them)
   * until the primary answers (openServingPools).
   */
  primaryMissing?: boolean;
}

/**
 * Header a trusted internal caller (it has passed the gateway-secret guard) sends when its read
 * must see every committed write: the fund's borrower check at the moment it writes. The gateway
 * forwards no client header but Authorization, so a client cannot set it.
 */
export const READ_PRIMARY_HEADER = "x-read-primary";

/**
 * The pool a request starts on. Anonymous reads (the public portal, the bulk of the traffic) go
 * to the replica and may be as old as its replication lag (normally well under a second with
 * streaming replication). A signed-in caller's requests all go to the primary: staff read right
 * after they write (the screen reloads after a save), and their traffic is small, so they never
 * see their own change missing; the price is that signed-in reads fail while the primary is
 * down. Mutations always run on the primary (mutationsOnPrimary), their payload read inside
 * their transaction.
 */
export function poolForRequest(pools: DatabasePools, viewer: Viewer, readPrimaryHeader: string | undefined): DataSource {
  if (!pools.replica) return pools.primary;
  if (viewer.role !== Role.ANONYMOUS || readPrimaryHeader === "true") return pools.primary;
  return pools.replica;
}

/**
 * Moves a mutation that started on the replica (an anonymous caller: the context is built before
 * the operation is parsed) to the primary before it executes, so that it fails on its
 * authorisation check, never on a read-only standby.
 */
export function mutationsOnPrimary<TContext extends BaseContext>(pools: DatabasePools, rebuild: (context: TContext, primary: DataSource) => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (pools.replica && operation?.operation === "mutation") rebuild(contextValue, pools.primary);
        },
      };
    },
  };
}
