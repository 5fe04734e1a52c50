import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CheckContext, CONCURRENCY, killReplica, persistedQueryAcrossGateways, primaryStopped, readsOnStandby, restoreTopology, rollingUpdate, steadyState, Verdict } from "./checks";
import { send } from "./loadGenerator";
import { portalRequests, SAMPLES_QUERY } from "./portalOperations";
import { CheckResult, summaryTable } from "./report";
import { startTopology, Teardown, Topology } from "./topology";

/**
 * `npm run test:replicas [-- --summary FILE]`: the multi-replica proof. Starts the production
 * topology as processes on this machine (PostgreSQL primary and streaming standby, Redis, two
 * replicas of every subgraph and of the gateway, HAProxy in front of each), runs the portal's
 * load against it and checks, in order, that it holds through a rolling update, a killed replica,
 * a persisted query registered on another gateway, reads served by the standby and a stopped
 * primary. Prints a summary table, writes it as JSON (--summary or MULTI_REPLICA_SUMMARY) and
 * exits 1 when any check fails. Not part of `npm test`: it needs Debian's postgresql,
 * redis-server and haproxy, and takes minutes. MULTI_REPLICA_LOG=1 shows every process's output.
 */
const TIME_BOUND_MS = Number(process.env.MULTI_REPLICA_TIME_BOUND_MS ?? 15 * 60_000);
const KEPT_LINES = 400;

const say = (line: string) => process.stdout.write(`[multi-replica] ${line}\n`);
/** The processes' last lines, to show what they said when a check fails. */
const recent: string[] = [];
let logged = 0;
const log = (line: string) => {
  logged++;
  recent.push(line);
  if (recent.length > KEPT_LINES) recent.shift();
  if (process.env.MULTI_REPLICA_LOG) process.stdout.write(`    ${line}\n`);
};
/** HAProxy logs each failed request: one of them says enough, the rest is counted. */
const REQUEST_LOG = /^\[haproxy\] .*"(GET|POST) \//;

function printRecentOutput(lines: readonly string[], limit: number): void {
  const requests = lines.filter((l) => REQUEST_LOG.test(l));
  const others = lines.filter((l) => !REQUEST_LOG.test(l)).slice(-limit);
  if (!others.length && !requests.length) return;
  process.stdout.write("    the processes' last lines:\n");
  for (const line of others) process.stdout.write(`      ${line}\n`);
  if (requests.length) process.stdout.write(`      (and ${requests.length} failed requests in HAProxy's log, the last: ${requests[requests.length - 1]})\n`);
}

interface Check {
  id: string;
  name: string;
  run: (context: CheckContext) => Promise<Verdict>;
  /** Destructive checks leave nothing to restore (the last one stops the primary). */
  restore?: boolean;
}

const CHECKS: Check[] = [
  { id: "0", name: "steady state", run: steadyState },
  { id: "1", name: "rolling update", run: rollingUpdate },
  { id: "2", name: "SIGKILL of a replica", run: killReplica },
  { id: "3", name: "persisted query across gateways", run: persistedQueryAcrossGateways },
  { id: "4", name: "reads on the standby", run: readsOnStandby },
  { id: "5", name: "primary stopped", run: primaryStopped, restore: false },
];

