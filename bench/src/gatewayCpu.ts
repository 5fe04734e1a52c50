import autocannon from "autocannon";
import { Role, signToken } from "@camau/shared";
import { freePort } from "@camau/shared/testing";
import {
  buildSchema,
  FieldNode,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
} from "graphql";
import { ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as delay } from "node:timers/promises";
import { LIST_REGISTRY_QUERY, operations } from "./operations";
import { cpuSecondsOf } from "./procStats";

/**
 * `node bench/dist/src/gatewayCpu.js --variant-main PATH [--only list,reference] [--seconds 8] [--rounds 6] [--label L]`
 *
 * The gateway's CPU per request alone, ours against another build of it (PATH: its main.js, e.g.
 * a copy of gateway/dist saved before a change): both gateways run as processes of their own in
 * front of the same fake subgraphs, which answer every subgraph query at once with values of the
 * right types shaped by the query (lists of objects 20 long, entities one per representation), so
 * neither PostgreSQL nor the real subgraphs share the machine. Rounds alternate between the two;
 * CPU is each gateway process's utime + stime from /proc over its rounds. Writes
 * bench/results/<date>-gateway-cpu[-label].json. Load goes to 127.0.0.1 only, bounded in time.
 *
 * `--bare-proxy` adds, for `reference` and `list`, the floor: `bareProxy.ts` (no GraphQL, node:http
 * only) in front of the same fakes, piping `reference` to the registry's fake and doing the list's
 * two hops. Without --variant-main only ours runs beside it. `--rate N` holds every target at N
 * requests/s (CPU per request compares at one rate only).
 */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const say = (line: string) => process.stdout.write(`${line}\n`);

