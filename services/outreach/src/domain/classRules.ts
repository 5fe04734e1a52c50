import type { InvalidInput } from "@camau/shared";
import { TrainingClassStatus } from "./enums";

/** Longest class accepted, in days from first to last day (a course of several months at most). */
export const MAX_CLASS_DAYS = 366;

/** Most co-organisers of one class, and most cooperatives recorded as having sent participants. */
export const MAX_CO_ORGANISERS = 20;
export const MAX_ATTENDING_COOPERATIVES = 500;

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Problems with a class's dates, each with the input field it concerns. */
export function dateProblems(startDate: string, endDate: string): InvalidInput[] {
  if (endDate < startDate) return [{ path: "endDate", message: "cannot be before startDate" }];
  if (daysBetween(startDate, endDate) > MAX_CLASS_DAYS) return [{ path: "endDate", message: `a class lasts at most ${MAX_CLASS_DAYS} days` }];
  return [];
}

/**
 * The class state machine: SCHEDULED → HELD (attendance recorded; recording again corrects it)
 * and SCHEDULED → CANCELLED. A held class cannot be cancelled and a cancelled one no longer
 * changes. Returns why an action is not allowed, or null.
 */
export function refusal(action: "update" | "cancel" | "recordAttendance", status: TrainingClassStatus): string | null {
  if (status === TrainingClassStatus.CANCELLED) return "the class is cancelled and can no longer change";
  if (action === "cancel" && status === TrainingClassStatus.HELD) return "the class was held (attendance recorded) and cannot be cancelled";
  return null;
}

export { cleanText } from "@camau/shared";
