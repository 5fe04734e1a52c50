import { databaseUrlFor, envInt, envOptional, envPrefixOf, GATEWAY_PORT, redactUrl, SUBGRAPHS } from "@camau/shared";
import { graphiqlEnabled } from "@camau/gateway";
import path from "node:path";
import { startPersistentPostgres, StartedPostgres } from "./lib/embeddedForStart";
import { REPO_ROOT } from "./lib/paths";
import { restartMessage } from "./lib/restartPolicy";
import { RunningStack, startStack } from "./stack";

/**
 * `npm start`: the whole system on this machine. Without DATABASE_URL (or a database URL for
 * every subgraph) an embedded PostgreSQL keeps its data under .data/postgres, so data survives
 * restarts. A service that exits is restarted with backoff (1 s, 2 s, 4 s ... 30 s). Ctrl-C or
 * SIGTERM stops the gateway, the subgraphs and then PostgreSQL, and restarts nothing.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);

let postgresStarting: Promise<StartedPostgres | undefined> = Promise.resolve(undefined);
let stack: RunningStack | undefined;
let stopping: Promise<void> | undefined;
// A signal while the services are still starting: startStack stops what it started.
const starting = new AbortController();
let stackStarting: Promise<unknown> = Promise.resolve();

function shutdown(reason: string, exitCode: number): Promise<void> {
  stopping ??= (async () => {
    say(`[start] ${reason}: stopping every service`);
    try {
      starting.abort();
      await stackStarting.catch(() => undefined);
      await stack?.stop();
      const postgres = await postgresStarting.catch(() => undefined);
      if (postgres) {
        say("[start] stopping PostgreSQL");
        await postgres.stop();
      }
      say("[start] stopped");
    } finally {
      process.exit(exitCode);
    }
  })();
  return stopping;
}

/** `<NAME>_DATABASE_URL` of the subgraphs that have one. */
function ownDatabaseUrls(): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const own = envOptional(`${envPrefixOf(s.name)}DATABASE_URL`);
    if (own) urls[s.name] = own;
  }
  return urls;
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("SIGHUP", () => void shutdown("SIGHUP", 0));

  const configured = SUBGRAPHS.every((s) => databaseUrlFor(s.name) !== undefined);
  let databaseServerUrl: string | undefined;
  if (!configured) {
    const dataDir = path.join(REPO_ROOT, ".data", "postgres");
    const port = envInt("EMBEDDED_PG_PORT", 54329);
    say(`[start] starting embedded PostgreSQL on port ${port} (data in ${path.relative(REPO_ROOT, dataDir)})`);
    postgresStarting = startPersistentPostgres(dataDir, port, () => undefined);
    databaseServerUrl = (await postgresStarting)!.url;
  } else {
    say(`[start] using the configured database server${envOptional("DATABASE_URL") ? ` ${redactUrl(envOptional("DATABASE_URL")!)}` : "s"}`);
  }

  if (stopping) return;
  const started = startStack({
    databaseServerUrl,
    // A per-subgraph URL in the environment wins over the embedded server.
    databaseUrls: ownDatabaseUrls(),
    ports: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, envInt(`${envPrefixOf(s.name)}PORT`, s.port)])),
    gatewayPort: envInt("GATEWAY_PORT", GATEWAY_PORT),
    seedIfEmpty: true,
    // While starting, startStack itself fails with the service's output; afterwards a service
    // that exits is started again after a growing delay, and Ctrl-C stops everything.
    restartOnExit: true,
    onRestart: (event) => say(`[start] ${restartMessage(event)}`),
    signal: starting.signal,
  });
  stackStarting = started;
  stack = await started;

  const gateway = `http://localhost:${stack.gatewayPort}`;
  say("");
  say("Cà Mau collective economy API is running:");
  say(`  GraphQL (gateway)  ${gateway}/graphql`);
  if (graphiqlEnabled()) say(`  GraphiQL (explore) ${gateway}/graphiql`);
  say(`  health             ${gateway}/health   readiness ${gateway}/ready`);
  for (const s of stack.subgraphs) say(`  subgraph ${s.name.padEnd(9)} http://localhost:${s.port}/graphql (gateway only)`);
  say("");
  say("A token for protected fields and mutations: npm run token -- --role OFFICER");
  say('  then send the header  Authorization: Bearer <token>');
  say("Ctrl-C stops everything.");
}

main().catch((error: unknown) => {
  if (stopping) return;
  process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown("start failed", 1);
});
