import { writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { ChildService } from "../../scripts/lib/childService";

/** One load-balanced service: a frontend port in front of its replicas' ports. */
export interface BalancedService {
  name: string;
  frontendPort: number;
  replicaPorts: number[];
}

export interface HaproxyOptions {
  dir: string;
  services: BalancedService[];
  statsPort: number;
  log: (line: string) => void;
}

/** Replica state as HAProxy's health checks see it. */
export interface ServerState {
  backend: string;
  server: string;
  status: string;
}

const HAPROXY = "/usr/sbin/haproxy";

/**
 * The configuration Kubernetes' Service plus readiness probe amount to: each backend checks
 * `/ready` often and takes a replica out after two failures (its readiness delay on SIGTERM is
 * longer than that), and a request whose connection to a replica fails, or whose replica closes
 * it without an answer (a killed process), is sent to another replica.
 */
export function haproxyConfig(options: Pick<HaproxyOptions, "services" | "statsPort">): string {
  const lines = [
    "global",
    "  log stdout format raw local0 info",
    "  maxconn 2000",
    "",
    "defaults",
    "  mode http",
    "  log global",
    // Only failed requests and health-check changes are logged.
    "  option httplog",
    "  option dontlog-normal",
    "  option log-health-checks",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-keep-alive 10s",
    "  timeout check 2s",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response",
    "  default-server inter 1s fastinter 250ms downinter 500ms fall 2 rise 1",
    "",
    "listen stats",
    `  bind 127.0.0.1:${options.statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "",
  ];
  for (const service of options.services) {
    lines.push(
      `frontend ${service.name}_in`,
      `  bind 127.0.0.1:${service.frontendPort}`,
      `  default_backend ${service.name}`,
      "",
      `backend ${service.name}`,
      "  balance roundrobin",
      "  option httpchk GET /ready",
      "  http-check expect status 200",
      // Named as the replicas are (registry-1, gateway-2).
      ...service.replicaPorts.map((port, i) => `  server ${service.name}-${i + 1} 127.0.0.1:${port} check`),
      "",
    );
  }
  return lines.join("\n");
}

/** HAProxy in the foreground with a generated configuration, plus its stats page. */
export class Haproxy {
  private constructor(
    private readonly process: ChildService,
    private readonly statsPort: number,
  ) {}

  static async start(options: HaproxyOptions): Promise<Haproxy> {
    const file = path.join(options.dir, "haproxy.cfg");
    await writeFile(file, haproxyConfig(options));
    await new Promise<void>((resolve, reject) =>
      new ChildService({ name: "haproxy-check", script: HAPROXY, native: true, args: ["-c", "-q", "-f", file], env: process.env, cwd: options.dir, log: options.log }).exited.then((code) =>
        code === 0 ? resolve() : reject(new Error(`haproxy refused its configuration (${code}):\n${haproxyConfig(options)}`)),
      ),
    );
    const service = new ChildService({ name: "haproxy", script: HAPROXY, native: true, args: ["-db", "-f", file], env: process.env, cwd: options.dir, log: options.log });
    const haproxy = new Haproxy(service, options.statsPort);
    const deadline = Date.now() + 10_000;
    while (!(await haproxy.states().then(() => true, () => false))) {
      if (!service.running) throw new Error(`haproxy exited at start:\n${service.recentOutput()}`);
      if (Date.now() > deadline) throw new Error(`haproxy's stats page did not answer:\n${service.recentOutput()}`);
      await delay(100);
    }
    return haproxy;
  }

  /** Every server of every backend with its health-check status (UP, DOWN, "UP 1/2", ...). */
  async states(): Promise<ServerState[]> {
    const response = await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) throw new Error(`haproxy stats: HTTP ${response.status}`);
    const [header, ...rows] = (await response.text()).trim().split("\n");
    const columns = header.replace(/^# /, "").split(",");
    const at = (name: string) => columns.indexOf(name);
    return rows
      .map((row) => row.split(","))
      .filter((cells) => cells[at("svname")] !== "FRONTEND" && cells[at("svname")] !== "BACKEND" && cells[at("pxname")] !== "stats")
      .map((cells) => ({ backend: cells[at("pxname")], server: cells[at("svname")], status: cells[at("status")] }));
  }

  /** Waits until the health checks see every server of every backend UP (after a restart). */
  async waitAllUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await this.states();
      const notUp = states.filter((s) => s.status !== "UP");
      if (notUp.length === 0) return;
      if (Date.now() > deadline) throw new Error(`HAProxy does not see every replica UP within ${timeoutMs} ms: ${notUp.map((s) => `${s.server} ${s.status}`).join(", ")}`);
      await delay(100);
    }
  }

  recentOutput(): string {
    return this.process.recentOutput();
  }

  stop(): Promise<void> {
    return this.process.stop();
  }

  killNow(): void {
    this.process.killNow();
  }
}
