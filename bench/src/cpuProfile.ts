import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

/**
 * CPU profiles of the stack's processes under the benchmark's load. Node refuses `--cpu-prof` in
 * NODE_OPTIONS, and a profile from the start would be mostly schema building; this preload starts
 * the inspector's sampling profiler on the first SIGUSR2 and writes the profile on the next one
 * (open it in Chrome DevTools or speedscope):
 *
 *   npm run bench -- --only list --targets ours --duration 30 \
 *     --gateway-env "NODE_OPTIONS=--require $PWD/bench/dist/src/cpuProfile.js" --gateway-env CPU_PROFILE_DIR=/tmp/profiles
 *   kill -USR2 <pids of the gateway and subgraphs>; sleep 15; kill -USR2 <the same pids>
 *
 * Each process writes CPU_PROFILE_DIR/<service>.<pid>.cpuprofile. For measurement only: never in production.
 */
const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 200 });
let running = false;
process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.start");
    return;
  }
  session.post("Profiler.stop", (error, result) => {
    running = false;
    if (error) return void process.stderr.write(`[cpu-profile] ${error.message}\n`);
    // services/registry/dist/src/main.js → registry; gateway/dist/src/main.js → gateway
    const service = path.basename(path.resolve(process.argv[1] ?? "node", "..", "..", ".."));
    const file = path.join(process.env.CPU_PROFILE_DIR ?? process.cwd(), `${service}.${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write(`[cpu-profile] ${file}\n`);
  });
});
