import { setTimeout as delay } from "node:timers/promises";
import { ChildService } from "./childService";

const POLL_MS = 100;

async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Polls `url` until it answers 2xx. Fails with the service's own output when the process exits
 * first or the deadline passes, so a broken start says why instead of hanging.
 */
export async function waitUntilReady(service: ChildService, url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void service.exited.then((code) => (exitCode = code));
  for (;;) {
    signal?.throwIfAborted();
    if (exitCode !== undefined || !service.running) {
      throw new Error(`${service.name} exited (${exitCode ?? "unknown"}) before it was ready. Its output:\n${service.recentOutput()}`);
    }
    if (await answersOk(url)) return;
    if (Date.now() > deadline) {
      throw new Error(`${service.name} was not ready at ${url} within ${timeoutMs} ms. Its output:\n${service.recentOutput()}`);
    }
    await delay(POLL_MS);
  }
}
