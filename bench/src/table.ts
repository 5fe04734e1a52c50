import { readFileSync } from "node:fs";

/** `node bench/dist/src/table.js bench/results/<file>.json [op,op]`: a results file as a Markdown table (docs/performance.md). */
interface Row {
  operation: string;
  target: string;
  connections?: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  sqlStatementsPerRequest: number;
  gatewayCpuMsPerRequest?: number;
  /** Gateway, each subgraph and PostgreSQL (results from before it existed lack it). */
  cpuMsPerRequest?: Record<string, number>;
  errors: number;
  non2xx: number;
  graphqlErrors?: number;
}
const [file, only] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/dist/src/table.js <results.json> [op,op]");
const data = JSON.parse(readFileSync(file, "utf8")) as {
  results: Row[];
  ratios: Record<string, { throughputOursOverPeer?: number; throughputOursOverRustPeer?: number; p50GatewayOverDirect?: number; p50VariantOverDirect?: number }>;
  settings?: { variantName?: string | null };
  memoryMiB: unknown;
};
const variantName = data.settings?.variantName ?? undefined;
const ops = only ? new Set(only.split(",")) : undefined;
const lines = ["| operation | target | conns | req/s | p50 ms | p95 ms | p99 ms | SQL/req | CPU ms/req: gateway | subgraphs | PostgreSQL | errors | ratio |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|"];
for (const r of data.results) {
  if (ops && !ops.has(r.operation)) continue;
  const ratio = data.ratios[r.operation] ?? {};
  const note =
    r.target === "ours" && (ratio.throughputOursOverPeer !== undefined || ratio.throughputOursOverRustPeer !== undefined)
      ? [
          ratio.throughputOursOverPeer !== undefined ? `ours/peer req/s **${ratio.throughputOursOverPeer}**` : "",
          ratio.throughputOursOverRustPeer !== undefined ? `ours/peer-rust req/s **${ratio.throughputOursOverRustPeer}**` : "",
        ].filter(Boolean).join(", ")
      : r.target === "direct" && ratio.p50GatewayOverDirect !== undefined
        ? `gateway/direct p50 **${ratio.p50GatewayOverDirect}**`
        : r.target === variantName && ratio.p50VariantOverDirect !== undefined
          ? `${variantName}/direct p50 **${ratio.p50VariantOverDirect}**`
          : "";
  const errors = r.errors + r.non2xx + (r.graphqlErrors ?? 0);
  const cpu = r.cpuMsPerRequest ?? {};
  const subgraphs = Object.entries(cpu)
    .filter(([name, ms]) => name !== "gateway" && name !== "postgres" && ms >= 0.01)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(", ");
  lines.push(`| ${r.operation} | ${r.target} | ${r.connections ?? 8} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.sqlStatementsPerRequest} | ${r.gatewayCpuMsPerRequest ?? ""} | ${subgraphs} | ${cpu.postgres ?? ""} | ${errors} | ${note} |`);
}
process.stdout.write(`${lines.join("\n")}\n\nMemory (RSS MiB, current and peak): \`${JSON.stringify(data.memoryMiB)}\`\n`);
