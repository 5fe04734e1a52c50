import { freePort } from "@camau/shared/testing";
import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { setTimeout as delay } from "node:timers/promises";

/** The Debian package's binary; `.ci/run` installs it on a fresh machine. */
export const REDIS_SERVER = "/usr/bin/redis-server";

export const redisServerAvailable = (): boolean => existsSync(REDIS_SERVER);

/** A real redis-server on a free port, in memory only (no RDB snapshot, no AOF), for one test suite. */
export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Process id while running (to freeze it with SIGSTOP). */
  readonly pid: number | undefined;
  /** Starts it again on the same port (after `stop`), empty. */
  start(): Promise<void>;
  /** Stops it and waits for the process to exit. */
  stop(): Promise<void>;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    child = started;
    let exited = false;
    started.once("exit", () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (exited) throw new Error(`redis-server exited on start (port ${port})`);
      if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10 s`);
      await delay(50);
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    start,
    stop,
  };
}
