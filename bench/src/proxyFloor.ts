import autocannon from "autocannon";
import { databaseNameOf, GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS, withDatabase } from "@camau/shared";
import { ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as delay } from "node:timers/promises";
import type { RunningStack } from "../../dist/scripts/stack";
import { holdsData, postmasterPid, REPO_ROOT, say, seedAll, startPersistentPostgres, startStack } from "./builtScripts";
import { LIST_QUERY, LIST_REGISTRY_QUERY, operations } from "./operations";
import { cpuSecondsOf, treeCpuSecondsOf } from "./procStats";

/**
 * `node bench/dist/src/proxyFloor.js [--scale 1] [--seconds 5] [--rounds 4] [--warmup 2] [--rate reference=300,list=230] [--label L] [--bound-from bench/results/X.json]`
 *
 * The floor of the gateway's targets on this machine: in front of the same registry and trade
 * subgraphs on the benchmark's database (.data/bench/scale-N, seeded when empty, as bench.ts),
 * side by side in interleaved rounds, for
 * - `reference` (2 connections): the registry directly, a bare node:http proxy that pipes the body
 *   to the registry and the answer back (`bareProxy.ts`, no GraphQL at all), and our gateway;
 * - the registry's part of the list (8 connections): the registry directly and through the bare
 *   proxy's pipe;
 * - the whole list (8 connections): our gateway, and the bare proxy's two hops (registry, then
 *   trade's `_entities` for the page, JSON parsed and written at each hop and nothing else).
 * For each: requests/s, p50, and CPU ms per request of the proxy or gateway process, the
 * registry, trade, PostgreSQL (its whole process tree) and of this process (the load generator),
 * all from /proc. `--rate op=N,...` holds an operation's targets at N requests/s (autocannon's
 * overallRate) instead of as fast as they answer: CPU per request falls as the rate rises, so
 * figures compare at one rate (e.g. the rate of a quiet run's figure). The p50 ratio and the CPU of the bare proxy are what no Node gateway can go
 * under here; our gateway's figures beside them say how much of its cost is above that floor.
 *
 * `--bound-from FILE` (a bench.ts result file) prints, for the mix of that run, the throughput a
 * gateway costing no CPU at all could reach on the machine's cores: cores × 1000 ms / (the
 * subgraphs' + PostgreSQL's CPU ms per mix request), against the peers' measured requests/s.
 * Writes bench/results/<date>-proxy-floor-scale-N[-label].json. Load goes to 127.0.0.1 only.
 */
interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The process whose CPU is the gateway's (ours, or the bare proxy). */
  pid?: number;
}

interface Row {
  operation: string;
  /** The requests/s the load was held at (null: as fast as the target answered). */
  rate: number | null;
  target: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** CPU ms per request: gateway (the proxy or our gateway), registry, trade, postgres, loadGenerator. */
  cpuMsPerRequest: Record<string, number>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] * 10) / 10;
}
const round2 = (n: number) => Math.round(n * 100) / 100;

async function load(url: string, headers: Record<string, string>, bodies: () => string, connections: number, seconds: number, rate?: number) {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const instance = autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    // A fixed rate puts every target at the same requests/s, where CPU per request compares (it falls as the rate rises).
    ...(rate ? { overallRate: rate } : {}),
    timeout: 30,
    headers: { "content-type": "application/json", ...headers },
    requests: [
      {
        setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies() }),
        onResponse: (status: number, body: string) => {
          if (status >= 200 && status < 300 && body.includes('"errors"')) graphqlErrors += 1;
        },
      } as never,
    ],
  }) as unknown as Promise<autocannon.Result> & { on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void };
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return { result, latencies, graphqlErrors };
}

/**
 * What the mix's throughput ratio can be on this topology, from a bench.ts result file. Every
 * process shares the machine's cores, so at saturation requests/s ≈ cores × 1000 / (CPU ms per
 * request of the gateway + subgraphs + PostgreSQL): a gateway of no cost reaches at most
 * cores × 1000 / (subgraphs + PostgreSQL), and ours over a peer is at most
 * (peer's gateway + its backends) / (ours + our backends) (the load generator's share, left out,
 * only brings it nearer 1).
 */
