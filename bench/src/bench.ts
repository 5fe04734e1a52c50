import autocannon from "autocannon";
import { databaseNameOf, envPrefixOf, GATEWAY_SECRET_HEADER, gatewaySecret, Role, signToken, SUBGRAPHS, withDatabase } from "@camau/shared";
import { sqlStatementsOf } from "@camau/shared/testing";
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as delay } from "node:timers/promises";
import type { RunningStack } from "../../dist/scripts/stack";
import { holdsData, postmasterPid, REPO_ROOT, say, seedAll, startPersistentPostgres, startStack } from "./builtScripts";
import { Operation, operations, Samples, seededRandom } from "./operations";
import { childPidsMatching, cpuSecondsOf, memoryOf, treeCpuSecondsOf } from "./procStats";

/**
 * `npm run bench -- [--scale N] [--duration S] [--connections C] [--only list,search] [--targets ours,peer,peer-rust,direct] [--rounds R] [--rate N] [--label L]`
 *
 * Starts PostgreSQL on the benchmark's own data folder for the scale (.data/bench/scale-N,
 * seeded with `seedAll` when it holds no data yet), every subgraph and our gateway (as
 * `npm start` runs them, on ports of their own), and @graphql-hive/gateway on the same
 * subgraphs and the same supergraph file, once with its default runtime (peer) and once with Hive
 * Router's Rust query planner (peer-rust). Then, for each operation of the mix and for the mix:
 * autocannon against our gateway, against the peers and, for operations one subgraph serves
 * alone, against that subgraph directly (with the gateway secret). Prints a table and writes
 * bench/results/<date>-scale-N[-label].json. Load goes to 127.0.0.1 only, bounded in time.
 *
 * `--variant-subgraph registry=PATH` runs another build of a subgraph (PATH: its main.js, e.g. in
 * a copy of the tree built before a change) on the same database, behind the variant gateway
 * (our current gateway unless --variant-main says otherwise) and as a `direct-variant` target: an
 * A/B of subgraph code in one run, its CPU reported as `<name>-variant`.
 */

interface Target {
  /** ours, peer (@graphql-hive/gateway), peer-rust (the same with its Rust query planner), direct (the subgraph itself), ours-xN (our gateway in N cluster workers). */
  name: string;
  url: string;
  /** Extra headers (the direct path sends the gateway secret itself). */
  headers: Record<string, string>;
}

interface Measurement {
  operation: string;
  target: string;
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number; mean: number; max: number };
  /** Concurrent connections of the load generator. */
  connections: number;
  errors: number;
  non2xx: number;
  /** HTTP 2xx answers carrying GraphQL errors (their latencies are counted too). */
  graphqlErrors: number;
  sqlStatementsPerRequest: number;
  sqlBySubgraph: Record<string, number>;
  /** CPU seconds per request of the gateway process (ours or peer), from /proc. */
  gatewayCpuMsPerRequest?: number;
  /**
   * Where the time goes: CPU milliseconds per request of the gateway, of each subgraph and of
   * PostgreSQL (the postmaster and all its backends), from /proc over the same rounds.
   */
  cpuMsPerRequest: Record<string, number>;
}

