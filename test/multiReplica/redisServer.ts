import { createConnection } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { ChildService } from "../../scripts/lib/childService";

const REDIS = "/usr/bin/redis-server";

/** Answers PING with +PONG: the server accepts commands. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once("data", (data) => {
      resolve(data.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

/** Debian's redis-server on a loopback port, in memory only (no snapshot, no append-only file). */
export async function startRedis(port: number, dir: string, log: (line: string) => void): Promise<ChildService> {
  const redis = new ChildService({
    name: "redis",
    script: REDIS,
    native: true,
    args: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    env: process.env,
    cwd: dir,
    log,
  });
  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (!redis.running) throw new Error(`redis-server exited at start:\n${redis.recentOutput()}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within 10 s:\n${redis.recentOutput()}`);
    await delay(100);
  }
  return redis;
}
