import { readdirSync, readFileSync } from "node:fs";

/** Resident memory of a process from /proc/<pid>/status: current (VmRSS) and peak (VmHWM), in MiB. */
export function memoryOf(pid: number | undefined): { rssMiB: number; peakMiB: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMiB: round1(kib("VmRSS") / 1024), peakMiB: round1(kib("VmHWM") / 1024) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) of a process so far, in seconds, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) here.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) of a process and all its descendants so far, in seconds, including
 * the descendants that have ended (cutime and cstime count the children a process has waited
 * for): PostgreSQL's postmaster and its backends, which come and go with connections. A child
 * reaped while the tree is read would be missed (or counted twice), so the reading is repeated
 * until the parent's count of ended children is the same before and after it.
 */
export function treeCpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = cpuTimesOf(pid);
    if (!before) return undefined;
    const children = childPidsMatching(pid, "").reduce((sum, child) => sum + (treeCpuSecondsOf(child) ?? 0), 0);
    const after = cpuTimesOf(pid);
    if (!after) return undefined;
    if (after.ended === before.ended) return after.own + after.ended + children;
  }
  return undefined;
}

/** A process's own CPU seconds and those of its ended children it has waited for, from /proc/<pid>/stat. */
function cpuTimesOf(pid: number): { own: number; ended: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime: fields 14 to 17 of stat.
    return { own: (Number(fields[11]) + Number(fields[12])) / 100, ended: (Number(fields[13]) + Number(fields[14])) / 100 };
  } catch {
    return undefined;
  }
}

/** Children of a process whose command line contains `fragment` (e.g. the gateway's main.js). */
export function childPidsMatching(parentPid: number, fragment: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== parentPid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmdline.includes(fragment)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