/** The CPU column of the output: the gateway, the subgraphs that worked, PostgreSQL. */
function cpuSummary(cpu: Record<string, number>): string {
  return Object.entries(cpu)
    .filter(([name, ms]) => name === "gateway" || name === "postgres" || ms >= 0.01)
    .map(([name, ms]) => `${name === "gateway" ? "gw" : name === "postgres" ? "pg" : name} ${ms}`)
    .join(" ");
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "3" },
      connections: { type: "string", default: "8" },
      "heavy-connections": { type: "string", default: "2" },
      rate: { type: "string" },
      only: { type: "string" },
      targets: { type: "string", default: "ours,peer,peer-rust,direct" },
      label: { type: "string" },
      "pg-port": { type: "string", default: "54350" },
      "base-port": { type: "string", default: "4100" },
      "gateway-env": { type: "string", multiple: true, default: [] },
      cluster: { type: "string", default: "0" },
      "variant-env": { type: "string", multiple: true, default: [] },
      "variant-name": { type: "string" },
      "variant-main": { type: "string" },
      "variant-subgraph": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    say("usage: npm run bench -- [--scale N] [--duration S] [--warmup S] [--rounds R] [--connections C] [--rate N] [--only op,op] [--targets ours,peer,peer-rust,direct] [--label L] [--gateway-env KEY=VALUE]... [--cluster N] [--variant-env KEY=VALUE]... [--variant-main PATH] [--variant-subgraph NAME=PATH]... [--variant-name NAME]");
    process.exit(0);
  }
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error("--scale must be a positive integer");
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  // Bounded load: at most 2 minutes per run and 64 connections.
  if (!(duration > 0 && duration <= 120)) throw new Error("--duration must be within 1..120 seconds");
  if (!(warmup >= 0 && warmup <= 30)) throw new Error("--warmup must be within 0..30 seconds");
  if (!(connections >= 1 && connections <= 64)) throw new Error("--connections must be within 1..64");
  const envPairs = (pairs: string[], flag: string) =>
    Object.fromEntries(
      pairs.map((pair) => {
        const at = pair.indexOf("=");
        if (at < 1) throw new Error(`${flag} ${pair}: expected KEY=VALUE`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
  const gatewayEnv = envPairs(values["gateway-env"] as string[], "--gateway-env");
  const variantEnv = envPairs(values["variant-env"] as string[], "--variant-env");
  const variantSubgraphs = Object.entries(envPairs(values["variant-subgraph"] as string[], "--variant-subgraph")).map(([name, main]) => {
    if (!SUBGRAPHS.some((s) => s.name === name)) throw new Error(`--variant-subgraph ${name}: no such subgraph`);
    return { name, main: path.resolve(main) };
  });
  return {
    scale,
    duration,
    warmup,
    connections,
    only: values.only ? new Set(values.only.split(",")) : undefined,
    targets: new Set(values.targets!.split(",")),
    label: values.label,
    pgPort: Number(values["pg-port"]),
    basePort: Number(values["base-port"]),
    gatewayEnv,
    cluster: Number(values.cluster),
    variantEnv,
    variantName: values["variant-name"] ?? (Number(values.cluster) > 0 ? `ours-x${values.cluster}` : "variant"),
    // Another build of the gateway (e.g. a copy of gateway/dist saved before a change) as the variant: an A/B of code in one run.
    variantMain: values["variant-main"] ? path.resolve(values["variant-main"]) : undefined,
    variantSubgraphs,
    rounds: Math.max(1, Math.min(10, Number(values.rounds))),
    heavyConnections: Math.max(1, Math.min(64, Number(values["heavy-connections"]))),
    // Every target held at this many requests/s (autocannon's overallRate) rather than as fast as it answers: CPU per request falls as the rate rises, so A/B figures compare at one rate.
    rate: values.rate === undefined ? undefined : Math.max(1, Math.min(5000, Number(values.rate))),
  };
}

async function sqlCounters(stack: RunningStack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await Promise.all(
    // Every pool's line (primary, and replica when one is configured) counts.
    stack.subgraphs.map(async (s) => {
      counts[s.name] = await sqlStatementsOf(s.url);
    }),
  );
  return counts;
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data?: any; errors?: { message: string }[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

/** Filters and cooperatives to rotate through, read from the running stack. */
async function collectSamples(gatewayUrl: string, officer: string, hasFund: boolean): Promise<Samples> {
  const report = await graphql(gatewayUrl, `{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { bySector { sectorCode cooperativeCount } byDistrict { districtCode cooperativeCount } } }`, {});
  if (report.errors) throw new Error(`sampling: ${report.errors[0].message}`);
  const sectors = (report.data.collectiveEconomyReport.bySector as { sectorCode: string; cooperativeCount: number }[]).filter((s) => s.cooperativeCount > 0).map((s) => s.sectorCode);
  const districts = (report.data.collectiveEconomyReport.byDistrict as { districtCode: string }[]).map((d) => d.districtCode);
  const filters = districts.flatMap((d) => sectors.slice(0, 4).map((s) => ({ districtCode: d, sectorCode: s })));
  const ids = new Set<string>();
  for (const search of ["nuoi tom", "nong nghiep", "thuy san", "mat ong", "dich vu", "muoi"]) {
    const page = await graphql(gatewayUrl, `query($q: String!) { cooperatives(filter: { search: $q, statuses: [ACTIVE] }, first: 10) { edges { node { id } } } }`, { q: search }, { authorization: `Bearer ${officer}` });
    if (page.errors) throw new Error(`sampling: ${page.errors[0].message}`);
    for (const edge of page.data.cooperatives.edges) ids.add(edge.node.id);
  }
  return { filters, cooperativeIds: [...ids].slice(0, 50), hasFund };
}

/** One autocannon run; the bodies rotate through each operation's variables. Latencies of every 2xx answer, in ms. */
async function load(url: string, headers: Record<string, string>, picks: () => { body: string; officer: boolean }, officer: string, connections: number, seconds: number, rate?: number) {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    timeout: 30,
    headers: { "content-type": "application/json", ...headers },
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const pick = picks();
          const headers = { ...request.headers } as Record<string, string>;
          if (pick.officer) headers.authorization = `Bearer ${officer}`;
          return { ...request, body: pick.body, headers };
        },
        // An HTTP 200 can carry GraphQL errors (a subgraph timing out, say): count them.
        onResponse: (status: number, body: string) => {
          if (status >= 200 && status < 300 && body.includes('"errors"')) graphqlErrors += 1;
        },
      } as never,
    ],
  }) as unknown as Promise<autocannon.Result> & { on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void };
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return { result, latencies, graphqlErrors };
}

