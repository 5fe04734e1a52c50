import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { DocumentNode, Kind, parse } from "graphql";
import { operations } from "./operations";

/**
 * `node bench/dist/src/operationModelCpu.js`
 *
 * CPU per request of the step the gateway's operation memo (gateway/src/operationMemo.ts) takes
 * off: executeQueryPlan's `operationFromDocument(apiSchema, …, { validate: false })`, for each
 * operation of the benchmark against the committed supergraph's API schema, built every time
 * (as @apollo/gateway does) and looked up in the memo, alternating batches in one process. No
 * server and no load: a loaded machine moves both sides alike, so the ratio holds.
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
type Build = (schema: unknown, document: DocumentNode, options: { validate: false }) => unknown;

function main(): void {
  const fromGateway = createRequire(require.resolve("@apollo/gateway", { paths: [path.join(REPO_ROOT, "gateway")] }));
  const internals = fromGateway("@apollo/federation-internals") as { Supergraph: { build(sdl: string): { apiSchema(): unknown } } };
  const operationsModule = fromGateway("@apollo/federation-internals/dist/operations") as { operationFromDocument: Build };
  const everyTime = operationsModule.operationFromDocument;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { memoizeOperationModels } = require(path.join(REPO_ROOT, "gateway", "dist", "src", "operationMemo.js")) as { memoizeOperationModels(): boolean };
  if (!memoizeOperationModels()) throw new Error("the operation memo is not in place");
  const memoized = operationsModule.operationFromDocument;
  const apiSchema = internals.Supergraph.build(readFileSync(path.join(REPO_ROOT, "gateway", "supergraph.graphql"), "utf8")).apiSchema();
  const samples = { filters: [{ districtCode: "x", sectorCode: "y" }], cooperativeIds: ["x"], hasFund: true };
  const calls = 200;
  const rounds = 12;
  const warmupRounds = 2;
  for (const op of operations(samples)) {
    const document = parse(op.query);
    // As executeQueryPlan passes it: the operation, then the fragments.
    const executed: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION), ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
    const cpuMs = { everyTime: 0, memoized: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 ? (["memoized", "everyTime"] as const) : (["everyTime", "memoized"] as const)) {
        const build = name === "memoized" ? memoized : everyTime;
        const start = process.cpuUsage();
        for (let i = 0; i < calls; i++) build(apiSchema, executed, { validate: false });
        const used = process.cpuUsage(start);
        if (round >= warmupRounds) cpuMs[name] += (used.user + used.system) / 1000;
      }
    }
    const per = (name: keyof typeof cpuMs) => (cpuMs[name] / ((rounds - warmupRounds) * calls)).toFixed(4);
    process.stdout.write(`${op.name.padEnd(16)} CPU ms per request: built every time ${per("everyTime")}, memoized ${per("memoized")}\n`);
  }
}

main();
