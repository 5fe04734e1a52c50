import { parseArgs } from "node:util";
import { memoryOf } from "./procStats";

/**
 * Memory of the open-data downloads (docs/performance.md, "Open data"): downloads each file from
 * a running gateway, reading the body as it comes (the client keeps nothing), while sampling the
 * resident memory of the given processes every 20 ms; prints, per file, its size, its time and
 * each process's peak RSS during the download beside its RSS before it.
 *
 *   npm run bench:open-data -- --url http://127.0.0.1:4000 --pid gateway=<pid> --pid registry=<pid> [--file cooperatives.csv ...]
 */
const USAGE = "usage: npm run bench:open-data -- --url GATEWAY_BASE_URL --pid NAME=PID [--pid NAME=PID ...] [--file DATASET.FORMAT ...]";

const DEFAULT_FILES = ["cooperative-unions.csv", "cooperatives.csv", "cooperatives.jsonl", "cooperative-groups.csv", "cooperative-groups.jsonl", "training-classes.jsonl", "products.csv", "report-figures.csv"];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { url: { type: "string" }, pid: { type: "string", multiple: true }, file: { type: "string", multiple: true } },
  });
  if (!values.url || !values.pid?.length) throw new Error(USAGE);
  const pids = values.pid.map((entry) => {
    const [name, pid] = entry.split("=");
    if (!name || !Number(pid)) throw new Error(USAGE);
    return { name, pid: Number(pid) };
  });
  const header = ["file", "bytes", "rows", "seconds", ...pids.flatMap((p) => [`${p.name} RSS before (MiB)`, `${p.name} peak RSS during (MiB)`])];
  process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
  for (const file of values.file ?? DEFAULT_FILES) {
    const before = pids.map((p) => memoryOf(p.pid)?.rssMiB ?? NaN);
    const peaks = [...before];
    const sampler = setInterval(() => {
      pids.forEach((p, i) => (peaks[i] = Math.max(peaks[i], memoryOf(p.pid)?.rssMiB ?? NaN)));
    }, 20);
    const started = Date.now();
    const response = await fetch(new URL(`/open-data/${file}`, values.url));
    if (!response.ok || !response.body) throw new Error(`${file}: HTTP ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    clearInterval(sampler);
    pids.forEach((p, i) => (peaks[i] = Math.max(peaks[i], memoryOf(p.pid)?.rssMiB ?? NaN)));
    const rows = file.endsWith(".csv") ? lines - 1 : lines;
    const cells = [file, bytes.toLocaleString("en-US"), rows.toLocaleString("en-US"), ((Date.now() - started) / 1000).toFixed(1), ...pids.flatMap((_, i) => [before[i].toFixed(1), peaks[i].toFixed(1)])];
    process.stdout.write(`| ${cells.join(" | ")} |\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
