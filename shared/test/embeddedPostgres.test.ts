import { processAlive } from "../src";
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Client } from "pg";
import { startRestartablePostgres } from "../src/testing";

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe("embedded PostgreSQL: stop and start again", function () {
  this.timeout(120_000);

  it("stops, starts again on the same data and port, and stop() returns even when postgres already died", async () => {
    const pg = await startRestartablePostgres("shared");
    try {
      const setup = new Client({ connectionString: pg.url });
      await setup.connect();
      await setup.query("CREATE TABLE kept (n int)");
      await setup.query("INSERT INTO kept VALUES (42)");
      await setup.end();

      await pg.stop();
      expect(await answers(pg.url)).to.equal(false);
      await pg.start();
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      expect((await client.query("SELECT n FROM kept")).rows).to.deep.equal([{ n: 42 }]);
      await client.end();

      // postgres dies on its own (here: SIGKILL): stop() must not wait for an exit already past.
      const pid = Number(readFileSync(path.join(pg.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      while (processAlive(pid)) await delay(50);
      await pg.stop();
    } finally {
      await pg.remove();
    }
  });
});
