import { Role, signToken } from "@camau/shared";
import { parseArgs } from "node:util";

/**
 * `npm run bench:flood -- [--url http://127.0.0.1:4000/graphql] [--clients 40] [--aliases 30] [--seconds 20] [--spoof-forwarded-for]`
 *
 * Fair use under a flood, against a running gateway (`npm start`): first a quiet phase in which
 * one client sends a trivial query over and over, then the same client again while `--clients`
 * anonymous clients each send, back to back, a query of `--aliases` aliased
 * `collectiveEconomyReport` fields (within the cost limit). Prints the trivial client's p50/p95
 * in both phases and their ratio, and what the flooders got (answers, 429s with Retry-After).
 * The trivial client is signed in (its own budget, by token subject); the flooders are anonymous,
 * so without a trusted proxy they share their address's budget. With --spoof-forwarded-for each
 * flooder sends its own X-Forwarded-For, which counts only when the gateway runs with TRUST_PROXY.
 * Load goes to the given URL only and is bounded in time.
 */
const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:4000/graphql" },
    clients: { type: "string", default: "40" },
    aliases: { type: "string", default: "30" },
    seconds: { type: "string", default: "20" },
    "spoof-forwarded-for": { type: "boolean", default: false },
  },
});
const url = values.url!;
const clients = Number(values.clients);
const aliases = Number(values.aliases);
const seconds = Number(values.seconds);

const REPORT_FIELDS = "cooperativeCount cooperativeGroupCount memberCount unionCount unionMemberCooperativeCount newCooperativeCount stateManagementClassCount outreachClassCount newAllianceMemberCount fundedProjectCount";
const FLOOD = `{ ${Array.from({ length: aliases }, (_, i) => `r${i}: collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { ${REPORT_FIELDS} }`).join(" ")} }`;
const TRIVIAL = `{ sectors { code } }`;
const trivialToken = signToken({ sub: "flood-bench-trivial-client", role: Role.OFFICER }, { expiresIn: "1h" });

async function post(query: string, headers: Record<string, string>): Promise<{ status: number; ms: number; retryAfter: string | null }> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get("retry-after") };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function trivialFor(ms: number): Promise<{ latencies: number[]; refused: number }> {
  const latencies: number[] = [];
  let refused = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const r = await post(TRIVIAL, { authorization: `Bearer ${trivialToken}` });
    if (r.status === 200) latencies.push(r.ms);
    else refused++;
  }
  return { latencies: latencies.sort((a, b) => a - b), refused };
}

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`flood: ${url}, ${clients} anonymous clients x ${aliases} aliased reports, ${seconds} s per phase${values["spoof-forwarded-for"] ? ", each flooder with its own X-Forwarded-For" : ""}`);
  await trivialFor(1000); // warm-up
  const quiet = await trivialFor(seconds * 1000);

  const flood = { ok: 0, limited: 0, other: 0, latencies: [] as number[], retryAfter: new Set<string>() };
  const until = Date.now() + seconds * 1000;
  const flooders = Array.from({ length: clients }, async (_, i) => {
    const headers: Record<string, string> = values["spoof-forwarded-for"] ? { "x-forwarded-for": `198.51.100.${i + 1}` } : {};
    while (Date.now() < until) {
      const r = await post(FLOOD, headers);
      if (r.status === 200) {
        flood.ok++;
        flood.latencies.push(r.ms);
      } else if (r.status === 429) {
        flood.limited++;
        if (r.retryAfter) flood.retryAfter.add(r.retryAfter);
        // A polite client waits as told; a hostile one would not, and would only get more 429s.
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(r.retryAfter ?? 1), 2) * 1000));
      } else flood.other++;
    }
  });
  const [busy] = await Promise.all([trivialFor(seconds * 1000), ...flooders]);
  flood.latencies.sort((a, b) => a - b);

  const row = (name: string, l: number[]) => `${name.padEnd(22)} n=${String(l.length).padStart(5)}  p50=${percentile(l, 50).toFixed(1).padStart(7)} ms  p95=${percentile(l, 95).toFixed(1).padStart(7)} ms`;
  say(row("trivial, quiet", quiet.latencies));
  say(row("trivial, under flood", busy.latencies) + `  refused=${busy.refused}`);
  say(row("flood answers (200)", flood.latencies) + `  429=${flood.limited} other=${flood.other} retry-after=${[...flood.retryAfter].join(",") || "-"}`);
  say(`trivial p95 under flood / quiet: ${(percentile(busy.latencies, 95) / percentile(quiet.latencies, 95)).toFixed(2)}x`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
