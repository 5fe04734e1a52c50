import { GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS, signToken, Role } from "@camau/shared";
import { freePort, RestartablePostgres, startRestartablePostgres } from "@camau/shared/testing";
import { expect } from "chai";
import { Client } from "pg";
import { setTimeout as delay } from "node:timers/promises";
import { RunningStack, startStack } from "../scripts/stack";
import { graphql } from "./support/stack";

/**
 * Faults with real processes: a subgraph stopped and started again, a subgraph frozen
 * (SIGSTOP) beyond the gateway's timeout, the PostgreSQL server stopped and started again under
 * running subgraphs, and SIGTERM while a request is in flight. A stack of its own on a PostgreSQL
 * of its own, so that nothing here disturbs the other suites.
 */

// Long enough for the SIGTERM tests' request in flight, short enough for the hung-subgraph test.
const TIMEOUT_MS = 5_000;
// The circuit breaker opens after this many calls in its window if half of them failed, and
// probes again after the reset time (long enough for the checks made while it is open).
const BREAKER_VOLUME = 3;
const BREAKER_RESET_MS = 3_000;
const officer = () => signToken({ sub: "officer-faults", role: Role.OFFICER });
/** Nothing of the inside may show in an answer: SQL, stack frames, paths, hosts, ports. */
const INTERNALS = /127\.0\.0\.1|localhost|ECONNREFUSED|postgres|SELECT|connect |:\d{4,5}\b|\/work\/|node_modules|\.js:\d|at .*\(/i;

/** Polls until `check` holds (never a fixed sleep); fails after `timeoutMs`. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await delay(100);
  }
}

async function status(url: string): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) }).catch(() => undefined);
  await response?.arrayBuffer();
  return response?.status ?? 0;
}

describe("faults: subgraphs down or slow, PostgreSQL restarted, SIGTERM while busy", function () {
  this.timeout(300_000);
  let pg: RestartablePostgres;
  let stack: RunningStack;
  const lines: string[] = [];
  let cooperative: { id: string; code: string };

  before(async function () {
    this.timeout(300_000);
    pg = await startRestartablePostgres("faults");
    const ports: Record<string, number> = {};
    for (const s of SUBGRAPHS) ports[s.name] = await freePort();
    stack = await startStack({
      databaseServerUrl: pg.url,
      ports,
      gatewayPort: await freePort(),
      env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS), SUBGRAPH_BREAKER_VOLUME_THRESHOLD: String(BREAKER_VOLUME), SUBGRAPH_BREAKER_RESET_MS: String(BREAKER_RESET_MS) },
      log: (line) => {
        lines.push(line);
        if (process.env.E2E_LOG) process.stdout.write(`      ${line}\n`);
      },
    });
    const units = await graphql<{ administrativeUnits: { code: string; parentCode: string }[] }>(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`, {}, undefined, { url: stack.gatewayUrl });
    const communeCode = units.data!.administrativeUnits.find((u) => u.parentCode === "968")!.code;
    const members = Array.from({ length: 5 }, (_, i) => ({ kind: "INDIVIDUAL", fullName: `Xã viên ${i + 1}`, membershipType: "OFFICIAL", capitalContributed: 1_000_000 }));
    const registered = await graphql<{ registerCooperative: { cooperative: { id: string; code: string } } }>(
      `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperative { id code } } }`,
      { input: { code: "4000000001", name: "HTX Chịu lỗi", foundedOn: "2020-02-15", governingLaw: "LAW_2023", sectorCode: "AGRICULTURE", businessLines: ["0112"], address: { communeCode }, charterCapital: 1_000_000_000, legalRepresentative: "Lê Văn Bền", isNewModel: false, foundingMembers: members } },
      officer(),
      { url: stack.gatewayUrl },
    );
    expect(registered.errors).to.equal(undefined);
    cooperative = registered.data!.registerCooperative.cooperative;
  });

  after(async function () {
    this.timeout(120_000);
    for (const s of stack?.subgraphs ?? []) if (s.pid) process.kill(s.pid, "SIGCONT");
    await stack?.stop();
    await pg?.remove();
  });

  const query = (q: string, variables: Record<string, unknown> = {}, token?: string) => graphql(q, variables, token, { url: stack.gatewayUrl });
  /** One root field from the registry, one from outreach: each part stands or falls on its own. */
  const ACROSS = `query ($code: String!) { cooperativeByCode(code: $code) { id name } trainingClass(id: "00000000-0000-4000-8000-000000000000") { id } }`;
  const subgraph = (name: string) => stack.subgraphs.find((s) => s.name === name)!;

  it("answers with the healthy subgraphs' data and names the one that is down, then recovers by itself", async () => {
    const gatewayPid = stack.gatewayPid;
    await stack.stopSubgraph("outreach");
    try {
      const down = await query(ACROSS, { code: cooperative.code });
      expect(down.status).to.equal(200);
      expect(down.data).to.deep.equal({ cooperativeByCode: { id: cooperative.id, name: "HTX Chịu lỗi" }, trainingClass: null });
      expect(down.errors).to.have.length(1);
      expect(down.errors![0].message).to.equal("The outreach service could not be reached");
      expect(down.errors![0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "outreach" });
      expect(down.errors![0].extensions!.correlationId).to.match(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(down)).not.to.match(INTERNALS);
      // The gateway stays in rotation: it still serves every other subgraph's fields.
      const ready = await fetch(new URL("/ready", stack.gatewayUrl));
      expect(ready.status).to.equal(200);
      expect(((await ready.json()) as { status: string }).status).to.equal("degraded");
    } finally {
      await stack.startSubgraph("outreach");
    }
    const back = await query(ACROSS, { code: cooperative.code });
    expect(back.errors).to.equal(undefined);
    expect(back.data).to.deep.equal({ cooperativeByCode: { id: cooperative.id, name: "HTX Chịu lỗi" }, trainingClass: null });
    expect(stack.gatewayPid, "the gateway was not restarted").to.equal(gatewayPid);
  });

  it("keeps a cooperative's profile when a subgraph that extends it is down: only that subgraph's fields are null", async () => {
    await stack.stopSubgraph("trade");
    try {
      const down = await query(`query ($code: String!) { cooperativeByCode(code: $code) { name trainingClasses { totalCount } products { totalCount } ocopProductCount } }`, { code: cooperative.code });
      expect(down.data).to.deep.equal({ cooperativeByCode: { name: "HTX Chịu lỗi", trainingClasses: { totalCount: 0 }, products: null, ocopProductCount: null } });
      expect(down.errors!.map((e) => e.extensions!.serviceName)).to.deep.equal(["trade"]);
    } finally {
      await stack.startSubgraph("trade");
    }
  });

  it("answers within its timeout when a subgraph hangs (SIGSTOP), naming it, and recovers when it resumes", async () => {
    const pid = subgraph("outreach").pid!;
    process.kill(pid, "SIGSTOP");
    try {
      const started = Date.now();
      const slow = await query(ACROSS, { code: cooperative.code });
      const elapsed = Date.now() - started;
      expect(slow.data!.cooperativeByCode).to.deep.equal({ id: cooperative.id, name: "HTX Chịu lỗi" });
      expect(slow.data!.trainingClass).to.equal(null);
      expect(slow.errors![0].message).to.equal(`The outreach service did not answer within ${TIMEOUT_MS} ms`);
      expect(slow.errors![0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "outreach" });
      expect(JSON.stringify(slow)).not.to.match(INTERNALS);
      // Not a performance assertion: only that the bound applied (a hung subgraph never answers).
      expect(elapsed).to.be.below(TIMEOUT_MS * 10);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await eventually("outreach answers again", async () => (await query(ACROSS, { code: cooperative.code })).errors === undefined);
  });

  it("opens the circuit of a hung subgraph: its fields then fail at once, the rest answers, and it closes by itself once the subgraph is back", async () => {
    const metrics = async () => (await fetch(new URL("/metrics", stack.gatewayUrl))).text();
    const pid = subgraph("outreach").pid!;
    process.kill(pid, "SIGSTOP");
    try {
      // Signed in, so that the gateway does not share these identical reads as one subgraph request.
      const timedOut = await Promise.all(Array.from({ length: BREAKER_VOLUME + 1 }, () => query(ACROSS, { code: cooperative.code }, officer())));
      for (const answer of timedOut) expect(answer.errors![0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "outreach" });
      expect(await metrics()).to.contain(`subgraph_breaker_state{service="outreach",state="open"} 1`);

      const started = Date.now();
      const open = await query(ACROSS, { code: cooperative.code }, officer());
      const elapsed = Date.now() - started;
      expect(open.data).to.deep.equal({ cooperativeByCode: { id: cooperative.id, name: "HTX Chịu lỗi" }, trainingClass: null });
      expect(open.errors).to.have.length(1);
      expect(open.errors![0].message).to.equal("The outreach service is unavailable");
      expect(open.errors![0].extensions).to.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "outreach" });
      expect(JSON.stringify(open)).not.to.match(INTERNALS);
      // Functional, not a speed figure: the open circuit did not wait for the hung subgraph's timeout.
      expect(elapsed).to.be.below(TIMEOUT_MS / 2);
      expect(await metrics()).to.match(/subgraph_breaker_rejected_total\{service="outreach"\} [1-9]/);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    // Nothing restarted, nothing reset by hand: the half-open probe finds outreach answering again.
    await eventually("the outreach circuit closes by itself", async () => (await query(ACROSS, { code: cooperative.code }, officer())).errors === undefined, 30_000);
    const after = await metrics();
    expect(after).to.contain(`subgraph_breaker_state{service="outreach",state="closed"} 1`);
    expect(after).to.match(/subgraph_breaker_opened_total\{service="outreach"\} [1-9]/);
    expect(after).to.contain(`subgraph_breaker_state{service="registry",state="closed"} 1`);
  });

  it("reports not-ready while PostgreSQL is down, masks the failure, and serves again afterwards without restarting", async () => {
    const pids = stack.subgraphs.map((s) => s.pid);
    await pg.stop();
    try {
      for (const s of stack.subgraphs) {
        await eventually(`${s.name} not ready`, async () => (await status(new URL("/ready", s.url).toString())) === 503, 20_000);
      }
      const during = await query(ACROSS, { code: cooperative.code });
      expect(during.status).to.equal(200);
      expect(during.data).to.deep.equal({ cooperativeByCode: null, trainingClass: null });
      for (const error of during.errors!) {
        expect(error.message).to.equal("The database is unavailable; try again later");
        expect(error.extensions).to.include({ code: "DATABASE_UNAVAILABLE" });
        expect(error.extensions!.correlationId).to.match(/^[0-9a-f-]{36}$/);
      }
      expect(JSON.stringify(during)).not.to.match(INTERNALS);
      // The correlation id is in the subgraph's log beside the detail.
      const id = during.errors![0].extensions!.correlationId as string;
      expect(lines.some((line) => line.includes(id))).to.equal(true);
    } finally {
      await pg.start();
    }
    for (const s of stack.subgraphs) {
      await eventually(`${s.name} ready again`, async () => (await status(new URL("/ready", s.url).toString())) === 200, 60_000);
    }
    await eventually("queries answered again", async () => (await query(ACROSS, { code: cooperative.code })).errors === undefined, 30_000);
    const mutation = await query(
      `mutation ($input: AdmitToAllianceInput!) { admitToAlliance(input: $input) { cooperative { isAllianceMember } } }`,
      { input: { cooperativeId: cooperative.id, joinedOn: "2021-03-01" } },
      officer(),
    );
    expect(mutation.errors).to.equal(undefined);
    expect(stack.subgraphs.map((s) => s.pid), "no subgraph was restarted").to.deep.equal(pids);
  });

  describe("SIGTERM drains the request in flight", () => {
    let db: Client;
    beforeEach(async () => {
      db = new Client({ connectionString: subgraph("registry").databaseUrl });
      await db.connect();
    });
    afterEach(async () => {
      await db.query("ROLLBACK").catch(() => undefined);
      await db.end();
    });

    /** Holds the cooperative's row lock so that updateCooperative waits in the middle of its work. */
    async function holdRowAndSendUpdate(url = stack.gatewayUrl, headers: Record<string, string> = {}) {
      await db.query("BEGIN");
      const { rows } = await db.query(`SELECT version FROM cooperative WHERE id = $1 FOR UPDATE`, [cooperative.id]);
      let settled: unknown;
      const inFlight = graphql(
        `mutation ($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { name version } } }`,
        { input: { id: cooperative.id, version: rows[0].version, legalRepresentative: `Người đại diện ${rows[0].version + 1}` } },
        officer(),
        { url, headers },
      );
      void inFlight.then((answer) => (settled = answer));
      await eventually("the update waits for the row lock", async () => {
        if (settled) throw new Error(`the update answered at once: ${JSON.stringify(settled)}`);
        const waiting = await db.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'camau-registry' AND wait_event_type = 'Lock'`);
        return Number(waiting.rows[0].n) > 0;
      }, 20_000);
      // Wrapped: an async function returning the promise itself would wait for it.
      return { p: inFlight };
    }

    it("in a subgraph: the slow mutation still gets its answer, then the process exits", async () => {
      // Straight to the subgraph (as the gateway calls it), so no gateway timeout bounds the wait.
      const inFlight = await holdRowAndSendUpdate(subgraph("registry").url, { [GATEWAY_SECRET_HEADER]: gatewaySecret() });
      const seen = lines.length;
      const stopping = stack.stopSubgraph("registry");
      await eventually("registry received SIGTERM", async () => lines.slice(seen).some((l) => /\[registry\] SIGTERM: draining/.test(l)), 10_000);
      await db.query("COMMIT");
      const answer = await inFlight.p;
      expect(answer.errors, JSON.stringify(answer.errors)).to.equal(undefined);
      expect((answer.data as { updateCooperative: { cooperative: { version: number } } }).updateCooperative.cooperative.version).to.be.a("number");
      await stopping;
      expect(subgraph("registry").pid).to.equal(undefined);
      await stack.startSubgraph("registry");
      expect((await query(ACROSS, { code: cooperative.code })).errors).to.equal(undefined);
    });

    it("in the gateway: the slow request still gets its answer, then the gateway exits", async () => {
      const pid = stack.gatewayPid!;
      const inFlight = await holdRowAndSendUpdate();
      const seen = lines.length;
      process.kill(pid, "SIGTERM");
      await eventually("gateway received SIGTERM", async () => lines.slice(seen).some((l) => /\[gateway\] SIGTERM: draining/.test(l)), 10_000);
      await db.query("COMMIT");
      const answer = await inFlight.p;
      expect(answer.errors, JSON.stringify(answer.errors)).to.equal(undefined);
      await eventually("the gateway exited", async () => stack.gatewayPid === undefined, 20_000);
      // The subgraphs never saw a secretless request meanwhile: they still answer only the gateway.
      const direct = await fetch(subgraph("registry").url, { method: "POST", headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret() }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(direct.status).to.equal(200);
    });
  });
});
