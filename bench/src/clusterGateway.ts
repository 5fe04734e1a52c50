import cluster from "node:cluster";
import path from "node:path";

/**
 * Our gateway in GATEWAY_WORKERS processes (node:cluster) sharing one port: the "worker
 * processes per core" experiment of the benchmark. Each worker runs gateway/dist/src/main.js
 * (or GATEWAY_MAIN) unchanged, configured by the same environment. Benchmark-only.
 */
const workers = Math.max(1, Number(process.env.GATEWAY_WORKERS ?? 2));

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (!stopping) process.stderr.write(`[gateway-cluster] worker ${worker.process.pid} exited (${code})\n`);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  // GATEWAY_MAIN: another build of the gateway (bench --variant-main).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(process.env.GATEWAY_MAIN ?? path.resolve(__dirname, "..", "..", "..", "gateway", "dist", "src", "main.js"));
}
