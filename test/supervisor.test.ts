import { expect } from "chai";
import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dropDatabase, GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS } from "@camau/shared";
import { freePort, freshDatabase } from "@camau/shared/testing";
import { restartDelayMs, restartMessage, RestartEvent } from "../scripts/lib/restartPolicy";
import { RunningStack, startStack } from "../scripts/stack";

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm start supervision: restart with backoff", () => {
  it("waits 1 s, 2 s, 4 s ... up to 30 s between consecutive restarts", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => restartDelayMs(attempt))).to.deep.equal([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("says which service exited, how, and when it comes back", () => {
    expect(restartMessage({ name: "registry", code: 1, delayMs: 2000, attempt: 3 })).to.equal("registry exited (code 1); restarting in 2 s (attempt 3)");
    expect(restartMessage({ name: "fund", code: "SIGKILL", delayMs: 1000, attempt: 1 })).to.equal("fund exited (signal SIGKILL); restarting in 1 s (attempt 1)");
  });

  describe("a supervised subgraph", function () {
    this.timeout(180_000);
    let stack: RunningStack | undefined;
    let databaseUrl: string;
    const events: RestartEvent[] = [];
    const registry = SUBGRAPHS.find((s) => s.name === "registry")!;

    const answers = async (): Promise<boolean> => {
      const response = await fetch(stack!.subgraphs[0].url, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret() },
        body: JSON.stringify({ query: "{ sectors { code } }" }),
      });
      const body = (await response.json()) as { data?: { sectors: unknown[] } };
      return (body.data?.sectors.length ?? 0) > 0;
    };

    before(async () => {
      databaseUrl = await freshDatabase("supervisor");
      stack = await startStack({
        subgraphs: [registry],
        databaseUrls: { registry: databaseUrl },
        ports: { registry: await freePort() },
        gateway: false,
        restartOnExit: true,
        onRestart: (event) => events.push(event),
        log: process.env.E2E_LOG ? (line) => process.stdout.write(`      ${line}\n`) : () => undefined,
      });
    });
    after(async () => {
      await stack?.stop();
      if (databaseUrl) await dropDatabase(databaseUrl);
    });

    it("comes back after SIGKILL and answers again; a second crash soon after waits twice as long", async () => {
      const first = stack!.subgraphs[0].pid!;
      process.kill(first, "SIGKILL");
      await eventually("registry restarted", async () => {
        const pid = stack!.subgraphs[0].pid;
        return pid !== undefined && pid !== first && (await answers());
      });
      expect(events.map(restartMessage)).to.deep.equal(["registry exited (signal SIGKILL); restarting in 1 s (attempt 1)"]);

      const second = stack!.subgraphs[0].pid!;
      process.kill(second, "SIGKILL");
      await eventually("registry restarted again", async () => {
        const pid = stack!.subgraphs[0].pid;
        return pid !== undefined && pid !== second && (await answers());
      });
      expect(events.map(restartMessage)[1]).to.equal("registry exited (signal SIGKILL); restarting in 2 s (attempt 2)");
    });

    it("does not restart a subgraph stopped on purpose", async () => {
      const before = events.length;
      await stack!.stopSubgraph("registry");
      // The exit has been handled by the time stopSubgraph returns: no restart was scheduled.
      expect(events.length).to.equal(before);
      expect(stack!.subgraphs[0].pid).to.equal(undefined);
      await stack!.startSubgraph("registry");
      expect(await answers()).to.equal(true);
    });
  });

  describe("a deliberate stop while a restart is still starting", function () {
    this.timeout(60_000);
    let root: string;
    let stack: RunningStack | undefined;
    const events: RestartEvent[] = [];

    before(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), "camau-supervisor-"));
      // A stand-in service that is ready only while the marker file exists.
      const dir = path.join(root, "flaky");
      await mkdir(path.join(dir, "dist", "src"), { recursive: true });
      await writeFile(
        path.join(dir, "dist", "src", "main.js"),
        `const fs = require("node:fs");
         require("node:http").createServer((q, r) => { if (!fs.existsSync(process.env.MARKER)) r.statusCode = 503; r.end("{}"); })
           .listen(Number(process.env.PORT), "127.0.0.1");
         process.on("SIGTERM", () => process.exit(0));`,
      );
      await writeFile(path.join(root, "ready"), "");
      stack = await startStack({
        subgraphs: [{ name: "flaky", port: await freePort(), dir }],
        databaseServerUrl: "postgres://nobody@127.0.0.1:1/postgres",
        gateway: false,
        env: { MARKER: path.join(root, "ready") },
        restartOnExit: true,
        onRestart: (event) => events.push(event),
        log: () => undefined,
        readyTimeoutMs: 30_000,
      });
    });
    after(async () => {
      await stack?.stop();
      await rm(root, { recursive: true, force: true });
    });

    it("leaves the service started on purpose afterwards alone", async () => {
      const first = stack!.subgraphs[0].pid!;
      await unlink(path.join(root, "ready"));
      process.kill(first, "SIGKILL");
      // The restart launches a process that cannot become ready (no marker)...
      await eventually("restart launched", async () => (stack!.subgraphs[0].pid ?? first) !== first);
      expect(events).to.have.length(1);
      // ...which is stopped on purpose, then started again on purpose, ready this time.
      await stack!.stopSubgraph("flaky");
      await writeFile(path.join(root, "ready"), "");
      await stack!.startSubgraph("flaky");
      expect(await (await fetch(new URL("/ready", stack!.subgraphs[0].url))).text()).to.equal("{}");
      // The abandoned restart neither killed it nor scheduled another.
      await stack!.stopSubgraph("flaky");
      expect(events).to.have.length(1);
    });
  });
});
