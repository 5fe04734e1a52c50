import { expect } from "chai";
import { dropDatabase, freePort, freshDatabase, GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS } from "@camau/shared";
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
});
