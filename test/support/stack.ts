import { databaseNameOf, dropDatabase, SUBGRAPHS, withDatabase } from "@camau/shared";
import { freePort, testServerUrl } from "@camau/shared/testing";
import { randomBytes } from "node:crypto";
import { RunningStack, startStack } from "../../scripts/stack";

/**
 * The whole system for end-to-end tests, started once per mocha run on free ports against the
 * test PostgreSQL server (embedded, or TEST_DATABASE_URL), with databases of unique names so
 * concurrent or leftover runs never collide, and the demo dataset loaded.
 * Set E2E_LOG=1 to see the services' output.
 */
let started: Promise<RunningStack> | undefined;
let databaseUrls: string[] = [];
let databaseUrlsByName: Record<string, string> = {};

/** The database URL of one subgraph of the running e2e stack (tests that check figures with SQL). */
export async function e2eDatabaseUrl(name: string): Promise<string> {
  await e2eStack();
  return databaseUrlsByName[name];
}

export function e2eStack(): Promise<RunningStack> {
  started ??= (async () => {
    const server = await testServerUrl();
    const run = randomBytes(4).toString("hex");
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, withDatabase(server, `e2e_${run}_${databaseNameOf(s.name)}`)]));
    databaseUrls = Object.values(urls);
    databaseUrlsByName = urls;
    const ports: Record<string, number> = {};
    for (const s of SUBGRAPHS) ports[s.name] = await freePort();
    const gatewayPort = await freePort();
    return startStack({
      databaseUrls: urls,
      ports,
      gatewayPort,
      seedIfEmpty: true,
      // Every suite talks to this gateway from one address, hundreds of requests a minute, reports
      // in parallel: per-client budgets would refuse them. test/security.test.ts tests fair use on
      // a gateway of its own with small budgets.
      env: { FAIR_USE: "false" },
      log: process.env.E2E_LOG ? (line) => process.stdout.write(`      ${line}\n`) : () => undefined,
    });
  })();
  return started;
}

/** Stops the stack and drops its databases; a root hook calls it before the test server stops. */
export async function stopE2eStack(): Promise<void> {
  if (!started) return;
  const stack = await started.catch(() => undefined);
  started = undefined;
  await stack?.stop();
  for (const url of databaseUrls) await dropDatabase(url).catch(() => undefined);
  databaseUrls = [];
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs an operation to a GraphQL endpoint (the gateway unless `url` is given) as a client would. */
export async function graphql<TData = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  options: { url?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<TData>> {
  const url = options.url ?? (await e2eStack()).gatewayUrl;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, "status">;
  return { status: response.status, ...body };
}