async function samplesOf(topology: Topology): Promise<{ codes: string[]; districtCodes: string[]; ids: string[] }> {
  const answer = await send(topology.gatewayUrl, { query: SAMPLES_QUERY.replace("code district", "id code district") });
  if (answer.failure) throw new Error(`could not read sample cooperatives through the gateway: ${answer.failure}`);
  const nodes = (answer.body!.data as { cooperatives: { edges: { node: { id: string; code: string; district: { code: string } | null } }[] } }).cooperatives.edges.map((e) => e.node);
  if (!nodes.length) throw new Error("the gateway lists no cooperatives: was the demo data seeded?");
  return { ids: nodes.map((n) => n.id), codes: nodes.map((n) => n.code), districtCodes: [...new Set(nodes.flatMap((n) => (n.district ? [n.district.code] : [])))] };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { summary: { type: "string" } }, strict: true });
  const summaryFile = values.summary ?? process.env.MULTI_REPLICA_SUMMARY;
  const startedAt = new Date();
  const results: CheckResult[] = [];
  let topology: Topology | undefined;
  let teardown: Teardown | undefined;
  let fatal: string | undefined;

  // The global time bound (and Ctrl-C): whatever hangs, every process is killed, PostgreSQL
  // stopped, the folder removed, and the run fails.
  const abandon = (reason: string, code: number) => {
    say(`${reason}: killing everything`);
    teardown?.killNow();
    void Promise.race([teardown?.stop(), new Promise((resolve) => setTimeout(resolve, 20_000))]).finally(() => process.exit(code));
  };
  const bound = setTimeout(() => abandon(`time bound of ${TIME_BOUND_MS / 1000} s reached`, 1), TIME_BOUND_MS);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abandon(signal, 130));

  try {
    const setupStarted = Date.now();
    topology = await startTopology({ log, say, onTeardown: (t) => (teardown = t) });
    say(`topology ready in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s (gateway frontend ${topology.gatewayUrl})`);
    const migrate = topology.setup.find((s) => s.step === "migrate command");
    results.push({ id: "S", name: "setup: migrate command", passed: Boolean(migrate?.ok), detail: [migrate?.detail ?? "not run"], phases: [], seconds: 0 });

    const samples = await samplesOf(topology);
    const context: CheckContext = { topology, requests: portalRequests(samples), cooperativeId: samples.ids[0], say };
    let healthy = true;
    for (const check of CHECKS) {
      if (!healthy) {
        results.push({ id: check.id, name: check.name, passed: false, detail: ["not run: the topology could not be restored after the previous check"], phases: [], seconds: 0 });
        continue;
      }
      say(`check ${check.id}: ${check.name}`);
      const began = Date.now();
      const linesBefore = logged;
      let verdict: Verdict;
      try {
        verdict = await check.run(context);
      } catch (error) {
        verdict = { passed: false, detail: [`error: ${(error as Error).message}`], phases: [] };
      }
      const result: CheckResult = { id: check.id, name: check.name, ...verdict, seconds: (Date.now() - began) / 1000 };
      results.push(result);
      say(`check ${check.id}: ${result.passed ? "PASS" : "FAIL"} (${result.seconds.toFixed(1)} s)`);
      for (const line of result.detail) process.stdout.write(`    ${line}\n`);
      // What the processes said during this check only.
      if (!result.passed) printRecentOutput(recent.slice(Math.max(0, recent.length - (logged - linesBefore))), 40);
      if (check.restore !== false) {
        try {
          await restoreTopology(topology);
        } catch (error) {
          say(`could not restore the topology: ${(error as Error).message}`);
          healthy = false;
        }
      }
    }
    if (topology.unexpectedExits.length) say(`processes that exited unexpectedly: ${topology.unexpectedExits.join(", ")}`);
  } catch (error) {
    fatal = (error as Error).message;
    say(`could not run the checks: ${fatal}`);
    printRecentOutput(recent, 80);
  } finally {
    say("stopping everything");
    await teardown?.stop().catch((error: unknown) => say(`stop: ${(error as Error).message}`));
    clearTimeout(bound);
  }

  const passed = !fatal && results.length > 0 && results.every((r) => r.passed);
  process.stdout.write(`\n${summaryTable(results)}\n\n`);
  say(`${passed ? "PASSED" : "FAILED"}: ${results.filter((r) => r.passed).length} of ${results.length} checks passed in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
  if (summaryFile) {
    const summary = {
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
      topology: { subgraphReplicas: 2, gateways: 2, concurrency: CONCURRENCY, postgres: "primary + streaming standby", loadBalancer: "HAProxy", redis: true },
      passed,
      fatal,
      checks: results,
    };
    await mkdir(path.dirname(path.resolve(summaryFile)), { recursive: true });
    await writeFile(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    say(`summary written to ${summaryFile}`);
  }
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
