import { Outcome } from "./loadGenerator";

/** Requests of one phase: how many were sent and how many failed. */
export interface PhaseCount {
  phase: string;
  sent: number;
  failed: number;
  /** From the first request sent to the last answer. */
  seconds: number;
}

/** The verdict of one check, with the phases it was judged on. */
export interface CheckResult {
  id: string;
  name: string;
  passed: boolean;
  /** Why it passed or failed, in a few lines. */
  detail: string[];
  phases: PhaseCount[];
  seconds: number;
}

export function countOf(phase: string, outcomes: readonly Outcome[]): PhaseCount {
  const span = outcomes.length ? Math.max(...outcomes.map((o) => o.endedAt)) - Math.min(...outcomes.map((o) => o.startedAt)) : 0;
  return { phase, sent: outcomes.length, failed: outcomes.filter((o) => !o.ok).length, seconds: Math.round(span / 100) / 10 };
}

/** Failed requests, one line each, times relative to `origin`; at most `limit`. */
export function describeFailures(outcomes: readonly Outcome[], origin: number, limit = 10): string[] {
  const failed = outcomes.filter((o) => !o.ok);
  const lines = failed.slice(0, limit).map((o) => `  ${o.operation.padEnd(8)} sent at ${seconds(o.startedAt - origin)}, answered at ${seconds(o.endedAt - origin)}: ${o.failure}`);
  if (failed.length > limit) lines.push(`  ... and ${failed.length - limit} more`);
  return lines;
}

export function seconds(ms: number): string {
  return `${ms >= 0 ? "+" : ""}${(ms / 1000).toFixed(2)} s`;
}

/** The summary table: phase, sent, failed, and the check's verdict on its first row. */
export function summaryTable(results: readonly CheckResult[]): string {
  const rows: string[][] = [["check", "phase", "sent", "failed", "seconds", "result"]];
  for (const result of results) {
    const phases = result.phases.length ? result.phases : [{ phase: "-", sent: 0, failed: 0, seconds: 0 }];
    phases.forEach((p, i) =>
      rows.push([i === 0 ? `${result.id}. ${result.name}` : "", p.phase, String(p.sent), String(p.failed), p.seconds.toFixed(1), i === 0 ? (result.passed ? "PASS" : "FAIL") : ""]),
    );
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}
