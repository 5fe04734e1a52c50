import { ChildService } from "../../scripts/lib/childService";
import { REPO_ROOT } from "../../scripts/lib/paths";
import { waitUntilReady } from "../../scripts/lib/waitUntilReady";

export interface ReplicaOptions {
  /** e.g. registry-1, gateway-2. */
  name: string;
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Told when the process exits without having been asked to. */
  onUnexpectedExit: (name: string, code: number | string) => void;
}

/**
 * One replica (a pod) of a service: a process on a fixed port that can be stopped as Kubernetes
 * does (SIGTERM, then wait), killed, and started again in its place.
 */
export class Replica {
  private service: ChildService | undefined;
  private expectingExit = false;

  constructor(readonly options: ReplicaOptions) {}

  get name(): string {
    return this.options.name;
  }

  get port(): number {
    return this.options.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get running(): boolean {
    return this.service?.running ?? false;
  }

  /** Starts the process and waits until its /ready answers 200. */
  async start(readyTimeoutMs: number): Promise<void> {
    if (this.service?.running) throw new Error(`${this.name} is already running`);
    this.expectingExit = false;
    const service = new ChildService({ name: this.name, script: this.options.script, env: { ...this.options.env, PORT: String(this.options.port) }, cwd: REPO_ROOT, log: this.options.log });
    this.service = service;
    void service.exited.then((code) => {
      if (!this.expectingExit && this.service === service) this.options.onUnexpectedExit(this.name, code);
    });
    await waitUntilReady(service, `${this.url}/ready`, readyTimeoutMs);
  }

  /** SIGTERM and wait for the exit (the service drains; ChildService kills it after its grace period). */
  async terminate(): Promise<number | string | undefined> {
    if (!this.service?.running) return undefined;
    this.expectingExit = true;
    await this.service.stop();
    return this.service.exited;
  }

  /** SIGKILL: returns when the process is gone. */
  async kill(): Promise<void> {
    if (!this.service?.running) return;
    this.expectingExit = true;
    this.service.killNow();
    await this.service.exited;
  }

  /** Last resort (global time bound, the harness's own exit). */
  killNow(): void {
    this.expectingExit = true;
    this.service?.killNow();
  }

  recentOutput(): string {
    return this.service?.recentOutput() ?? "";
  }
}
