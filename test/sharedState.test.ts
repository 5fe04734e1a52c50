import { closeRedisClient, createRedisClient, RunningGateway, startGateway } from "@camau/gateway";
import { expect } from "chai";
import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { e2eStack } from "./support/stack";

type RedisClientType = ReturnType<typeof createRedisClient>;
import { redisServerAvailable, REDIS_SERVER, startTestRedis, TestRedis } from "./support/redisServer";
import { requireSystemTool } from "@camau/shared/testing";

/**
 * Two gateway replicas behind a load balancer share their persisted queries and cached answers
 * through one real Redis, each with a client of its own; with Redis gone they still answer.
 */
describe("gateway replicas share state through Redis", function () {
  this.timeout(120_000);
  let redis: TestRedis | undefined;
  const clients: RedisClientType[] = [];
  const gateways: RunningGateway[] = [];
  const log: string[] = [];
  let first: RunningGateway;
  let second: RunningGateway;
  let alone: RunningGateway;

  const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await delay(50);
    }
  };

  before(async function () {
    this.timeout(240_000);
    requireSystemTool(this, redisServerAvailable(), REDIS_SERVER, "apt-get install redis-server");
    const stack = await e2eStack();
    const subgraphUrls = Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.url]));
    redis = await startTestRedis();
    const replica = async (client: RedisClientType | null) => {
      const gateway = await startGateway({ port: 0, subgraphUrls, redis: client, responseCache: { ttlMs: 60_000 } });
      gateways.push(gateway);
      return gateway;
    };
    for (let i = 0; i < 2; i++) clients.push(createRedisClient(redis.url, (line) => log.push(line)));
    await until("both Redis clients connected", () => clients.every((c) => c.isReady));
    first = await replica(clients[0]);
    second = await replica(clients[1]);
    // A replica with its state in memory: what the other two would be without Redis.
    alone = await replica(null);
  });

  after(async function () {
    if (redis?.pid) process.kill(redis.pid, "SIGCONT");
    for (const gateway of gateways) await gateway.stop().catch(() => undefined);
    for (const client of clients) await closeRedisClient(client);
    await redis?.stop();
  });

  const post = async (gateway: RunningGateway, body: Record<string, unknown>) => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, cache: response.headers.get("x-response-cache"), ...json };
  };
  const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } });
  /** The report of the first half of 2021 under an operation name of the test's own: a key no other test stored. */
  const report = (name: string) => `query ${name} { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount } }`;

  it("serves by its hash alone, on the other replica, a query registered through one", async () => {
    const query = `query SharedPersisted { collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { cooperativeCount } }`;
    const extensions = persisted(query);
    expect((await post(second, { extensions })).errors![0].extensions!.code).to.equal("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(first, { query, extensions });
    expect(registered.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    const byHash = await post(second, { extensions });
    expect(byHash.errors).to.equal(undefined);
    expect(byHash.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    // Registered documents expire: clients may register any number of them.
    const [key] = await clients[0].keys(`camau:apq::*${extensions.persistedQuery.sha256Hash}`);
    expect(await clients[0].pTTL(key)).to.be.above(0);
    // A replica without the shared store does not know it.
    expect((await post(alone, { extensions })).errors![0].extensions!.code).to.equal("PERSISTED_QUERY_NOT_FOUND");
  });

  it("serves from the other replica an anonymous answer cached by one", async () => {
    const query = report("CachedOnOne");
    const stored = await post(first, { query });
    expect(stored.cache).to.equal("miss");
    const again = await post(second, { query });
    expect(again.cache).to.equal("hit");
    expect(again.data).to.deep.equal(stored.data);
    expect((await post(alone, { query })).cache).to.equal("miss");
    // Stored under the supergraph's hash, and expiring with the TTL: Redis does not fill up with old answers.
    const keys = await clients[0].keys("camau:response:*");
    expect(keys).not.to.be.empty;
    for (const key of keys) {
      expect(key).to.match(/^camau:response:[0-9a-f]{16}::/);
      expect(await clients[0].pTTL(key)).to.be.above(0).and.at.most(60_000);
    }
  });

  it("answers while Redis hangs (SIGSTOP): a cache that does not answer is a miss", async () => {
    const pid = redis!.pid!;
    process.kill(pid, "SIGSTOP");
    try {
      const answer = await post(first, { query: report("WhileRedisHangs") });
      expect(answer.status).to.equal(200);
      expect(answer.errors).to.equal(undefined);
      expect(answer.cache).to.equal("miss");
      expect(answer.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
    } finally {
      process.kill(pid, "SIGCONT");
    }
  });

  it("answers every query while Redis is down, and shares again once it is back", async () => {
    await redis!.stop();
    try {
      await until("the clients see Redis gone", () => clients.every((c) => !c.isReady));
      const query = report("WhileRedisDown");
      for (const gateway of [first, second]) {
        const answer = await post(gateway, { query });
        expect(answer.status).to.equal(200);
        expect(answer.errors).to.equal(undefined);
        expect(answer.cache).to.equal("miss");
        expect(answer.data.collectiveEconomyReport.cooperativeCount).to.equal(275);
      }
      // Persisted queries degrade to "send the document": the client's usual retry works.
      const fresh = report("PersistedWhileRedisDown");
      const byHash = await post(second, { extensions: persisted(fresh) });
      expect(byHash.status).to.equal(200);
      expect(byHash.errors![0].extensions!.code).to.equal("PERSISTED_QUERY_NOT_FOUND");
      expect((await post(second, { query: fresh, extensions: persisted(fresh) })).data.collectiveEconomyReport.cooperativeCount).to.equal(275);
      expect(log.some((line) => /Redis at redis:\/\/127\.0\.0\.1:\d+ unavailable/.test(line))).to.equal(true);
    } finally {
      await redis!.start();
    }
    await until("the clients reconnect", () => clients.every((c) => c.isReady));
    const query = report("AfterRedisBack");
    expect((await post(second, { query })).cache).to.equal("miss");
    expect((await post(first, { query })).cache).to.equal("hit");
    expect(log.some((line) => /available again/.test(line))).to.equal(true);
  });
});
