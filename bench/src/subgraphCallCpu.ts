import http from "node:http";
import path from "node:path";
import { AddressInfo } from "node:net";

/**
 * `node bench/dist/src/subgraphCallCpu.js <before>/gateway/dist/src/subgraphDataSource.js`
 *
 * CPU per subgraph call of the gateway's SubgraphDataSource against another build of it (e.g. a
 * copy of gateway/dist saved before a change; it needs gateway/node_modules beside it), in one
 * process, alternating batches: a fake subgraph on loopback answers an `_entities` batch of 20
 * as the portal list's trade call does. The fake server's own CPU is in both figures alike.
 * Loaded machines move both sides together, so the ratio holds where requests/s do not.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
type Source = { process(options: unknown): Promise<{ data?: unknown }> };
type SourceClass = new (options: { name: string; url: string; gatewaySecret: string; timeoutMs: number }) => Source;

async function main(): Promise<void> {
  const beforePath = process.argv[2];
  if (!beforePath) throw new Error("usage: subgraphCallCpu.js <other build>/gateway/dist/src/subgraphDataSource.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (file: string) => (require(path.resolve(file)) as { SubgraphDataSource: SourceClass }).SubgraphDataSource;
  const builds: Record<"before" | "after", SourceClass> = { before: load(beforePath), after: load(path.join(REPO_ROOT, "gateway", "dist", "src", "subgraphDataSource.js")) };
  const answer = JSON.stringify({ data: { _entities: Array.from({ length: 20 }, (_, i) => ({ __typename: "Cooperative", ocopProductCount: i })) } });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const sources = { before: new builds.before({ name: "trade", url, gatewaySecret: "bench", timeoutMs: 5_000 }), after: new builds.after({ name: "trade", url, gatewaySecret: "bench", timeoutMs: 5_000 }) };
    const query = "query($representations:[_Any!]!){_entities(representations:$representations){...on Cooperative{ocopProductCount}}}";
    const variables = { representations: Array.from({ length: 20 }, (_, i) => ({ __typename: "Cooperative", id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` })) };
    const call = (source: Source) =>
      source.process({ kind: "incoming operation", request: { query, variables }, context: { requestId: "bench", clientAddress: "bench" }, incomingRequestContext: { overallCachePolicy: {} }, pathInIncomingRequest: [] });
    const cpuMs = { before: 0, after: 0 };
    const calls = 400;
    const rounds = 12;
    const warmupRounds = 2;
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 ? (["after", "before"] as const) : (["before", "after"] as const)) {
        const start = process.cpuUsage();
        for (let i = 0; i < calls; i++) if (!(await call(sources[name])).data) throw new Error(`${name}: no data`);
        const used = process.cpuUsage(start);
        if (round >= warmupRounds) cpuMs[name] += (used.user + used.system) / 1000;
      }
    }
    const per = (name: "before" | "after") => (cpuMs[name] / ((rounds - warmupRounds) * calls)).toFixed(3);
    process.stdout.write(`CPU ms per subgraph call (client and fake subgraph): before ${per("before")}, after ${per("after")}, after/before ${(cpuMs.after / cpuMs.before).toFixed(2)}\n`);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
