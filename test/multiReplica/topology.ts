import { databaseNameOf, ensureDatabase, envPrefixOf, SUBGRAPHS, withDatabase } from "@camau/shared";
import { freePort, ReplicatedPostgres, startReplicatedPostgres } from "@camau/shared/testing";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { ChildService } from "../../scripts/lib/childService";
import { mainScriptOf, REPO_ROOT } from "../../scripts/lib/paths";
import { Haproxy } from "./haproxy";
import { startTestRedis, TestRedis } from "../support/redisServer";
import { Replica } from "./replica";

export const REPLICAS = 2;
const READY_TIMEOUT_MS = 180_000;
/** Test secrets (production refuses the development ones; ≥ 32 characters). */
const SECRETS = {
  JWT_SECRET: "multi-replica-proof-jwt-secret-0123456789abcdef",
  GATEWAY_SECRET: "multi-replica-proof-gateway-secret-0123456789abcdef",
};
/**
 * The readiness delay the Kubernetes manifests give every pod: it outlasts HAProxy's detection
 * (2 failed checks, the first within 1 s, the next 250 ms later, each answered by a busy process).
 */
const SHUTDOWN = { SHUTDOWN_READINESS_DELAY_MS: "5000", SHUTDOWN_DRAIN_TIMEOUT_MS: "10000" };

export interface SetupStep {
  step: string;
  ok: boolean;
  detail: string;
}

export interface Topology extends Teardown {
  readonly root: string;
  readonly postgres: ReplicatedPostgres;
  readonly haproxy: Haproxy;
  /** The gateway frontend: what clients reach. */
  readonly gatewayUrl: string;
  readonly gateways: Replica[];
  /** Replicas of each subgraph, by name. */
  readonly subgraphs: Record<string, Replica[]>;
  readonly secrets: typeof SECRETS;
  /** What happened while setting up (the migrate command among others). */
  readonly setup: SetupStep[];
  /** Processes that exited without being asked to. */
  readonly unexpectedExits: string[];
}

/** Ends whatever has started so far; handed out before anything starts. */
export interface Teardown {
  /** Stops everything in order and removes the folder. */
  stop(): Promise<void>;
  /** SIGKILLs every process but PostgreSQL's (stop() then ends those). */
  killNow(): void;
}

export interface TopologyOptions {
  /** Receives the teardown at once, so a time bound can end a start that hangs. */
  onTeardown: (teardown: Teardown) => void;
  log: (line: string) => void;
  /** Told as each step begins, for the progress output. */
  say: (line: string) => void;
}