function boundFrom(file: string, cores: number) {
  const run = JSON.parse(readFileSync(file, "utf8")) as { scale: number; results: { operation: string; target: string; requestsPerSecond: number; cpuMsPerRequest: Record<string, number> }[] };
  const mix = run.results.filter((r) => r.operation === "mix");
  const ours = mix.find((r) => r.target === "ours");
  if (!ours) throw new Error(`${file}: no mix of ours`);
  const backends = (r: { cpuMsPerRequest: Record<string, number> }) => Object.entries(r.cpuMsPerRequest).filter(([name]) => name !== "gateway").reduce((sum, [, ms]) => sum + ms, 0);
  const total = (r: { cpuMsPerRequest: Record<string, number> }) => backends(r) + (r.cpuMsPerRequest.gateway ?? 0);
  const bound = (cores * 1000) / backends(ours);
  const peers = mix.filter((r) => r.target !== "ours");
  const out = {
    file: path.relative(REPO_ROOT, file),
    scale: run.scale,
    cores,
    backendCpuMsPerMixRequest: round2(backends(ours)),
    zeroCostGatewayBoundRequestsPerSecond: Math.round(bound * 10) / 10,
    measured: Object.fromEntries(mix.map((r) => [r.target, { requestsPerSecond: r.requestsPerSecond, gatewayCpuMs: r.cpuMsPerRequest.gateway, backendCpuMs: round2(backends(r)), saturationRequestsPerSecond: Math.round((cores * 1000 * 10) / total(r)) / 10 }])),
    /** The zero-cost bound over each peer's measured requests/s. */
    boundOverPeerMeasured: Object.fromEntries(peers.map((r) => [r.target, round2(bound / r.requestsPerSecond)])),
    /** Ours over each peer from the CPU per request alone: with our gateway's measured CPU, and with a gateway of no cost. */
    cpuRatioOverPeer: Object.fromEntries(peers.map((r) => [r.target, { withOurGateway: round2(total(r) / total(ours)), withZeroCostGateway: round2(total(r) / backends(ours)) }])),
    measuredOverPeer: Object.fromEntries(peers.map((r) => [r.target, round2(ours.requestsPerSecond / r.requestsPerSecond)])),
  };
  say(
    `mix at scale ${run.scale} (${out.file}): subgraphs + PostgreSQL ${out.backendCpuMsPerMixRequest} CPU ms per request → at most ${out.zeroCostGatewayBoundRequestsPerSecond} req/s on ${cores} cores with a gateway of no cost; ` +
      `that over the peers' measured: ${JSON.stringify(out.boundOverPeerMeasured)}; ours/peer from CPU alone: ${JSON.stringify(out.cpuRatioOverPeer)}; measured: ${JSON.stringify(out.measuredOverPeer)}`,
  );
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      seconds: { type: "string", default: "5" },
      rounds: { type: "string", default: "4" },
      warmup: { type: "string", default: "2" },
      label: { type: "string" },
      "pg-port": { type: "string", default: "5641" },
      "base-port": { type: "string", default: "4340" },
      "bound-from": { type: "string", multiple: true, default: [] },
      "bound-only": { type: "boolean", default: false },
      rate: { type: "string" },
    },
    strict: true,
  });
  const cores = os.cpus().length;
  const bounds = (values["bound-from"] as string[]).map((file) => boundFrom(path.resolve(file), cores));
  if (values["bound-only"]) return;
  const scale = Number(values.scale);
  const seconds = Math.min(60, Number(values.seconds));
  const rounds = Math.max(1, Math.min(10, Number(values.rounds)));
  const warmup = Math.min(30, Number(values.warmup));
  const basePort = Number(values["base-port"]);
  const host = "127.0.0.1";
  const rates = new Map((values.rate ? values.rate.split(",") : []).map((pair) => [pair.split("=")[0], Number(pair.split("=")[1])] as const));

  const dataDir = path.join(REPO_ROOT, ".data", "bench", `scale-${scale}`);
  const postgres = await startPersistentPostgres(dataDir, Number(values["pg-port"]), () => undefined);
  let stack: RunningStack | undefined;
  let proxy: ChildProcess | undefined;
  const stopAll = async () => {
    proxy?.kill("SIGTERM");
    await stack?.stop();
    await postgres.stop();
  };
  process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  try {
    const unseeded = [];
    for (const s of SUBGRAPHS) if (!(await holdsData(withDatabase(postgres.url, databaseNameOf(s.name))))) unseeded.push(s);
    if (unseeded.length) await seedAll({ serverUrl: postgres.url, scale, subgraphs: unseeded, log: say });

    const ports = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, basePort + (s.port - 4000)]));
    let supergraph = readFileSync(path.join(REPO_ROOT, "gateway", "supergraph.graphql"), "utf8");
    for (const s of SUBGRAPHS) supergraph = supergraph.replaceAll(`http://localhost:${s.port}/graphql`, `http://${host}:${ports[s.name]}/graphql`).replaceAll(`http://127.0.0.1:${s.port}/graphql`, `http://${host}:${ports[s.name]}/graphql`);
    mkdirSync(path.join(REPO_ROOT, ".data", "bench"), { recursive: true });
    const supergraphPath = path.join(REPO_ROOT, ".data", "bench", `supergraph-floor-${basePort}.graphql`);
    writeFileSync(supergraphPath, supergraph);
    stack = await startStack({
      databaseServerUrl: postgres.url,
      ports,
      gatewayPort: basePort,
      host,
      seedIfEmpty: false,
      env: { SUPERGRAPH_PATH: supergraphPath, FAIR_USE: "false" },
      log: (line) => (/error|fail/i.test(line) && !/slow SQL/.test(line) ? say(line) : undefined),
    });
    const registry = stack.subgraphs.find((s) => s.name === "registry")!;
    const trade = stack.subgraphs.find((s) => s.name === "trade")!;
    const proxyPort = basePort + 10;
    proxy = spawn(process.execPath, [path.join(__dirname, "bareProxy.js")], {
      env: { ...process.env, PORT: String(proxyPort), HOST: host, REGISTRY_URL: registry.url, TRADE_URL: trade.url, GATEWAY_SECRET: gatewaySecret() },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let i = 0; !(await fetch(`http://${host}:${proxyPort}/pipe`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok, () => false)); i++) {
      if (i > 100) throw new Error("the bare proxy did not start");
      await delay(100);
    }
    const gatewayPid = stack.gatewayPid;
    const postgresPid = postmasterPid(dataDir);
    say(`[floor] stack, gateway (pid ${gatewayPid}) and bare proxy (pid ${proxy.pid}) ready; ${seconds} s × ${rounds} interleaved rounds per target after ${warmup} s warm-up`);

    // Filters that hold cooperatives, as bench.ts samples them.
    const report = (await (await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { bySector { sectorCode cooperativeCount } byDistrict { districtCode } } }` }) })).json()) as {
      data: { collectiveEconomyReport: { bySector: { sectorCode: string; cooperativeCount: number }[]; byDistrict: { districtCode: string }[] } };
    };
    const sectors = report.data.collectiveEconomyReport.bySector.filter((s) => s.cooperativeCount > 0).map((s) => s.sectorCode);
    const filters = report.data.collectiveEconomyReport.byDistrict.flatMap((d) => sectors.slice(0, 4).map((s) => ({ districtCode: d.districtCode, sectorCode: s })));
    const ops = operations({ filters, cooperativeIds: [], hasFund: false });
    const reference = ops.find((o) => o.name === "reference")!;
    const list = ops.find((o) => o.name === "list")!;
    const rotate = (query: string, variables: (i: number) => Record<string, unknown>) => {
      let i = 0;
      return () => JSON.stringify({ query, variables: variables(i++) });
    };
    const secret = { [GATEWAY_SECRET_HEADER]: gatewaySecret() };
    const proxyUrl = (route: string) => `http://${host}:${proxyPort}/${route}`;
    const suites: { operation: string; connections: number; query: string; variables: (i: number) => Record<string, unknown>; targets: Target[] }[] = [
      {
        operation: "reference",
        connections: 2,
        query: reference.query,
        variables: reference.variables,
        targets: [
          { name: "direct", url: registry.url, headers: secret },
          { name: "bare-proxy", url: proxyUrl("pipe"), headers: {}, pid: proxy.pid },
          { name: "ours", url: stack.gatewayUrl, headers: {}, pid: gatewayPid },
        ],
      },
      {
        operation: "list-registry",
        connections: 8,
        query: LIST_REGISTRY_QUERY,
        variables: list.variables,
        targets: [
          { name: "direct", url: registry.url, headers: secret },
          { name: "bare-proxy", url: proxyUrl("pipe"), headers: {}, pid: proxy.pid },
          { name: "ours", url: stack.gatewayUrl, headers: {}, pid: gatewayPid },
        ],
      },
      {
        operation: "list",
        connections: 8,
        query: LIST_QUERY,
        variables: list.variables,
        targets: [
          { name: "bare-proxy-2hop", url: proxyUrl("list"), headers: {}, pid: proxy.pid },
          { name: "ours", url: stack.gatewayUrl, headers: {}, pid: gatewayPid },
        ],
      },
    ];
    const rows: Row[] = [];
    for (const suite of suites) {
      // The bare proxy's two hops take the registry's part as body (asOf among its variables, for trade's hop; the registry ignores it).
      const queryOf = (t: Target) => (t.name === "bare-proxy-2hop" ? LIST_REGISTRY_QUERY : suite.query);
      for (const t of suite.targets) {
        const answer = (await (await fetch(t.url, { method: "POST", headers: { "content-type": "application/json", ...t.headers }, body: JSON.stringify({ query: queryOf(t), variables: suite.variables(0) }) })).json()) as { errors?: { message: string }[] };
        if (answer.errors?.length) throw new Error(`${suite.operation} on ${t.name}: ${answer.errors[0].message}`);
      }
      const bodies = new Map(suite.targets.map((t) => [t.name, rotate(queryOf(t), suite.variables)]));
      const tallies = new Map(suite.targets.map((t) => [t.name, { latencies: [] as number[], seconds: 0, errors: 0, cpu: {} as Record<string, number> }]));
      const rate = rates.get(suite.operation);
      for (const t of suite.targets) await load(t.url, t.headers, bodies.get(t.name)!, suite.connections, warmup, rate);
      for (let round = 0; round < rounds; round++) {
        for (const t of round % 2 ? [...suite.targets].reverse() : suite.targets) {
          const readCpu = () => ({
            gateway: t.pid ? (cpuSecondsOf(t.pid) ?? NaN) : 0,
            registry: cpuSecondsOf(registry.pid) ?? NaN,
            trade: cpuSecondsOf(trade.pid) ?? NaN,
            postgres: treeCpuSecondsOf(postgresPid) ?? NaN,
            loadGenerator: (() => {
              const u = process.cpuUsage();
              return (u.user + u.system) / 1e6;
            })(),
          });
          const before = readCpu();
          const { result, latencies, graphqlErrors } = await load(t.url, t.headers, bodies.get(t.name)!, suite.connections, seconds, rate);
          const after = readCpu();
          const tally = tallies.get(t.name)!;
          for (const l of latencies) tally.latencies.push(l);
          tally.seconds += result.duration;
          tally.errors += result.errors + result.timeouts + result.non2xx + graphqlErrors;
          for (const key of Object.keys(after) as (keyof typeof after)[]) tally.cpu[key] = (tally.cpu[key] ?? 0) + (after[key] - before[key]);
        }
      }
      for (const t of suite.targets) {
        const tally = tallies.get(t.name)!;
        const sorted = tally.latencies.sort((a, b) => a - b);
        const n = sorted.length;
        const row: Row = {
          operation: suite.operation,
          rate: rate ?? null,
          target: t.name,
          connections: suite.connections,
          requests: n,
          requestsPerSecond: Math.round((n / tally.seconds) * 10) / 10,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          errors: tally.errors,
          cpuMsPerRequest: Object.fromEntries(Object.entries(tally.cpu).filter(([key]) => key !== "gateway" || t.pid).map(([key, s]) => [key, n ? round2((s * 1000) / n) : NaN])),
        };
        rows.push(row);
        say(`  ${suite.operation.padEnd(14)} ${t.name.padEnd(16)} c=${suite.connections} ${String(row.requestsPerSecond).padStart(7)} req/s  p50 ${String(row.p50).padStart(6)}  p95 ${String(row.p95).padStart(6)} ms  CPU ms/req ${JSON.stringify(row.cpuMsPerRequest)}${row.errors ? `  errors ${row.errors}` : ""}`);
      }
    }
    const find = (op: string, target: string) => rows.find((r) => r.operation === op && r.target === target);
    const ratio = (a?: number, b?: number) => (a !== undefined && b ? round2(a / b) : undefined);
    const summary = {
      referenceP50OverDirect: { bareProxy: ratio(find("reference", "bare-proxy")?.p50, find("reference", "direct")?.p50), ours: ratio(find("reference", "ours")?.p50, find("reference", "direct")?.p50) },
      listRegistryP50OverDirect: { bareProxy: ratio(find("list-registry", "bare-proxy")?.p50, find("list-registry", "direct")?.p50) },
      gatewayCpuMsPerRequest: {
        reference: { bareProxy: find("reference", "bare-proxy")?.cpuMsPerRequest.gateway, ours: find("reference", "ours")?.cpuMsPerRequest.gateway },
        listRegistry: { bareProxy: find("list-registry", "bare-proxy")?.cpuMsPerRequest.gateway },
        list: { bareProxy2hop: find("list", "bare-proxy-2hop")?.cpuMsPerRequest.gateway, ours: find("list", "ours")?.cpuMsPerRequest.gateway },
      },
    };
    say(`[floor] ${JSON.stringify(summary)}`);
    const load1 = os.loadavg()[0];
    const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
    const file = path.join(REPO_ROOT, "bench", "results", `${stamp}-proxy-floor-scale-${scale}${values.label ? `-${values.label}` : ""}.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), scale, settings: { seconds, rounds, warmup, rates: Object.fromEntries(rates) }, machine: { node: process.version, cpus: cores, loadAverage1mAtEnd: round2(load1) }, rows, summary, mixBounds: bounds }, null, 2)}\n`);
    say(`[floor] results written to ${path.relative(REPO_ROOT, file)} (load average ${load1.toFixed(1)})`);
  } finally {
    await stopAll();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

