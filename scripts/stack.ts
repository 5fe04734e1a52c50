import { databaseNameOf, databaseUrlFor, envPrefixOf, GATEWAY_PORT, redactUrl, SubgraphDefinition, SUBGRAPHS, withDatabase } from "@camau/shared";
import { ChildService } from "./lib/childService";
import { mainScriptOf, REPO_ROOT } from "./lib/paths";
import { ensurePortFree } from "./lib/portFree";
import { waitUntilReady } from "./lib/waitUntilReady";

export interface StackOptions {
  /** A PostgreSQL server URL; each subgraph gets its own database on it (camau_<name>). */
  databaseServerUrl?: string;
  /** Per-subgraph database URLs, overriding the derived ones (tests use unique names). */
  databaseUrls?: Record<string, string>;
  /** Per-subgraph ports; the catalog's defaults otherwise. */
  ports?: Record<string, number>;
  gatewayPort?: number;
  host?: string;
  /** Load the demo dataset into empty databases. */
  seedIfEmpty?: boolean;
  /** Extra environment for every child (secrets, NODE_ENV, timeouts). */
  env?: NodeJS.ProcessEnv;
  /** How long each service may take to become ready (migrations and seeding included). */
  readyTimeoutMs?: number;
  /** Receives every line the services print, labelled with their name. */
  log?: (line: string) => void;
  /** Called when a service exits without having been asked to. */
  onUnexpectedExit?: (name: string, code: number | string) => void;
  /** Aborting it while the stack starts stops what has started and rejects. */
  signal?: AbortSignal;
  /** The subgraphs to run; all of the catalog by default. */
  subgraphs?: readonly SubgraphDefinition[];
}

export interface StackSubgraph {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly databaseUrl: string;
  /** Undefined while stopped. */
  readonly pid: number | undefined;
}

export interface RunningStack {
  readonly gatewayUrl: string;
  readonly gatewayPort: number;
  /** Process id of the gateway; undefined once it has exited (fault tests send it signals). */
  readonly gatewayPid: number | undefined;
  readonly subgraphs: readonly StackSubgraph[];
  /** Stops one subgraph (fault tests: the gateway must cope with it being down). */
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again and waits until it is ready. */
  startSubgraph(name: string): Promise<void>;
  /** SIGTERMs every service, the gateway first, and waits until all have exited. */
  stop(): Promise<void>;
}

interface Slot {
  definition: SubgraphDefinition;
  url: string;
  port: number;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  service?: ChildService;
}

function databaseUrlOf(name: string, options: StackOptions): string {
  const url =
    options.databaseUrls?.[name] ??
    (options.databaseServerUrl ? withDatabase(options.databaseServerUrl, databaseNameOf(name)) : databaseUrlFor(name));
  if (!url) throw new Error(`No database for subgraph ${name}: set DATABASE_URL or ${envPrefixOf(name)}DATABASE_URL`);
  return url;
}

/**
 * Starts every subgraph of the catalog and then the gateway as child processes, each from its
 * built output exactly as in production (one process per service, configured by environment),
 * and waits until each answers its readiness endpoint. Used by `npm start` and the e2e tests.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const baseEnv = { ...process.env, ...options.env, HOST: host };
  const running = new Set<ChildService>();
  const expectedExits = new Set<ChildService>();
  const killAll = () => running.forEach((s) => s.killNow());
  process.on("exit", killAll);

  const launch = (name: string, script: string, env: NodeJS.ProcessEnv): ChildService => {
    const service = new ChildService({ name, script, env, cwd: REPO_ROOT, log });
    running.add(service);
    void service.exited.then((code) => {
      running.delete(service);
      if (!expectedExits.has(service)) options.onUnexpectedExit?.(name, code);
    });
    return service;
  };
  const halt = async (service: ChildService | undefined) => {
    if (!service) return;
    expectedExits.add(service);
    await service.stop();
  };

  const definitions = options.subgraphs ?? SUBGRAPHS;
  const portOf = (definition: SubgraphDefinition) => options.ports?.[definition.name] ?? definition.port;
  // Every service learns every subgraph's URL (<NAME>_URL): the gateway routes with them, and a
  // subgraph that checks another's data (the fund asks the registry) calls it directly.
  const subgraphUrls = Object.fromEntries(definitions.map((d) => [`${envPrefixOf(d.name)}URL`, `http://${host}:${portOf(d)}/graphql`]));
  const slots: Slot[] = definitions.map((definition) => {
    const port = portOf(definition);
    const databaseUrl = databaseUrlOf(definition.name, options);
    return {
      definition,
      port,
      databaseUrl,
      url: `http://${host}:${port}/graphql`,
      env: {
        ...baseEnv,
        ...subgraphUrls,
        PORT: String(port),
        [`${envPrefixOf(definition.name)}DATABASE_URL`]: databaseUrl,
        CREATE_DATABASE: "true",
        MIGRATE_ON_START: "true",
        SEED_IF_EMPTY: String(options.seedIfEmpty ?? false),
      },
    };
  });
  const slotOf = (name: string): Slot => {
    const slot = slots.find((s) => s.definition.name === name);
    if (!slot) throw new Error(`Unknown subgraph ${name}`);
    return slot;
  };
  const startSlot = async (slot: Slot): Promise<void> => {
    const { name } = slot.definition;
    log(`[stack] starting ${name} on port ${slot.port} (database ${redactUrl(slot.databaseUrl)})`);
    const startedAt = Date.now();
    await ensurePortFree(name, slot.port, host);
    slot.service = launch(name, mainScriptOf(slot.definition.dir), slot.env);
    await waitUntilReady(slot.service, new URL("/ready", slot.url).toString(), readyTimeoutMs, options.signal);
    log(`[stack] ${name} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  };

  const gatewayPort = options.gatewayPort ?? GATEWAY_PORT;
  const gatewayUrl = `http://${host}:${gatewayPort}/graphql`;
  let gateway: ChildService | undefined;
  const stopAll = async () => {
    await halt(gateway);
    await Promise.all(slots.map((slot) => halt(slot.service)));
    process.off("exit", killAll);
  };

  try {
    options.signal?.throwIfAborted();
    // The first failure stops the lot at once (the catch below) rather than after every timeout.
    await Promise.all(slots.map(startSlot));
    log(`[stack] starting gateway on port ${gatewayPort}`);
    await ensurePortFree("gateway", gatewayPort, host);
    gateway = launch("gateway", mainScriptOf("gateway"), {
      ...baseEnv,
      PORT: String(gatewayPort),
      ...subgraphUrls,
    });
    // The gateway's /ready asks every subgraph's /ready: the whole path works once it answers.
    await waitUntilReady(gateway, new URL("/ready", gatewayUrl).toString(), readyTimeoutMs, options.signal);
    log(`[stack] gateway ready`);
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    gatewayUrl,
    gatewayPort,
    get gatewayPid() {
      return gateway?.running ? gateway.pid : undefined;
    },
    subgraphs: slots.map((slot) => ({
      name: slot.definition.name,
      url: slot.url,
      port: slot.port,
      databaseUrl: slot.databaseUrl,
      get pid() {
        return slot.service?.running ? slot.service.pid : undefined;
      },
    })),
    stopSubgraph: async (name) => {
      const slot = slotOf(name);
      await halt(slot.service);
      slot.service = undefined;
    },
    startSubgraph: async (name) => {
      const slot = slotOf(name);
      if (slot.service?.running) return;
      await startSlot(slot);
    },
    stop: stopAll,
  };
}