/** Distinct free loopback ports. */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** Runs a compiled script of the repository to its end; its exit code and last output lines. */
async function runScript(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<{ code: number | string; output: string }> {
  const child = new ChildService({ name, script, args, env, cwd: REPO_ROOT, log });
  const code = await child.exited;
  return { code, output: child.recentOutput() };
}

/**
 * The production topology on this machine: PostgreSQL primary and streaming standby, Redis, two
 * replicas of every subgraph and of the gateway, HAProxy in front of each service. Everything
 * lives under .test-data/multi-replica-<pid>; stop() (or killNow()) ends it, also when a step
 * of the start fails.
 */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const { log, say } = options;
  const root = path.resolve(REPO_ROOT, ".test-data", `multi-replica-${process.pid}`);
  await mkdir(root, { recursive: true });
  const setup: SetupStep[] = [];
  const unexpectedExits: string[] = [];
  const onUnexpectedExit = (name: string, code: number | string) => {
    unexpectedExits.push(`${name} (${code})`);
    log(`[multi-replica] ${name} exited unexpectedly (${code})`);
  };

  let postgres: ReplicatedPostgres | undefined;
  let haproxy: Haproxy | undefined;
  let redis: TestRedis | undefined;
  const gateways: Replica[] = [];
  const subgraphs: Record<string, Replica[]> = {};
  const replicas = () => [...gateways, ...Object.values(subgraphs).flat()];
  const killNow = () => {
    for (const replica of replicas()) replica.killNow();
    haproxy?.killNow();
  };
  process.on("exit", killNow);
  const stop = async () => {
    // Gateways first, as the stack does; each drains its in-flight requests.
    await Promise.all(gateways.map((g) => g.terminate().catch(() => g.killNow())));
    await Promise.all(Object.values(subgraphs).flat().map((s) => s.terminate().catch(() => s.killNow())));
    await haproxy?.stop();
    await redis?.stop();
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
    process.off("exit", killNow);
  };
  options.onTeardown({ stop, killNow });

  try {
    say("starting PostgreSQL primary and standby");
    // The pair's own folder is inside ours, so that one removal takes everything.
    postgres = await startReplicatedPostgres(`multi-replica-${process.pid}/postgres`);
    const pg = postgres;
    const [statsPort, gatewayFrontend, ...ports] = await freePorts(2 + SUBGRAPHS.length + REPLICAS * (SUBGRAPHS.length + 1));
    const frontendOf: Record<string, number> = Object.fromEntries(SUBGRAPHS.map((s, i) => [s.name, ports[i]]));
    const replicaPorts = ports.slice(SUBGRAPHS.length);
    const portsOf = (i: number) => replicaPorts.slice(i * REPLICAS, (i + 1) * REPLICAS);

    say("starting Redis and HAProxy");
    const sharedRedis = await startTestRedis();
    redis = sharedRedis;
    haproxy = await Haproxy.start({
      dir: root,
      statsPort,
      log,
      services: [
        ...SUBGRAPHS.map((s, i) => ({ name: s.name, frontendPort: frontendOf[s.name], replicaPorts: portsOf(i) })),
        { name: "gateway", frontendPort: gatewayFrontend, replicaPorts: portsOf(SUBGRAPHS.length) },
      ],
    });

    const primaryUrls = Object.fromEntries(SUBGRAPHS.map((s) => [`${envPrefixOf(s.name)}DATABASE_URL`, withDatabase(pg.primaryUrl, databaseNameOf(s.name))]));
    const readUrls = Object.fromEntries(SUBGRAPHS.map((s) => [`${envPrefixOf(s.name)}DATABASE_READ_URL`, withDatabase(pg.standbyUrl, databaseNameOf(s.name))]));
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [`${envPrefixOf(s.name)}URL`, `http://127.0.0.1:${frontendOf[s.name]}/graphql`]));
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ...SECRETS, ...SHUTDOWN };
    // Variables of the developer's own shell must not point a replica elsewhere.
    delete baseEnv.DATABASE_URL;
    delete baseEnv.REDIS_URL;

    say("creating and migrating the databases (node dist/scripts/migrate.js)");
    for (const s of SUBGRAPHS) await ensureDatabase(withDatabase(pg.primaryUrl, databaseNameOf(s.name)));
    const migrate = path.join(REPO_ROOT, "dist", "scripts", "migrate.js");
    if (!existsSync(migrate)) {
      setup.push({ step: "migrate command", ok: false, detail: "dist/scripts/migrate.js does not exist: the seed below migrates instead" });
    } else {
      const result = await runScript("migrate", migrate, [], { ...baseEnv, ...primaryUrls }, log);
      setup.push({ step: "migrate command", ok: result.code === 0, detail: result.code === 0 ? "every subgraph migrated" : `exit ${result.code}:\n${result.output}` });
      if (result.code !== 0) throw new Error(`node dist/scripts/migrate.js failed (${result.code}):\n${result.output}`);
    }

    say("seeding the demo data at scale 1 (node dist/scripts/seed.js)");
    const seeded = await runScript("seed", path.join(REPO_ROOT, "dist", "scripts", "seed.js"), ["--scale", "1", "--database-url", pg.primaryUrl], { ...baseEnv, ...primaryUrls }, log);
    if (seeded.code !== 0) throw new Error(`node dist/scripts/seed.js failed (${seeded.code}):\n${seeded.output}`);
    setup.push({ step: "seed", ok: true, detail: "scale 1 on the primary" });
    await pg.waitForReplay();
    setup.push({ step: "standby", ok: true, detail: "replayed the primary's writes" });

    say(`starting ${REPLICAS} replicas of every subgraph`);
    SUBGRAPHS.forEach((s, i) => {
      subgraphs[s.name] = portsOf(i).map(
        (port, r) =>
          new Replica({
            name: `${s.name}-${r + 1}`,
            script: mainScriptOf(s.dir),
            port,
            log,
            onUnexpectedExit,
            env: {
              ...baseEnv,
              ...subgraphUrls,
              // The reporting subgraph reads the report's figures through the gateways' balancer.
              GATEWAY_URL: `http://127.0.0.1:${gatewayFrontend}/graphql`,
              [`${envPrefixOf(s.name)}DATABASE_URL`]: primaryUrls[`${envPrefixOf(s.name)}DATABASE_URL`],
              [`${envPrefixOf(s.name)}DATABASE_READ_URL`]: readUrls[`${envPrefixOf(s.name)}DATABASE_READ_URL`],
              MIGRATE_ON_START: "false",
              CREATE_DATABASE: "false",
              SEED_IF_EMPTY: "false",
            },
          }),
      );
    });
    await Promise.all(Object.values(subgraphs).flat().map((r) => r.start(READY_TIMEOUT_MS)));

    say(`starting ${REPLICAS} gateways`);
    gateways.push(
      ...portsOf(SUBGRAPHS.length).map(
        (port, r) =>
          new Replica({
            name: `gateway-${r + 1}`,
            script: mainScriptOf("gateway"),
            port,
            log,
            onUnexpectedExit,
            // The load stands for many readers but comes from one loopback address, which a per-client
            // budget would throttle within seconds; fair use has its own tests and flood benchmark.
            env: { ...baseEnv, ...subgraphUrls, REDIS_URL: sharedRedis.url, FAIR_USE: "false" },
          }),
      ),
    );
    await Promise.all(gateways.map((g) => g.start(READY_TIMEOUT_MS)));
    await haproxy.waitAllUp(30_000);
    return {
      root,
      postgres: pg,
      haproxy,
      gatewayUrl: `http://127.0.0.1:${gatewayFrontend}/graphql`,
      gateways,
      subgraphs,
      secrets: SECRETS,
      setup,
      unexpectedExits,
      stop,
      killNow,
    };
  } catch (error) {
    killNow();
    await stop().catch(() => undefined);
    throw error;
  }
}

export { READY_TIMEOUT_MS };