/** An answer of the right shape for a subgraph query, from the supergraph's types. */
export function fakeAnswer(schema: GraphQLSchema, query: string, variables: Record<string, unknown>): unknown {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  let counter = 0;
  const scalar = (name: string): unknown => {
    switch (name) {
      case "Int":
        return 3;
      case "Float":
        return 1.5;
      case "Boolean":
        return true;
      case "ID":
        return `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
      case "Date":
        return "2021-03-01";
      case "DateTime":
        return "2021-03-01T00:00:00.000Z";
      default:
        return `Hợp tác xã ${++counter}`;
    }
  };
  const objectOf = (type: GraphQLObjectType, selectionSet: SelectionSetNode): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name || isAbstractType(schema.getType(selection.typeCondition.name.value))) Object.assign(out, objectOf(type, selection.selectionSet));
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      if (selection.name.value === "__typename") out[key] = type.name;
      else out[key] = valueOf(type.getFields()[selection.name.value].type, selection);
    }
    return out;
  };
  const valueOf = (type: GraphQLOutputType, field: FieldNode): unknown => {
    if (isNonNullType(type)) return valueOf(type.ofType, field);
    if (isListType(type)) {
      const item = type.ofType as GraphQLOutputType;
      const named = (isNonNullType(item) ? item.ofType : item) as GraphQLNamedType;
      return Array.from({ length: isObjectType(named) || isAbstractType(named) ? 20 : 2 }, () => valueOf(item, field));
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isAbstractType(type)) return objectOf(schema.getPossibleTypes(type)[0], field.selectionSet!);
    if (isObjectType(type)) return objectOf(type, field.selectionSet!);
    return scalar(type.name);
  };
  const data: Record<string, unknown> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "_entities") {
      const representations = variables.representations as { __typename: string }[];
      data[key] = representations.map((r) => objectOf(schema.getType(r.__typename) as GraphQLObjectType, selection.selectionSet!));
    } else if (selection.name.value === "__typename") {
      data[key] = "Query";
    } else {
      data[key] = valueOf(schema.getQueryType()!.getFields()[selection.name.value].type, selection);
    }
  }
  return { data };
}

async function startFakeSubgraphs(supergraph: string): Promise<{ supergraph: string; servers: http.Server[] }> {
  const schema = buildSchema(supergraph, { assumeValidSDL: true });
  const servers: http.Server[] = [];
  let rewritten = supergraph;
  // The load repeats one body per operation: each answer is computed once, so the fakes cost next to nothing.
  const answers = new Map<string, string>();
  for (const match of supergraph.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let answer = answers.get(text);
        if (answer === undefined) {
          const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
          answer = JSON.stringify(fakeAnswer(schema, body.query, body.variables ?? {}));
          if (answers.size < 10_000) answers.set(text, answer);
        }
        res.setHeader("content-type", "application/json");
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    rewritten = rewritten.replace(match[0], `join__graph(name: "${match[1]}", url: "http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql")`);
  }
  return { supergraph: rewritten, servers };
}

async function startGatewayProcess(main: string, supergraphPath: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, FAIR_USE: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${main} did not start`);
    const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok, () => false);
    if (ok) return { child, url };
    await delay(200);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "variant-main": { type: "string" },
      only: { type: "string", default: "list,reference,search,profile" },
      seconds: { type: "string", default: "8" },
      rounds: { type: "string", default: "6" },
      connections: { type: "string", default: "8" },
      label: { type: "string" },
      "bare-proxy": { type: "boolean", default: false },
      rate: { type: "string" },
    },
  });
  if (!values["variant-main"] && !values["bare-proxy"]) throw new Error("usage: gatewayCpu.js (--variant-main PATH | --bare-proxy) [--only op,op] [--seconds S] [--rounds R] [--connections C] [--rate N] [--label L]");
  const rate = values.rate ? Number(values.rate) : undefined;
  const seconds = Math.min(60, Number(values.seconds));
  const rounds = Math.min(20, Number(values.rounds));
  const connections = Math.min(64, Number(values.connections));
  const { supergraph, servers } = await startFakeSubgraphs(readFileSync(path.join(REPO_ROOT, "gateway", "supergraph.graphql"), "utf8"));
  mkdirSync(path.join(REPO_ROOT, ".data", "bench"), { recursive: true });
  const supergraphPath = path.join(REPO_ROOT, ".data", "bench", "supergraph-fake.graphql");
  writeFileSync(supergraphPath, supergraph);
  const builds = [
    { name: "ours", main: path.join(REPO_ROOT, "gateway", "dist", "src", "main.js") },
    ...(values["variant-main"] ? [{ name: "variant", main: path.resolve(values["variant-main"]) }] : []),
  ];
  const gateways: { name: string; main: string; child: ChildProcess; url: string }[] = [];
  let proxy: { child: ChildProcess; url: string } | undefined;
  process.once("SIGINT", () => {
    for (const g of gateways) g.child.kill("SIGTERM");
    proxy?.child.kill("SIGTERM");
    process.exit(130);
  });
  try {
    for (const build of builds) gateways.push({ ...build, ...(await startGatewayProcess(build.main, supergraphPath)) });
    if (values["bare-proxy"]) {
      const fakeUrl = (name: string) => new RegExp(`join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraph)![1];
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(__dirname, "bareProxy.js")], {
        env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", REGISTRY_URL: fakeUrl("registry"), TRADE_URL: fakeUrl("trade"), GATEWAY_SECRET: "bench" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      proxy = { child, url: `http://127.0.0.1:${port}` };
      while (!(await fetch(`${proxy.url}/pipe`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok, () => false))) await delay(100);
    }
    const officer = signToken({ sub: "bench-officer", role: Role.OFFICER }, { expiresIn: "2h" });
    const samples = { filters: [{ districtCode: "CM01", sectorCode: "NN" }], cooperativeIds: ["00000000-0000-4000-8000-000000000001"], hasFund: true };
    const only = new Set(values.only!.split(","));
    const results: Record<string, Record<string, { requests: number; cpuMsPerRequest: number; requestsPerSecond: number }>> = {};
    for (const op of operations(samples).filter((o) => only.has(o.name))) {
      const body = JSON.stringify({ query: op.query, variables: op.variables(0) });
      const headers: Record<string, string> = { "content-type": "application/json", ...(op.asOfficer ? { authorization: `Bearer ${officer}` } : {}) };
      const check = (await (await fetch(gateways[0].url, { method: "POST", headers, body })).json()) as { errors?: { message: string }[] };
      if (check.errors) throw new Error(`${op.name}: ${check.errors[0].message}`);
      const targets = gateways.map((g) => ({ name: g.name, pid: g.child.pid, url: g.url, body }));
      if (proxy && op.name === "reference") targets.push({ name: "bare-proxy", pid: proxy.child.pid, url: `${proxy.url}/pipe`, body });
      if (proxy && op.name === "list") targets.push({ name: "bare-proxy", pid: proxy.child.pid, url: `${proxy.url}/list`, body: JSON.stringify({ query: LIST_REGISTRY_QUERY, variables: op.variables(0) }) });
      const run = (url: string, targetBody: string, duration: number) =>
        autocannon({ url, method: "POST", headers, body: targetBody, connections, duration, ...(rate ? { overallRate: rate } : {}) }) as unknown as Promise<autocannon.Result>;
      for (const t of targets) await run(t.url, t.body, 3);
      const tally = new Map(targets.map((t) => [t.name, { requests: 0, cpu: 0, seconds: 0 }]));
      for (let round = 0; round < rounds; round++) {
        for (const t of round % 2 ? [...targets].reverse() : targets) {
          const before = cpuSecondsOf(t.pid)!;
          const result = await run(t.url, t.body, seconds);
          const tallied = tally.get(t.name)!;
          tallied.cpu += cpuSecondsOf(t.pid)! - before;
          tallied.requests += result["2xx"];
          tallied.seconds += result.duration;
        }
      }
      results[op.name] = Object.fromEntries([...tally].map(([name, t]) => [name, { requests: t.requests, cpuMsPerRequest: Math.round((t.cpu * 1e5) / t.requests) / 100, requestsPerSecond: Math.round(t.requests / t.seconds) }]));
      const ours = results[op.name].ours;
      say(
        `${op.name.padEnd(16)} CPU ms/req ` +
          Object.entries(results[op.name])
            .map(([name, r]) => `${name} ${r.cpuMsPerRequest} at ${r.requestsPerSecond}/s${name === "ours" ? "" : ` (ours/${name} ${(ours.cpuMsPerRequest / r.cpuMsPerRequest).toFixed(2)})`}`)
            .join(", "),
      );
    }
    const file = path.join(REPO_ROOT, "bench", "results", `${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}-gateway-cpu${values.label ? `-${values.label}` : ""}.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), settings: { seconds, rounds, connections, rate: rate ?? null, variantMain: builds[1] ? path.relative(REPO_ROOT, builds[1].main) : null, bareProxy: values["bare-proxy"] }, results }, null, 2)}\n`);
    say(`results written to ${path.relative(REPO_ROOT, file)}`);
  } finally {
    for (const g of gateways) g.child.kill("SIGTERM");
    proxy?.child.kill("SIGTERM");
    for (const server of servers) server.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
