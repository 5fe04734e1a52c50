import { expect } from "chai";
import { setTimeout as delay } from "node:timers/promises";
import { SubgraphBreaker } from "../src/subgraphBreaker";
import { SubgraphUnavailableError } from "../src/subgraphErrors";

describe("subgraph circuit breaker", () => {
  const failed = (answer: { status: number }) => answer.status >= 500;
  const answer = (status: number) => async () => ({ status });
  const refused = async (): Promise<{ status: number }> => {
    throw new SubgraphUnavailableError("fund", "could not be reached");
  };
  let breaker: SubgraphBreaker;
  afterEach(() => breaker.shutdown());

  it("counts 5xx answers as failures but hands them to the caller, then fails fast while open", async () => {
    breaker = new SubgraphBreaker("fund", { errorThresholdPercentage: 50, volumeThreshold: 3, resetTimeoutMs: 60_000 }, () => undefined);
    expect(await breaker.run(answer(200), failed)).to.deep.equal({ status: 200 });
    expect(await breaker.run(answer(503), failed)).to.deep.equal({ status: 503 });
    expect(breaker.state).to.equal("closed");
    await breaker.run(refused, failed).catch(() => undefined);
    expect(breaker.state).to.equal("open");
    let called = false;
    const error = await breaker.run(async () => ((called = true), { status: 200 }), failed).catch((e: unknown) => e);
    expect(called, "an open circuit does not call the subgraph").to.equal(false);
    expect(error).to.be.instanceOf(SubgraphUnavailableError);
    expect((error as SubgraphUnavailableError).message).to.equal("The fund service is unavailable");
    expect((error as SubgraphUnavailableError).extensions).to.deep.include({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "fund" });
    expect(breaker.opened).to.equal(1);
    expect(breaker.rejected).to.equal(1);
  });

  it("never opens on 4xx answers or below the volume threshold", async () => {
    breaker = new SubgraphBreaker("fund", { errorThresholdPercentage: 50, volumeThreshold: 3, resetTimeoutMs: 60_000 }, () => undefined);
    for (let i = 0; i < 5; i++) await breaker.run(answer(401), failed);
    expect(breaker.state).to.equal("closed");
    breaker.shutdown();
    breaker = new SubgraphBreaker("fund", { errorThresholdPercentage: 50, volumeThreshold: 3, resetTimeoutMs: 60_000 }, () => undefined);
    await breaker.run(refused, failed).catch(() => undefined);
    await breaker.run(refused, failed).catch(() => undefined);
    expect(breaker.state).to.equal("closed");
  });

  it("lets one probe through after the reset time and closes when it succeeds", async () => {
    const lines: string[] = [];
    breaker = new SubgraphBreaker("fund", { errorThresholdPercentage: 50, volumeThreshold: 1, resetTimeoutMs: 50 }, (line) => lines.push(line));
    await breaker.run(refused, failed).catch(() => undefined);
    expect(breaker.state).to.equal("open");
    while (breaker.state === "open") await delay(10);
    expect(breaker.state).to.equal("half_open");
    expect(await breaker.run(answer(200), failed)).to.deep.equal({ status: 200 });
    expect(breaker.state).to.equal("closed");
    expect(lines).to.deep.equal([
      "circuit of the fund service open: its fields fail at once for 50 ms",
      "circuit of the fund service half-open: one call probes it",
      "circuit of the fund service closed: it answers again",
    ]);
  });
});
