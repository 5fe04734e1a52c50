import { dropDatabase, GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS, withDatabase } from "@camau/shared";
import { freePort, testServerUrl } from "@camau/shared/testing";
import { expect } from "chai";
import http from "node:http";
import net from "node:net";
import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { Client } from "pg";
import { ChildService } from "../scripts/lib/childService";
import { mainScriptOf, REPO_ROOT } from "../scripts/lib/paths";
import { waitUntilReady } from "../scripts/lib/waitUntilReady";

/**
 * A rolling update as Kubernetes runs it, on a real subgraph process (its built output, as in
 * production): SIGTERM makes /ready 503 at once while the process keeps serving for the
 * readiness delay, answers carry `Connection: close`, then it stops accepting, lets the slow
 * request in flight finish, and exits 0. The gateway runs the same code (shared's gracefulShutdown.ts).
 */
describe("graceful shutdown of a subgraph process (rolling updates)", function () {
  this.timeout(180_000);
  const READINESS_DELAY_MS = 4_000;
  const DRAIN_TIMEOUT_MS = 20_000;
  const registry = SUBGRAPHS.find((s) => s.name === "registry")!;
  let databaseUrl: string;
  let port: number;
  let service: ChildService | undefined;
  let db: Client | undefined;
  const lines: string[] = [];

  before(async function () {
    this.timeout(180_000);
    databaseUrl = withDatabase(await testServerUrl(), `shutdown_${randomBytes(4).toString("hex")}_registry`);
  });

  after(async function () {
    await db?.query("ROLLBACK").catch(() => undefined);
    await db?.end().catch(() => undefined);
    await service?.stop();
    await dropDatabase(databaseUrl).catch(() => undefined);
  });

  const start = async (env: Record<string, string>) => {
    port = await freePort();
    service = new ChildService({
      name: "registry",
      script: mainScriptOf(registry.dir),
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), REGISTRY_DATABASE_URL: databaseUrl, CREATE_DATABASE: "true", MIGRATE_ON_START: "true", SEED_IF_EMPTY: "false", ...env },
      log: (line) => {
        lines.push(line);
        if (process.env.E2E_LOG) process.stdout.write(`      ${line}\n`);
      },
    });
    await waitUntilReady(service, `http://127.0.0.1:${port}/ready`, 120_000);
    return service;
  };

  /** One request on a connection of its own, with the raw response headers (fetch hides Connection). */
  const request = (path: string, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path, method: body ? "POST" : "GET", agent: false, headers: body ? { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret() } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const graphql = (query: string) => request("/graphql", JSON.stringify({ query }));
  const accepting = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await delay(50);
    }
  };

  it("turns not-ready at once, serves through the delay, finishes the slow request, and exits 0", async () => {
    const running = await start({ SHUTDOWN_READINESS_DELAY_MS: String(READINESS_DELAY_MS), SHUTDOWN_DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS) });
    // Held table lock: the read below waits inside the subgraph until the lock is released.
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query("BEGIN");
    await db.query("LOCK TABLE cooperative IN ACCESS EXCLUSIVE MODE");
    const slow = graphql(`{ cooperatives(first: 1) { totalCount } }`);
    await until(
      "the read waits for the lock",
      async () => Number((await db!.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'camau-registry' AND wait_event_type = 'Lock'`)).rows[0].n) > 0,
      20_000,
    );

    const signalledAt = Date.now();
    process.kill(running.pid!, "SIGTERM");
    await until("/ready answers 503", async () => (await request("/ready")).status === 503, 2_000);
    // Still serving during the delay, and telling keep-alive clients to go elsewhere.
    const during = await graphql("{ __typename }");
    expect(during.status).to.equal(200);
    expect(JSON.parse(during.body)).to.deep.equal({ data: { __typename: "Query" } });
    expect(during.headers.connection).to.equal("close");
    expect(running.running).to.equal(true);

    // After the delay it stops accepting; the request in flight is still waiting for its answer.
    await until("the port is closed", async () => !(await accepting()), READINESS_DELAY_MS + 10_000);
    expect(running.running).to.equal(true);
    await db.query("ROLLBACK");
    const answer = await slow;
    expect(answer.status).to.equal(200);
    expect(JSON.parse(answer.body).data.cooperatives.totalCount).to.equal(0);

    expect(await running.exited).to.equal(0);
    // The functional bound (not a speed figure): it left before the drain timeout would have cut anything.
    expect(Date.now() - signalledAt).to.be.below(READINESS_DELAY_MS + DRAIN_TIMEOUT_MS);
    expect(lines.some((line) => /\[registry\] SIGTERM: draining and stopping/.test(line))).to.equal(true);
  });

  it("cuts a request that outlasts the drain timeout and still exits 0", async () => {
    const running = await start({ SHUTDOWN_READINESS_DELAY_MS: "0", SHUTDOWN_DRAIN_TIMEOUT_MS: "1000" });
    await db!.query("BEGIN");
    await db!.query("LOCK TABLE cooperative IN ACCESS EXCLUSIVE MODE");
    const stuck = graphql(`{ cooperatives(first: 1) { totalCount } }`).then(
      () => "answered",
      () => "cut",
    );
    await until(
      "the read waits for the lock",
      async () => Number((await db!.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'camau-registry' AND wait_event_type = 'Lock'`)).rows[0].n) > 0,
      20_000,
    );
    process.kill(running.pid!, "SIGTERM");
    expect(await running.exited).to.equal(0);
    expect(await stuck).to.equal("cut");
    await db!.query("ROLLBACK");
  });
});
