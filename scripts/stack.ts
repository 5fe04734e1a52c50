import { databaseNameOf, databaseUrlFor, envPrefixOf, GATEWAY_PORT, redactUrl, SubgraphDefinition, SUBGRAPHS, withDatabase } from "@camau/shared";
import { ChildService } from "./lib/childService";
import { mainScriptOf, REPO_ROOT } from "./lib/paths";
import { RESTART_POLICY, RestartEvent, restartDelayMs } from "./lib/restartPolicy";
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
  /** Start the gateway after the subgraphs (default); false: the subgraphs alone. */
  gateway?: boolean;
  /**
   * Restart a service that exits on its own once the stack has started, after a growing delay
   * (RESTART_POLICY), as a process supervisor would (`npm start`). A service stopped on purpose
   * (stopSubgraph, stop) is never restarted, and stop() cancels a pending restart. While the
   * stack is starting, an exit still fails the start.
   */
  restartOnExit?: boolean;
  /** Told before each restart, with the delay and the attempt number. */
  onRestart?: (event: RestartEvent) => void;
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
  /** Set once every service is ready: from then on an exit is restarted (restartOnExit). */
  let started = false;
  let stopping = false;
  const readySince = new Map<ChildService, number>();
  const restarts = new Map<string, { attempt: number; timer?: NodeJS.Timeout }>();

  const launch = (name: string, script: string, env: NodeJS.ProcessEnv): ChildService => {
    if (stopping) throw new Error(`the stack is stopping: ${name} not started`);
    const service = new ChildService({ name, script, env, cwd: REPO_ROOT, log });
    running.add(service);
    void service.exited.then((code) => {
      running.delete(service);
      if (expectedExits.has(service)) return;
      options.onUnexpectedExit?.(name, code);
      if (options.restartOnExit && started && !stopping) scheduleRestart(name, code, service);
    });
    return service;
  };
  const cancelRestart = (name: string) => {
    const pending = restarts.get(name);
    if (pending?.timer) clearTimeout(pending.timer);
    if (pending) pending.timer = undefined;
  };
  const halt = async (service: ChildService | undefined) => {
    if (!service) return;
    cancelRestart(service.name);
    expectedExits.add(service);
    await service.stop();
  };
  const scheduleRestart = (name: string, code: number | string, exited: ChildService | undefined) => {
    const state = restarts.get(name) ?? { attempt: 0 };
    restarts.set(name, state);
    const since = exited ? readySince.get(exited) : undefined;
    if (since !== undefined && Date.now() - since >= RESTART_POLICY.stableAfterMs) state.attempt = 0;
    state.attempt += 1;
    const delayMs = restartDelayMs(state.attempt);
    options.onRestart?.({ name, code, delayMs, attempt: state.attempt });
    cancelRestart(name);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void restart(name);
    }, delayMs);
  };
  const restart = async (name: string) => {
    if (stopping) return;
    // The service this attempt launches: a deliberate stop or start meanwhile is not ours to touch.
    let ours: ChildService | undefined;
    const launched = (service: ChildService) => (ours = service);
    try {
      if (name === "gateway") await startGateway(launched);
      else await startSlot(slotOf(name), launched);
    } catch (error) {
      // Stopping, or this very service stopped on purpose while it started: nothing to do.
      if (stopping || (ours && expectedExits.has(ours))) return;
      log(`[stack] ${name} did not come back: ${String((error as Error).message ?? error).split("\n")[0]}`);
      if (!ours) {
        // Not launched at all (e.g. its port taken): try again later, unless started meanwhile.
        const current = name === "gateway" ? gateway : slotOf(name).service;
        if (!current?.running) scheduleRestart(name, "not started", undefined);
        return;
      }
      // Exited before it was ready: its exit has scheduled the next attempt. Running but not
      // ready in time: killed, which schedules the next attempt.
      ours.killNow();
    }
  };

  const definitions = options.subgraphs ?? SUBGRAPHS;
  const portOf = (definition: SubgraphDefinition) => options.ports?.[definition.name] ?? definition.port;
  // Every service learns every subgraph's URL (<NAME>_URL): the gateway routes with them, and a
  // subgraph that checks another's data (the fund asks the registry) calls it directly.
  const subgraphUrls = Object.fromEntries(definitions.map((d) => [`${envPrefixOf(d.name)}URL`, `http://${host}:${portOf(d)}/graphql`]));
  const gatewayPort = options.gatewayPort ?? GATEWAY_PORT;
  const gatewayUrl = `http://${host}:${gatewayPort}/graphql`;
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
        // The reporting subgraph reads the report's figures through the gateway, as a client.
        GATEWAY_URL: gatewayUrl,
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
  const startSlot = async (slot: Slot, launched?: (service: ChildService) => void): Promise<void> => {
    const { name } = slot.definition;
    log(`[stack] starting ${name} on port ${slot.port} (database ${redactUrl(slot.databaseUrl)})`);
    const startedAt = Date.now();
    await ensurePortFree(name, slot.port, host);
    const service = launch(name, mainScriptOf(slot.definition.dir), slot.env);
    slot.service = service;
    launched?.(service);
    await waitUntilReady(service, new URL("/ready", slot.url).toString(), readyTimeoutMs, options.signal);
    readySince.set(service, Date.now());
    log(`[stack] ${name} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  };

  let gateway: ChildService | undefined;
  const startGateway = async (launched?: (service: ChildService) => void) => {
    log(`[stack] starting gateway on port ${gatewayPort}`);
    await ensurePortFree("gateway", gatewayPort, host);
    const service = launch("gateway", mainScriptOf("gateway"), {
      ...baseEnv,
      PORT: String(gatewayPort),
      ...subgraphUrls,
    });
    gateway = service;
    launched?.(service);
    // The gateway's /ready asks every subgraph's /ready: the whole path works once it answers.
    await waitUntilReady(service, new URL("/ready", gatewayUrl).toString(), readyTimeoutMs, options.signal);
    readySince.set(service, Date.now());
    log(`[stack] gateway ready`);
  };
  const stopAll = async () => {
    stopping = true;
    for (const name of restarts.keys()) cancelRestart(name);
    await halt(gateway);
    await Promise.all(slots.map((slot) => halt(slot.service)));
    process.off("exit", killAll);
  };

  try {
    options.signal?.throwIfAborted();
    // The first failure stops the lot at once (the catch below) rather than after every timeout.
    await Promise.all(slots.map((slot) => startSlot(slot)));
    if (options.gateway ?? true) await startGateway();
    started = true;
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
      cancelRestart(name);
      if (slot.service?.running) return;
      await startSlot(slot);
    },
    stop: stopAll,
  };
}
