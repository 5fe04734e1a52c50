import { BaseContext } from "@apollo/server";
import { signToken } from "../auth/tokens";
import { Role } from "../auth/roles";
import { DatabasePool } from "../db/sqlStatementCounter";
import { gatewaySecret } from "../config/secrets";
import { GATEWAY_SECRET_HEADER } from "../server/gatewaySecretGuard";
import { RunningServer, } from "../server/subgraphServer";
import { runSubgraph } from "../server/runSubgraph";
import { SubgraphModule } from "../server/subgraphModule";
import { freshDatabase } from "./testDatabase";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; invalidInputs?: { path: string; message: string }[]; [key: string]: unknown } }[];
}

/** One subgraph on a fresh database of the test server, called over HTTP as the gateway would. */
export class SubgraphUnderTest {
  private constructor(
    readonly server: RunningServer,
    readonly databaseUrl: string,
  ) {}

  static async start<TContext extends BaseContext>(module: SubgraphModule<TContext>, options: { seed?: boolean } = {}): Promise<SubgraphUnderTest> {
    const databaseUrl = await freshDatabase(module.name);
    const server = await runSubgraph(module, { databaseUrl, port: 0, migrate: true, seedIfEmpty: options.seed ?? false, log: () => undefined });
    return new SubgraphUnderTest(server, databaseUrl);
  }

  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [GATEWAY_SECRET_HEADER]: gatewaySecret(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** SQL statements the subgraph has sent (through every pool, or one), read from its /metrics endpoint. */
  async sqlStatements(pool?: DatabasePool): Promise<number> {
    return sqlStatementsOf(this.server.url, pool);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

/** Sums the `sql_statements_total` lines of a subgraph's /metrics (of one pool, or of all). */
export async function sqlStatementsOf(subgraphUrl: string, pool?: DatabasePool): Promise<number> {
  const text = await (await fetch(new URL("/metrics", subgraphUrl))).text();
  let total = 0;
  for (const [, labels, count] of text.matchAll(/^sql_statements_total\{([^}]*)\}\s+(\d+)$/gm)) {
    if (!pool || labels.includes(`pool="${pool}"`)) total += Number(count);
  }
  return total;
}

/** Statements each pool has sent so far: where a replicated subgraph sent its reads and writes. */
export async function sqlStatementsByPool(subgraphUrl: string): Promise<{ primary: number; replica: number }> {
  return { primary: await sqlStatementsOf(subgraphUrl, "primary"), replica: await sqlStatementsOf(subgraphUrl, "replica") };
}

/** Tokens for tests, signed with the development secret. */
export const testTokens = {
  officer: () => signToken({ sub: "officer-1", role: Role.OFFICER }),
  admin: () => signToken({ sub: "admin-1", role: Role.ADMIN }),
  fundOfficer: (sub = "fund-officer-1") => signToken({ sub, role: Role.FUND_OFFICER }),
  fundApprover: (sub = "fund-approver-1") => signToken({ sub, role: Role.FUND_APPROVER }),
  manager: (cooperativeId: string) => signToken({ sub: `manager-of-${cooperativeId}`, role: Role.COOPERATIVE_MANAGER, cooperativeId }),
};