function pickerFor(ops: readonly Operation[], seed: number): () => { body: string; officer: boolean } {
  const random = seededRandom(seed);
  const total = ops.reduce((sum, op) => sum + op.weight, 0);
  const counters = new Map<string, number>();
  return () => {
    let op = ops[0];
    if (ops.length > 1) {
      let r = random() * total;
      for (const candidate of ops) {
        r -= candidate.weight;
        if (r < 0) {
          op = candidate;
          break;
        }
      }
    }
    const i = counters.get(op.name) ?? 0;
    counters.set(op.name, i + 1);
    return { body: JSON.stringify({ query: op.query, variables: op.variables(i) }), officer: op.asOfficer === true };
  };
}

function pad(text: string | number, width: number): string {
  const s = String(text);
  return s.length >= width ? s : " ".repeat(width - s.length) + s;
}

async function waitForGraphql(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the peer gateway exited (${child.exitCode})`);
    try {
      const answer = await graphql(url, "{ __typename }", {});
      if (answer.data) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await delay(200);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const dataDir = path.join(REPO_ROOT, ".data", "bench", `scale-${options.scale}`);
  say(`[bench] scale ${options.scale}: PostgreSQL data in ${path.relative(REPO_ROOT, dataDir)} (port ${options.pgPort})`);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const postgres = await startPersistentPostgres(dataDir, options.pgPort, () => undefined);
  let stack: RunningStack | undefined;
  let peer: ChildProcess | undefined;
  let rustPeer: ChildProcess | undefined;
  let clustered: ChildProcess | undefined;
  const variantSubgraphs: { name: string; url: string; child: ChildProcess }[] = [];
  const stopAll = async () => {
    for (const v of variantSubgraphs) v.child.kill("SIGTERM");
    peer?.kill("SIGTERM");
    rustPeer?.kill("SIGTERM");
    clustered?.kill("SIGTERM");
    await stack?.stop();
    await postgres.stop();
  };
  process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  try {
    // Seed the subgraphs whose databases hold no data yet (a new folder: all); reuse the others.
    const unseeded: (typeof SUBGRAPHS)[number][] = [];
    for (const s of SUBGRAPHS) if (!(await holdsData(withDatabase(postgres.url, databaseNameOf(s.name))))) unseeded.push(s);
    if (unseeded.length) {
      say(`[bench] seeding ${unseeded.map((s) => s.name).join(", ")} at scale ${options.scale}${fresh ? "" : " (the others are reused)"}`);
      const seeded = await seedAll({ serverUrl: postgres.url, scale: options.scale, subgraphs: unseeded, log: say });
      say(`[bench] seeded in ${Math.max(...Object.values(seeded.seconds)).toFixed(1)} s`);
    } else {
      say(`[bench] reusing the seeded databases`);
    }

    // Ports of our own, so a running `npm start` does not interfere.
    const ports = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, options.basePort + (s.port - 4000)]));
    const gatewayPort = options.basePort;
    const peerPort = options.basePort + 10;
    const rustPeerPort = options.basePort + 11;
    const host = "127.0.0.1";
    // The same supergraph file for both gateways, with the subgraph URLs of this run.
    let supergraph = readFileSync(path.join(REPO_ROOT, "gateway", "supergraph.graphql"), "utf8");
    for (const s of SUBGRAPHS) supergraph = supergraph.replaceAll(`http://localhost:${s.port}/graphql`, `http://${host}:${ports[s.name]}/graphql`).replaceAll(`http://127.0.0.1:${s.port}/graphql`, `http://${host}:${ports[s.name]}/graphql`);
    const supergraphPath = path.join(REPO_ROOT, ".data", "bench", "supergraph.graphql");
    writeFileSync(supergraphPath, supergraph);
    const hasFund = SUBGRAPHS.some((s) => s.name === "fund") && supergraph.includes("fundPortfolio(");

    const t0 = Date.now();
    stack = await startStack({
      databaseServerUrl: postgres.url,
      ports,
      gatewayPort,
      host,
      seedIfEmpty: false,
      // Throughput is measured from one address: the per-client fair-use budgets would measure themselves (npm run bench:flood measures them).
      env: { SUPERGRAPH_PATH: supergraphPath, FAIR_USE: "false", ...options.gatewayEnv },
      log: (line) => (/error|fail/i.test(line) && !/slow SQL/.test(line) ? say(line) : undefined),
    });
    say(`[bench] stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const gatewayPids = childPidsMatching(process.pid, path.join("gateway", "dist", "src", "main.js"));
    const postgresPid = postmasterPid(dataDir);
    /** CPU seconds so far of each subgraph and of PostgreSQL (the same processes serve every gateway). */
    const backendCpu = (): Record<string, number | undefined> => ({
      ...Object.fromEntries(stack!.subgraphs.map((s) => [s.name, cpuSecondsOf(s.pid)])),
      ...Object.fromEntries(variantSubgraphs.map((v) => [`${v.name}-variant`, cpuSecondsOf(v.child.pid)])),
      postgres: treeCpuSecondsOf(postgresPid),
    });

    const startPeer = async (name: string, port: number, env: Record<string, string>): Promise<ChildProcess> => {
      const child = spawn(process.execPath, [path.join(__dirname, "hiveGateway.js")], {
        env: { ...process.env, ...env, PORT: String(port), HOST: host, SUPERGRAPH_PATH: supergraphPath },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
      await waitForGraphql(`http://${host}:${port}/graphql`, child, 60_000);
      return child;
    };
    if (options.targets.has("peer")) {
      peer = await startPeer("hive-gateway", peerPort, {});
      say(`[bench] peer gateway (@graphql-hive/gateway) ready`);
    }
    if (options.targets.has("peer-rust")) {
      rustPeer = await startPeer("hive-gateway-rust", rustPeerPort, { HIVE_ROUTER_RUNTIME: "true" });
      say(`[bench] peer-rust gateway (@graphql-hive/gateway with @graphql-hive/router-runtime) ready`);
    }

    if (options.variantMain && !existsSync(options.variantMain)) throw new Error(`--variant-main ${options.variantMain} does not exist`);
    for (const [i, variant] of options.variantSubgraphs.entries()) {
      if (!existsSync(variant.main)) throw new Error(`--variant-subgraph ${variant.name}: ${variant.main} does not exist`);
      const own = stack.subgraphs.find((s) => s.name === variant.name)!;
      const port = options.basePort + 30 + i;
      const child = spawn(process.execPath, [variant.main], {
        env: {
          ...process.env,
          ...options.gatewayEnv,
          ...Object.fromEntries(stack.subgraphs.map((s) => [`${envPrefixOf(s.name)}URL`, s.url])),
          GATEWAY_URL: stack.gatewayUrl,
          HOST: host,
          PORT: String(port),
          [`${envPrefixOf(variant.name)}DATABASE_URL`]: own.databaseUrl,
          MIGRATE_ON_START: "false",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const url = `http://${host}:${port}/graphql`;
      variantSubgraphs.push({ name: variant.name, url, child });
      const deadline = Date.now() + 60_000;
      while (!(await fetch(new URL("/ready", url)).then((r) => r.ok, () => false))) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the variant ${variant.name} did not become ready`);
        await delay(200);
      }
      say(`[bench] ${variant.name}-variant: ${path.relative(REPO_ROOT, variant.main)} ready`);
    }
    if (options.cluster > 0 || options.variantMain || variantSubgraphs.length) {
      // Without --cluster the variant runs as one plain process, like ours.
      const script = options.cluster > 0 ? [path.join(__dirname, "clusterGateway.js")] : [options.variantMain ?? path.join(REPO_ROOT, "gateway", "dist", "src", "main.js")];
      clustered = spawn(process.execPath, script, {
        env: {
          ...process.env,
          // As ours (startStack above): the fair-use budgets would measure themselves.
          FAIR_USE: "false",
          ...options.gatewayEnv,
          ...options.variantEnv,
          PORT: String(options.basePort + 20),
          HOST: host,
          SUPERGRAPH_PATH: supergraphPath,
          GATEWAY_WORKERS: String(options.cluster),
          ...(options.variantMain ? { GATEWAY_MAIN: options.variantMain } : {}),
          ...Object.fromEntries(stack.subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, s.url])),
          ...Object.fromEntries(variantSubgraphs.map((v) => [`${v.name.toUpperCase()}_URL`, v.url])),
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitForGraphql(`http://${host}:${options.basePort + 20}/graphql`, clustered, 60_000);
      say(`[bench] ${options.variantName}: ${options.variantMain ? path.relative(REPO_ROOT, options.variantMain) : "our gateway"}${options.cluster > 0 ? ` in ${options.cluster} cluster worker(s)` : ""} with ${JSON.stringify(options.variantEnv)} ready`);
    }

    const officer = signToken({ sub: "bench-officer", role: Role.OFFICER }, { expiresIn: "2h" });
    const samples = await collectSamples(stack.gatewayUrl, officer, hasFund);
    const allOps = operations(samples);
    const ops = allOps.filter((op) => !options.only || options.only.has(op.name) || (op.name === "mix" && options.only.has("mix")));
    const mixOps = allOps.filter((op) => op.weight > 0);

    const targets: Target[] = [];
    if (options.targets.has("ours")) targets.push({ name: "ours", url: stack.gatewayUrl, headers: {} });
    if (clustered) targets.push({ name: options.variantName, url: `http://${host}:${options.basePort + 20}/graphql`, headers: {} });
    if (peer) targets.push({ name: "peer", url: `http://${host}:${peerPort}/graphql`, headers: {} });
    if (rustPeer) targets.push({ name: "peer-rust", url: `http://${host}:${rustPeerPort}/graphql`, headers: {} });
    /** The processes of a gateway target (a cluster's primary and its workers). */
    const gatewayPidsOf = (target: string): number[] =>
      target === "ours" ? gatewayPids.slice(0, 1) : target === "peer" && peer?.pid ? [peer.pid] : target === "peer-rust" && rustPeer?.pid ? [rustPeer.pid] : target === options.variantName && clustered?.pid ? [clustered.pid, ...childPidsMatching(clustered.pid, "clusterGateway.js")] : [];
    const cpuOf = (target: string): number | undefined => {
      const pids = gatewayPidsOf(target);
      if (!pids.length) return undefined;
      return pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
    };

    // Each operation must answer without errors on every target before it is measured.
    for (const op of ops) {
      const variables = op.variables(0);
      const auth: Record<string, string> = op.asOfficer ? { authorization: `Bearer ${officer}` } : {};
      for (const target of targets) {
        const answer = await graphql(target.url, op.query, variables, { ...target.headers, ...auth });
        if (answer.errors?.length) throw new Error(`${op.name} on ${target.name}: ${answer.errors.map((e) => e.message).join("; ")}`);
      }
    }

    const results: Measurement[] = [];
    /** What one target accumulated over the rounds of one operation. */
    interface Tally {
      latencies: number[];
      graphqlErrors: number;
      seconds: number;
      errors: number;
      non2xx: number;
      sql: Record<string, number>;
      cpuSeconds: number | undefined;
      /** CPU seconds of each subgraph and of PostgreSQL over the rounds (NaN when a reading failed). */
      backendCpuSeconds: Record<string, number>;
    }
    const measureRound = async (target: Target, picker: () => { body: string; officer: boolean }, tally: Tally, connections: number) => {
      const before = await sqlCounters(stack!);
      const cpuBefore = cpuOf(target.name);
      const backendBefore = backendCpu();
      const { result, latencies, graphqlErrors } = await load(target.url, target.headers, picker, officer, connections, options.duration / options.rounds, options.rate);
      tally.graphqlErrors += graphqlErrors;
      const after = await sqlCounters(stack!);
      const cpuAfter = cpuOf(target.name);
      const backendAfter = backendCpu();
      for (const [name, after] of Object.entries(backendAfter)) {
        const before = backendBefore[name];
        tally.backendCpuSeconds[name] = (tally.backendCpuSeconds[name] ?? 0) + (after !== undefined && before !== undefined ? after - before : NaN);
      }
      for (const latency of latencies) tally.latencies.push(latency);
      tally.seconds += result.duration;
      tally.errors += result.errors + result.timeouts;
      tally.non2xx += result.non2xx;
      for (const k of Object.keys(after)) tally.sql[k] = (tally.sql[k] ?? 0) + (after[k] - before[k]);
      tally.cpuSeconds = cpuBefore !== undefined && cpuAfter !== undefined ? (tally.cpuSeconds ?? 0) + (cpuAfter - cpuBefore) : undefined;
    };
    /** Runs the targets of one operation in interleaved rounds, so a noisy moment of the machine falls on all of them alike. */
    const compare = async (opName: string, opTargets: Target[], makePicker: () => () => { body: string; officer: boolean }, connections: number) => {
      const pickers = new Map(opTargets.map((t) => [t.name, makePicker()]));
      const tallies = new Map<string, Tally>(opTargets.map((t) => [t.name, { latencies: [], graphqlErrors: 0, seconds: 0, errors: 0, non2xx: 0, sql: {}, cpuSeconds: 0, backendCpuSeconds: {} }]));
      if (options.warmup > 0) for (const target of opTargets) await load(target.url, target.headers, pickers.get(target.name)!, officer, connections, options.warmup, options.rate);
      for (let round = 0; round < options.rounds; round++) {
        for (const target of round % 2 === 0 ? opTargets : [...opTargets].reverse()) await measureRound(target, pickers.get(target.name)!, tallies.get(target.name)!, connections);
      }
      for (const target of opTargets) {
        const t = tallies.get(target.name)!;
        const ok = t.latencies.length;
        const sorted = t.latencies.sort((x, y) => x - y);
        const sqlBySubgraph = Object.fromEntries(Object.entries(t.sql).map(([k, n]) => [k, ok ? round2(n / ok) : 0]));
        const m: Measurement = {
          operation: opName,
          target: target.name,
          requests: ok,
          durationSeconds: round1(t.seconds),
          requestsPerSecond: round1(ok / t.seconds),
          latencyMs: {
            p50: percentile(sorted, 50),
            p90: percentile(sorted, 90),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            mean: round2(sorted.reduce((x, y) => x + y, 0) / Math.max(ok, 1)),
            max: sorted[sorted.length - 1] ?? 0,
          },
          connections,
          errors: t.errors,
          non2xx: t.non2xx,
          graphqlErrors: t.graphqlErrors,
          sqlStatementsPerRequest: round2(Object.values(sqlBySubgraph).reduce((x, y) => x + y, 0)),
          sqlBySubgraph,
          gatewayCpuMsPerRequest: t.cpuSeconds !== undefined && ok && gatewayPidsOf(target.name).length ? round2((t.cpuSeconds * 1000) / ok) : undefined,
          cpuMsPerRequest: {},
        };
        if (m.gatewayCpuMsPerRequest !== undefined) m.cpuMsPerRequest.gateway = m.gatewayCpuMsPerRequest;
        for (const [name, seconds] of Object.entries(t.backendCpuSeconds)) if (ok && Number.isFinite(seconds)) m.cpuMsPerRequest[name] = round2((seconds * 1000) / ok);
        results.push(m);
        say(
          `  ${opName.padEnd(16)} ${target.name.padEnd(9)} ${pad(m.requestsPerSecond, 8)} req/s  p50 ${pad(m.latencyMs.p50, 6)}  p95 ${pad(m.latencyMs.p95, 6)}  p99 ${pad(m.latencyMs.p99, 6)} ms  ` +
            `SQL/req ${pad(m.sqlStatementsPerRequest, 6)}  CPU ms/req ${cpuSummary(m.cpuMsPerRequest)}  c=${connections}${m.errors || m.non2xx || m.graphqlErrors ? `  errors ${m.errors} non-2xx ${m.non2xx} GraphQL errors ${m.graphqlErrors}` : ""}`,
        );
      }
    };

    say(`[bench] ${options.duration} s per target and operation, in ${options.rounds} interleaved rounds, after ${options.warmup} s warm-up; ${options.connections} connections`);
    for (const op of ops) {
      const opTargets = [...targets];
      const subgraph = op.singleSubgraph && options.targets.has("direct") ? stack.subgraphs.find((s) => s.name === op.singleSubgraph) : undefined;
      if (subgraph) opTargets.push({ name: "direct", url: subgraph.url, headers: { [GATEWAY_SECRET_HEADER]: gatewaySecret() } });
      const variantSubgraph = subgraph && variantSubgraphs.find((v) => v.name === subgraph.name);
      if (variantSubgraph) opTargets.push({ name: "direct-variant", url: variantSubgraph.url, headers: { [GATEWAY_SECRET_HEADER]: gatewaySecret() } });
      await compare(op.name, opTargets, () => pickerFor([op], 1), op.heavy ? options.heavyConnections : options.connections);
    }
    if (!options.only || options.only.has("mix")) await compare("mix", targets, () => pickerFor(mixOps, 42), options.connections);

    const memory = {
      ours: memoryOf(gatewayPids[0]),
      peer: memoryOf(peer?.pid),
      "peer-rust": memoryOf(rustPeer?.pid),
      ...(clustered?.pid
        ? { [options.variantName]: [clustered.pid, ...childPidsMatching(clustered.pid, "clusterGateway.js")].map((pid) => memoryOf(pid)) }
        : {}),
      subgraphs: Object.fromEntries(stack.subgraphs.map((s) => [s.name, memoryOf(s.pid)])),
    };
    const variantName = clustered ? options.variantName : undefined;
    printTable(results, memory, variantName);

    const resultsDir = path.join(REPO_ROOT, "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
    const file = path.join(resultsDir, `${stamp}-scale-${options.scale}${options.label ? `-${options.label}` : ""}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          scale: options.scale,
          label: options.label ?? null,
          settings: { rate: options.rate ?? null, durationSecondsPerTarget: options.duration, rounds: options.rounds, warmupSeconds: options.warmup, connections: options.connections, gatewayEnv: options.gatewayEnv, cluster: options.cluster, variantName: clustered ? options.variantName : null, variantEnv: options.variantEnv, variantMain: options.variantMain ? path.relative(REPO_ROOT, options.variantMain) : null, variantSubgraphs: options.variantSubgraphs.map((v) => ({ name: v.name, main: path.relative(REPO_ROOT, v.main) })) },
          machine: { node: process.version, cpus: (await import("node:os")).cpus().length },
          operations: allOps.map((op) => ({ name: op.name, description: op.description, singleSubgraph: op.singleSubgraph ?? null, mixWeight: op.weight })),
          results,
          ratios: ratios(results, variantName),
          memoryMiB: memory,
        },
        null,
        2,
      ) + "\n",
    );
    say(`[bench] results written to ${path.relative(REPO_ROOT, file)}`);
  } finally {
    await stopAll();
  }
}

/** Nearest-rank percentile of sorted latencies, in ms (one decimal). */
function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return round1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
}

function ratios(results: readonly Measurement[], variantName?: string) {
  const find = (op: string, target: string) => results.find((r) => r.operation === op && r.target === target);
  const out: Record<string, { throughputOursOverPeer?: number; p50PeerOverOurs?: number; throughputOursOverRustPeer?: number; p50RustPeerOverOurs?: number; p50GatewayOverDirect?: number; p50VariantOverDirect?: number }> = {};
  for (const op of new Set(results.map((r) => r.operation))) {
    const ours = find(op, "ours");
    const peer = find(op, "peer");
    const rustPeer = find(op, "peer-rust");
    const direct = find(op, "direct");
    out[op] = {
      throughputOursOverRustPeer: ours && rustPeer && rustPeer.requestsPerSecond ? round2(ours.requestsPerSecond / rustPeer.requestsPerSecond) : undefined,
      p50RustPeerOverOurs: ours && rustPeer && ours.latencyMs.p50 ? round2(rustPeer.latencyMs.p50 / ours.latencyMs.p50) : undefined,
      throughputOursOverPeer: ours && peer && peer.requestsPerSecond ? round2(ours.requestsPerSecond / peer.requestsPerSecond) : undefined,
      p50PeerOverOurs: ours && peer && ours.latencyMs.p50 ? round2(peer.latencyMs.p50 / ours.latencyMs.p50) : undefined,
      p50GatewayOverDirect: ours && direct && direct.latencyMs.p50 ? round2(ours.latencyMs.p50 / Math.max(direct.latencyMs.p50, 1)) : undefined,
    };
    const variant = variantName ? find(op, variantName) : undefined;
    if (variant && direct && direct.latencyMs.p50) out[op].p50VariantOverDirect = round2(variant.latencyMs.p50 / Math.max(direct.latencyMs.p50, 1));
  }
  return out;
}

function printTable(results: readonly Measurement[], memory: Record<string, unknown>, variantName?: string): void {
  const r = ratios(results, variantName);
  say("");
  say(`${"operation".padEnd(16)} ${"target".padEnd(10)} ${pad("c", 2)} ${pad("req/s", 8)} ${pad("p50", 7)} ${pad("p95", 7)} ${pad("p99", 7)} ${pad("SQL/req", 8)} ${pad("errors", 6)}  ${"CPU ms/req (gateway, subgraphs, PostgreSQL)".padEnd(44)}  ratio`);
  for (const m of results) {
    const ratio = r[m.operation];
    const note =
      m.target === "ours" && (ratio.throughputOursOverPeer !== undefined || ratio.throughputOursOverRustPeer !== undefined)
        ? [
            ratio.throughputOursOverPeer !== undefined ? `ours/peer req/s ${ratio.throughputOursOverPeer}` : "",
            ratio.throughputOursOverRustPeer !== undefined ? `ours/peer-rust req/s ${ratio.throughputOursOverRustPeer}` : "",
          ].filter(Boolean).join(", ")
        : m.target === "direct" && ratio.p50GatewayOverDirect !== undefined
          ? `gateway/direct p50 ${ratio.p50GatewayOverDirect}`
          : m.target === variantName && ratio.p50VariantOverDirect !== undefined
            ? `${variantName}/direct p50 ${ratio.p50VariantOverDirect}`
            : "";
    say(
      `${m.operation.padEnd(16)} ${m.target.padEnd(10)} ${pad(m.connections, 2)} ${pad(m.requestsPerSecond, 8)} ${pad(m.latencyMs.p50, 7)} ${pad(m.latencyMs.p95, 7)} ${pad(m.latencyMs.p99, 7)} ${pad(m.sqlStatementsPerRequest, 8)} ${pad(m.errors + m.non2xx + m.graphqlErrors, 6)}  ${cpuSummary(m.cpuMsPerRequest).padEnd(44)}  ${note}`,
    );
  }
  say(`memory (RSS MiB, current/peak): ${JSON.stringify(memory)}`);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
