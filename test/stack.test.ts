import { processAlive } from "@camau/shared";
import { expect } from "chai";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@camau/shared/testing";
import { startStack } from "../scripts/stack";

/** A stand-in service folder whose dist/src/main.js is the given script. */
async function fakeService(root: string, name: string, source: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, "dist", "src"), { recursive: true });
  await writeFile(path.join(dir, "dist", "src", "main.js"), source);
  return dir;
}

describe("startStack failures", () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "camau-stack-"));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("fails with the service's own output when it exits before it is ready, and leaves nothing running", async () => {
    const healthy = await fakeService(
      root,
      "healthy",
      `require("node:http").createServer((q, r) => r.end("{}")).listen(Number(process.env.PORT), "127.0.0.1");
       require("node:fs").writeFileSync(${JSON.stringify(path.join(root, "healthy.pid"))}, String(process.pid));
       process.on("SIGTERM", () => process.exit(0));`,
    );
    const broken = await fakeService(root, "broken", `console.error("cannot reach the database: ECONNREFUSED"); process.exit(3);`);
    const healthyPort = await freePort();
    let failure: unknown;
    try {
      await startStack({
        subgraphs: [
          { name: "healthy", port: healthyPort, dir: healthy },
          { name: "broken", port: await freePort(), dir: broken },
        ],
        databaseServerUrl: "postgres://nobody@127.0.0.1:1/postgres",
        gatewayPort: await freePort(),
        log: () => undefined,
        readyTimeoutMs: 20_000,
      });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain("broken exited (3) before it was ready");
    expect(String(failure)).to.contain("cannot reach the database: ECONNREFUSED");
    const pid = Number(await readFile(path.join(root, "healthy.pid"), "utf8").catch(() => "0"));
    if (pid) expect(processAlive(pid), "the healthy service was stopped").to.equal(false);
    const answer = await fetch(`http://127.0.0.1:${healthyPort}/ready`).then(
      () => "answered",
      () => "refused",
    );
    expect(answer).to.equal("refused");
  });
});
