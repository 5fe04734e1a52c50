import { dayNumber } from "@camau/shared";
import { RegistryDataset } from "@camau/demo-data";
import { Cell, ComputedFigure, FigureCells, FigureOwner, OwnerChange } from "./copyFigure";
import { StatusDay } from "./statusDays";

/**
 * The report's figures of organisations (`active_cooperatives`, `operating_groups`) computed from
 * the dataset for the demo-data load: the rows `rollup_rebuild` would write, without PostgreSQL
 * evaluating the rollup functions over every cooperative's events and classifications (the
 * longest of the rebuilds at national scale). The functions of the migrations (ReportRollups,
 * AreasInReportRollups) stay the rule: the seed test rebuilds both figures by them after a seed
 * and requires the same rows.
 */
export const ORGANISATION_FIGURES = ["active_cooperatives", "operating_groups"] as const;

type Dataset = Pick<RegistryDataset, "cooperatives" | "groups" | "classifications">;

/**
 * rollup_active_cooperatives of each cooperative: on each day its status is set or a
 * classification is approved, its cell while it is ACTIVE ([sector, district, rating of the
 * latest classification year approved so far, new model, commune]); a change of cell takes one
 * from the old cell and adds one to the new. Computed at once: the cells must be known before
 * the figure is written, and there are a few changes per cooperative.
 */
function activeCooperatives(dataset: Dataset, statusDays: Map<string, StatusDay[]>): ComputedFigure {
  // Per cooperative: its classifications' ratings by year, and per approval day the latest year approved that day.
  const ratings = new Map<string, Map<number, string>>();
  const approvalDays = new Map<string, Map<number, number>>();
  for (const k of dataset.classifications) {
    let byYear = ratings.get(k.cooperativeId);
    if (!byYear) ratings.set(k.cooperativeId, (byYear = new Map()));
    byYear.set(k.year, k.rating);
    let days = approvalDays.get(k.cooperativeId);
    if (!days) approvalDays.set(k.cooperativeId, (days = new Map()));
    const day = dayNumber(k.classifiedOn);
    days.set(day, Math.max(days.get(day) ?? -Infinity, k.year));
  }
  const cells = new FigureCells();
  const owners: FigureOwner[] = [];
  for (const c of dataset.cooperatives) {
    const statuses = statusDays.get(c.id) ?? [];
    const approvals = [...(approvalDays.get(c.id) ?? [])].sort((a, b) => a[0] - b[0]);
    const byYear = ratings.get(c.id);
    const isNewModel = String(c.isNewModel);
    const changes: OwnerChange[] = [];
    let status: string | null = null;
    let year: number | null = null;
    let counted: Cell | null = null;
    for (let s = 0, a = 0; s < statuses.length || a < approvals.length; ) {
      const day = Math.min(s < statuses.length ? statuses[s].day : Infinity, a < approvals.length ? approvals[a][0] : Infinity);
      if (s < statuses.length && statuses[s].day === day) status = statuses[s++].status;
      if (a < approvals.length && approvals[a][0] === day) year = Math.max(year ?? -Infinity, approvals[a++][1]);
      const rating = (year === null ? undefined : byYear?.get(year)) ?? null;
      const cell = status === "ACTIVE" ? cells.of([c.sectorCode, c.districtCode, rating, isNewModel, c.communeCode]) : null;
      if (cell === counted) continue;
      if (cell !== null) changes.push({ cell, day, delta: 1 });
      if (counted !== null) changes.push({ cell: counted, day, delta: -1 });
      counted = cell;
    }
    if (changes.length) owners.push({ id: c.id, changes: () => changes });
  }
  return { figure: "active_cooperatives", owners, cells };
}

/** rollup_operating_groups of each group: one from the day it is founded to the day it is dissolved, if later. */
function operatingGroups(dataset: Dataset): ComputedFigure {
  const cells = new FigureCells();
  const owners: FigureOwner[] = [];
  for (const g of dataset.groups) {
    const founded = dayNumber(g.foundedOn);
    const dissolved = g.dissolvedOn === null ? null : dayNumber(g.dissolvedOn);
    if (dissolved !== null && dissolved <= founded) continue;
    const cell = cells.of([g.districtCode, g.communeCode]);
    const changes = dissolved === null ? [{ cell, day: founded, delta: 1 }] : [{ cell, day: founded, delta: 1 }, { cell, day: dissolved, delta: -1 }];
    owners.push({ id: g.id, changes: () => changes });
  }
  return { figure: "operating_groups", owners, cells };
}

/** Both figures, computed from the dataset's organisations (`statusDays`: cooperativeStatusDays of its events). */
export function organisationFigures(dataset: Dataset, statusDays: Map<string, StatusDay[]>): ComputedFigure[] {
  return [activeCooperatives(dataset, statusDays), operatingGroups(dataset)];
}
