import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";

const KEPT_LINES = 200;
const KILL_AFTER_MS = 20_000;

export interface ChildServiceOptions {
  name: string;
  /** A compiled Node script, run with this Node. */
  script: string;
  /** Arguments after the script. */
  args?: string[];
  /**
   * Runs this program instead of Node (a server of the system such as redis-server or haproxy);
   * `script` is then the program's path.
   */
  native?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Receives each output line, already prefixed with the service name. */
  log: (line: string) => void;
}

/**
 * One service running as a child process: its output is prefixed with its name and the last
 * lines are kept, so a failure to start can show what the service said.
 */
export class ChildService {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  /** Resolves with the exit code (or the signal's name) when the process has exited. */
  readonly exited: Promise<number | string>;
  private hasExited = false;

  constructor(private readonly options: ChildServiceOptions) {
    this.name = options.name;
    if (!existsSync(options.script)) throw new Error(`${options.script} does not exist: ${options.native ? "is it installed?" : "run `npm run build` first"}`);
    const [file, args] = options.native ? [options.script, options.args ?? []] : [process.execPath, [options.script, ...(options.args ?? [])]];
    this.child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.hasExited = true;
        resolve(code ?? signal ?? "unknown");
      });
      this.child.once("error", (error) => {
        this.record(`could not start: ${error.message}`);
        this.hasExited = true;
        resolve("spawn error");
      });
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => this.record(line));
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.hasExited;
  }

  /** The last lines the service printed, for error messages. */
  recentOutput(): string {
    return this.lines.join("\n");
  }

  /** SIGTERM (the services drain in-flight requests), SIGKILL if still alive after a grace period. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), KILL_AFTER_MS);
    });
    const outcome = await Promise.race([this.exited, deadline]);
    clearTimeout(timer);
    if (outcome === "late") {
      this.record(`did not stop within ${KILL_AFTER_MS} ms; killing it`);
      this.child.kill("SIGKILL");
      await this.exited;
    }
  }

  /** Last resort on the parent's exit: never leave a service running behind. */
  killNow(): void {
    if (!this.hasExited) this.child.kill("SIGKILL");
  }

  private record(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.shift();
    // Services already label their own lines "[name] ..."; label the others.
    this.options.log(line.startsWith(`[${this.name}]`) ? line : `[${this.name}] ${line}`);
  }
}
