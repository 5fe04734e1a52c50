import { Role, signToken, SUBGRAPHS } from "@camau/shared";
import { createHash, randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { Outcome, RunningLoad, send, startLoad } from "./loadGenerator";
import { PortalRequest } from "./portalOperations";
import { countOf, describeFailures, PhaseCount, seconds } from "./report";
import { Replica } from "./replica";
import { READY_TIMEOUT_MS, Topology } from "./topology";

/** What every check needs: the running topology and the portal's requests. */
export interface CheckContext {
  topology: Topology;
  requests: (i: number) => PortalRequest;
  /** A cooperative of the demo data (id) for the mutations. */
  cooperativeId: string;
  say: (line: string) => void;
}

/** What a check found; run.ts adds its id, name and duration. */
export interface Verdict {
  passed: boolean;
  detail: string[];
  phases: PhaseCount[];
}

export const CONCURRENCY = 8;
/** Bounds of every load phase: whatever happens, no phase sends more or runs longer. */
const MAX_REQUESTS = 20_000;
const MAX_PHASE_MS = 180_000;
/** The rolling update's load runs at least this long per service it restarts. */
const ROLLOUT_MS_PER_SERVICE = 45_000;
/** After a SIGKILL, how soon the error rate must be back to 0. */
const RECOVERY_MS = 5_000;
/** Nothing of the inside may show in an answer: SQL, stack frames, paths, hosts, ports. */
const INTERNALS = /127\.0\.0\.1|localhost|ECONNREFUSED|postgres|SELECT|INSERT|UPDATE |connect |:\d{4,5}\b|\/work\/|node_modules|\.js:\d|at .*\(|stacktrace/i;

function load(context: CheckContext, bounds: { maxRequests?: number; maxDurationMs?: number } = {}): RunningLoad {
  return startLoad({
    url: context.topology.gatewayUrl,
    requests: context.requests,
    concurrency: CONCURRENCY,
    maxRequests: bounds.maxRequests ?? MAX_REQUESTS,
    maxDurationMs: bounds.maxDurationMs ?? MAX_PHASE_MS,
  });
}

/** Waits until the load has answered `count` requests (it is really under way), or has ended. */
async function underWay(running: RunningLoad, count = 2 * CONCURRENCY): Promise<void> {
  let ended = false;
  void running.finished.then(() => (ended = true));
  while (running.outcomes.length < count && !ended) await delay(20);
}

function officerToken(context: CheckContext): string {
  return signToken({ sub: "multi-replica-officer", role: Role.OFFICER }, { secret: context.topology.secrets.JWT_SECRET });
}

/** Replicas back to what the checks expect: every process running and seen UP by HAProxy. */
export async function restoreTopology(topology: Topology): Promise<void> {
  const all: Replica[] = [...Object.values(topology.subgraphs).flat(), ...topology.gateways];
  for (const replica of all) if (!replica.running) await replica.start(READY_TIMEOUT_MS);
  await topology.haproxy.waitAllUp(30_000);
}

/** 0. Steady state: everything up, the portal's load answered without a failure. */
export async function steadyState(context: CheckContext): Promise<Verdict> {
  const outcomes = await load(context, { maxRequests: 400, maxDurationMs: 15_000 }).finished;
  const count = countOf("steady load", outcomes);
  return {
    passed: count.failed === 0 && count.sent > 0,
    detail: [`${count.sent} requests, ${count.failed} failed`, ...describeFailures(outcomes, outcomes[0]?.startedAt ?? 0)],
    phases: [count],
  };
}

/**
 * SIGTERM, and meanwhile watch HAProxy: when did its health checks take the replica out (DOWN),
 * and did that happen while the process still listened (its readiness answered 503 first)?
 */
async function terminateWatched(topology: Topology, replica: Replica): Promise<{ code: number | string | undefined; downAfterMs?: number; exitedAfterMs: number }> {
  const began = Date.now();
  let exited = false;
  const stopping = replica.terminate().finally(() => (exited = true));
  let downAfterMs: number | undefined;
  while (!exited && downAfterMs === undefined) {
    const state = (await topology.haproxy.states().catch(() => [])).find((s) => s.server === replica.name);
    if (!exited && state?.status.startsWith("DOWN")) downAfterMs = Date.now() - began;
    else await delay(50);
  }
  const code = await stopping;
  return { code, downAfterMs, exitedAfterMs: Date.now() - began };
}

/**
 * 1. Rolling update: one replica of each subgraph, then one gateway, SIGTERM and restarted in
 * turn under load. No request may fail, and HAProxy must have taken each replica out through its
 * readiness (/ready 503 during SHUTDOWN_READINESS_DELAY_MS) before the process stopped listening:
 * a load balancer that does not retry refused connections (a Kubernetes Service) depends on it.
 */
export async function rollingUpdate(context: CheckContext): Promise<Verdict> {
  const { topology } = context;
  const order = [...SUBGRAPHS.map((s) => topology.subgraphs[s.name][0]), topology.gateways[0]];
  // The load must outlast every restart: up to ~40 s each on 2 loaded cores, one more per service.
  const maxDurationMs = Math.max(MAX_PHASE_MS, order.length * ROLLOUT_MS_PER_SERVICE);
  const running = load(context, { maxDurationMs });
  const origin = Date.now();
  await underWay(running);
  const detail: string[] = [];
  const outBeforeExit: string[] = [];
  let error: unknown;
  try {
    for (const replica of order) {
      const began = Date.now();
      const { code, downAfterMs, exitedAfterMs } = await terminateWatched(topology, replica);
      if (downAfterMs !== undefined) outBeforeExit.push(replica.name);
      const exited = Date.now();
      await replica.start(READY_TIMEOUT_MS);
      await topology.haproxy.waitAllUp(30_000);
      detail.push(
        `${replica.name}: SIGTERM at ${seconds(began - origin)}, ` +
          (downAfterMs === undefined ? "still UP in HAProxy when it exited" : `taken out by HAProxy after ${seconds(downAfterMs)}`) +
          `, exited (${code}) after ${seconds(exitedAfterMs)}, ready and UP again after ${seconds(Date.now() - exited)}`,
      );
      context.say(detail[detail.length - 1]);
    }
  } catch (caught) {
    error = caught;
  }
  const bounded = running.boundReached;
  const outcomes = await running.stop();
  const count = countOf("rollout under load", outcomes);
  if (error) detail.push(`the rollout stopped: ${(error as Error).message.split("\n")[0]}`);
  if (bounded) detail.push(`the load reached its bound (${MAX_REQUESTS} requests or ${maxDurationMs / 1000} s) before the rollout ended`);
  detail.push(
    `${count.sent} requests during the rollout, ${count.failed} failed`,
    `${outBeforeExit.length} of ${order.length} replicas taken out by their readiness before they stopped listening`,
    ...describeFailures(outcomes, origin),
  );
  return { passed: !error && !bounded && count.failed === 0 && count.sent > 0 && outBeforeExit.length === order.length, detail, phases: [count] };
}

/** 2. SIGKILL of a registry replica under load: only the requests in flight on it may fail. */
export async function killReplica(context: CheckContext): Promise<Verdict> {
  const { topology } = context;
  const victim = topology.subgraphs.registry[1];
  const running = load(context);
  const origin = Date.now();
  await underWay(running, 4 * CONCURRENCY);
  const killedAt = Date.now();
  await victim.kill();
  const goneAt = Date.now();
  // The phase goes on beyond the recovery window, so that "back to 0" is seen, not assumed.
  while (Date.now() < goneAt + RECOVERY_MS + 3_000 && !running.boundReached) await delay(100);
  const outcomes = await running.stop();
  await restoreTopology(topology);

  const before = outcomes.filter((o) => o.startedAt < killedAt);
  const after = outcomes.filter((o) => o.startedAt >= killedAt);
  const failures = outcomes.filter((o) => !o.ok);
  // In flight on the victim: sent before it was gone and answered after it was killed.
  const notInFlight = failures.filter((o) => o.startedAt > goneAt || o.endedAt < killedAt);
  const lastFailure = failures.length ? Math.max(...failures.map((o) => o.endedAt)) : undefined;
  const late = outcomes.filter((o) => o.startedAt > goneAt + RECOVERY_MS);
  const detail = [
    `${victim.name} SIGKILLed at ${seconds(killedAt - origin)} (gone ${goneAt - killedAt} ms later), restarted after the phase`,
    `${failures.length} failed of ${outcomes.length}; ${notInFlight.length} of the failures were not in flight at the kill`,
    `last failure answered ${lastFailure === undefined ? "never" : `${seconds(lastFailure - killedAt)} after the kill`}`,
    `${late.length} requests sent more than ${RECOVERY_MS / 1000} s after the kill, ${late.filter((o) => !o.ok).length} failed`,
    ...describeFailures(outcomes, killedAt),
  ];
  return {
    passed: notInFlight.length === 0 && late.length > 0 && late.every((o) => o.ok) && before.length > 0,
    detail,
    phases: [countOf("before the kill", before), countOf("after the kill", after)],
  };
}

/** 3. An APQ registered through gateway 1 is served by hash alone by gateway 2 (shared in Redis). */
export async function persistedQueryAcrossGateways(context: CheckContext): Promise<Verdict> {
  const [first, second] = context.topology.gateways;
  // A document no earlier run or check has registered.
  const query = `query PersistedProof_${randomBytes(4).toString("hex")} { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount } }`;
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
  const registered = await send(`${first.url}/graphql`, { query, extensions });
  const byHash = await send(`${second.url}/graphql`, { extensions });
  const outcomes: Outcome[] = [registered, byHash].map((r, i) => ({ operation: i ? "by hash" : "register", startedAt: 0, endedAt: 0, ok: !r.failure, failure: r.failure }));
  const count = (byHash.body?.data as { collectiveEconomyReport?: { cooperativeCount?: number } } | undefined)?.collectiveEconomyReport?.cooperativeCount;
  return {
    passed: !registered.failure && !byHash.failure && typeof count === "number",
    detail: [
      `register on ${first.name} (port ${first.port}): ${registered.failure ?? "served"}`,
      `hash alone on ${second.name} (port ${second.port}): ${byHash.failure ?? `served (cooperativeCount ${count})`}`,
    ],
    phases: [countOf("APQ", outcomes)],
  };
}

/** sql_statements_total of every replica of a subgraph, summed per pool. */
async function statementsByPool(replicas: readonly Replica[]): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const replica of replicas) {
    const text = await (await fetch(`${replica.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    for (const match of text.matchAll(/^sql_statements_total\{([^}]*)\}\s+(\d+)/gm)) {
      const pool = /pool="([^"]+)"/.exec(match[1])?.[1] ?? "(no pool label)";
      totals[pool] = (totals[pool] ?? 0) + Number(match[2]);
    }
  }
  return totals;
}

const COOPERATIVE = `query ($id: ID!) { cooperative(id: $id) { id version legalRepresentative } }`;
const UPDATE = `mutation ($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { id version legalRepresentative } } }`;
interface CooperativeAnswer {
  cooperative?: { version: number; legalRepresentative: string } | null;
  updateCooperative?: { cooperative: { version: number; legalRepresentative: string } };
}

/** Subgraphs the portal's operations (docs/examples) never reach: the written report is read by officers. */
const OUTSIDE_PORTAL_LOAD = new Set(["reporting"]);

/** 4. The public load is answered by the replica pools; an officer's write is seen by their next read. */
export async function readsOnStandby(context: CheckContext): Promise<Verdict> {
  const { topology } = context;
  const before = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await statementsByPool(topology.subgraphs[s.name])] as const)));
  const outcomes = await load(context, { maxRequests: 1_000, maxDurationMs: 20_000 }).finished;
  const after = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await statementsByPool(topology.subgraphs[s.name])] as const)));
  const detail: string[] = [];
  let poolsOk = true;
  for (const s of SUBGRAPHS.filter((s) => !OUTSIDE_PORTAL_LOAD.has(s.name))) {
    const delta = (pool: string) => (after[s.name][pool] ?? 0) - (before[s.name][pool] ?? 0);
    const pools = Object.keys(after[s.name]);
    const line = pools.map((p) => `${p} +${delta(p)}`).join(", ");
    const ok = pools.includes("replica") && delta("replica") > 0 && delta("replica") > delta("primary");
    if (!ok) poolsOk = false;
    detail.push(`${s.name.padEnd(9)} statements during the public load: ${line || "no sql_statements_total line"}${ok ? "" : "  <- expected most on pool=\"replica\""}`);
  }
  const publicCount = countOf("public load", outcomes);
  detail.push(`public load: ${publicCount.sent} requests, ${publicCount.failed} failed`, ...describeFailures(outcomes, outcomes[0]?.startedAt ?? 0));

  // Read-your-writes: each write, then at once the same officer's read of that record.
  const token = officerToken(context);
  const headers = { authorization: `Bearer ${token}` };
  const writes: Outcome[] = [];
  let seen = 0;
  const ROUNDS = 5;
  for (let round = 1; round <= ROUNDS; round++) {
    const began = Date.now();
    const current = await send(topology.gatewayUrl, { query: COOPERATIVE, variables: { id: context.cooperativeId } }, { headers });
    const version = (current.body?.data as CooperativeAnswer | undefined)?.cooperative?.version;
    const wanted = `Người đại diện ${randomBytes(3).toString("hex")}`;
    const written = current.failure || version === undefined ? current : await send(topology.gatewayUrl, { query: UPDATE, variables: { input: { id: context.cooperativeId, version, legalRepresentative: wanted } } }, { headers });
    const reread = written.failure ? written : await send(topology.gatewayUrl, { query: COOPERATIVE, variables: { id: context.cooperativeId } }, { headers });
    const got = (reread.body?.data as CooperativeAnswer | undefined)?.cooperative?.legalRepresentative;
    const failure = reread.failure ?? (got === wanted ? undefined : `read ${JSON.stringify(got)} after writing ${JSON.stringify(wanted)}`);
    if (!failure) seen++;
    writes.push({ operation: "write+read", startedAt: began, endedAt: Date.now(), ok: !failure, failure });
  }
  const writeCount = countOf("write, then read", writes);
  detail.push(`read-your-writes: ${seen} of ${ROUNDS} reads right after the officer's write saw it`, ...describeFailures(writes, writes[0].startedAt));
  return { passed: poolsOk && publicCount.failed === 0 && seen === ROUNDS, detail, phases: [publicCount, writeCount] };
}

/** 5. Primary stopped: mutations fail with a clear, masked error; public reads go on from the standby. */
export async function primaryStopped(context: CheckContext): Promise<Verdict> {
  const { topology } = context;
  const stoppedAt = Date.now();
  await topology.postgres.stopPrimary();
  const detail = [`primary stopped (fast shutdown) in ${Date.now() - stoppedAt} ms`];
  const headers = { authorization: `Bearer ${officerToken(context)}` };
  const mutations: Outcome[] = [];
  let masked = 0;
  const ATTEMPTS = 3;
  for (let i = 0; i < ATTEMPTS; i++) {
    const began = Date.now();
    // Any version: the mutation must fail on the database before it compares versions.
    const answer = await send(topology.gatewayUrl, { query: UPDATE, variables: { input: { id: context.cooperativeId, version: 1, legalRepresentative: "Không được ghi" } } }, { headers });
    const errors = answer.body?.errors ?? [];
    const text = JSON.stringify(errors);
    const codes = errors.map((e) => String(e.extensions?.code ?? "no code"));
    const clear = errors.length > 0 && codes.every((c) => c !== "no code" && c !== "INTERNAL_SERVER_ERROR");
    const hidden = !INTERNALS.test(text);
    const refused = (answer.body?.data as CooperativeAnswer | null | undefined)?.updateCooperative === undefined;
    if (clear && hidden && refused) masked++;
    if (i === 0) detail.push(`mutation answered HTTP ${answer.status}: ${answer.body ? text.slice(0, 400) : answer.failure}`);
    if (!hidden) detail.push(`  the error shows internals (${INTERNALS.exec(text)?.[0]})`);
    if (!clear) detail.push(`  not a clear error code: ${codes.join(", ") || "no error"}`);
    mutations.push({ operation: "mutation", startedAt: began, endedAt: Date.now(), ok: !answer.failure, failure: answer.failure });
  }
  const mutationCount = countOf("mutations (must fail)", mutations);
  detail.push(`${masked} of ${ATTEMPTS} mutations refused with a clear, masked error`);
  const outcomes = await load(context, { maxRequests: 600, maxDurationMs: 15_000 }).finished;
  const reads = countOf("public reads", outcomes);
  detail.push(`public reads with the primary down: ${reads.sent} sent, ${reads.failed} failed`, ...describeFailures(outcomes, stoppedAt));
  return { passed: masked === ATTEMPTS && reads.failed === 0 && reads.sent > 0, detail, phases: [mutationCount, reads] };
}
