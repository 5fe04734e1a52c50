import { dayNumber } from "@camau/shared";
import { MemberRow, RegistryDataset } from "@camau/demo-data";
import { Cell, ComputedFigure, FigureCells, FigureOwner, OwnerChange } from "./copyFigure";
import { StatusDay } from "./statusDays";

/**
 * The report's member figures (`cooperative_members`, `group_members`) computed from the dataset
 * as its members stream past the loader, for the demo-data load: the rows `rollup_rebuild` would
 * write, without PostgreSQL reading every member again through the rollup functions and sorting
 * them (the longest part of the registry's national seed). The functions of the migrations
 * (ReportRollups, AreasInReportRollups) stay the rule: the seed test rebuilds both figures by them
 * after a seed and requires the same rows.
 */
export const MEMBER_FIGURES = ["cooperative_members", "group_members"] as const;

/** A day a membership starts counting (+1) or stops (−1), as one sortable number: day × 2, +1 when it stops. */
const starts = (day: number) => day * 2;
const stops = (day: number) => day * 2 + 1;

/** One organisation whose members count in a figure. */
interface Owner {
  id: string;
  /** The figure's cell: [district, commune] (one array per place, see FigureCells). */
  cell: Cell;
  /** The days its memberships start and stop counting (see `starts`). */
  changes: number[];
}

export class MemberRollups {
  private readonly cooperatives = new Map<string, Owner>();
  private readonly groups = new Map<string, Owner & { founded: number; dissolved: number }>();
  /** Status days of each cooperative in order: the status taken by its last status event recorded on each day. */
  private readonly statusDays: Map<string, StatusDay[]>;
  private readonly cooperativeCells = new FigureCells();
  private readonly groupCells = new FigureCells();
  private last: { id: string; owner: Owner } | null = null;

  /** `statusDays`: cooperativeStatusDays of the dataset's events. */
  constructor(dataset: Pick<RegistryDataset, "cooperatives" | "groups">, statusDays: Map<string, StatusDay[]>) {
    for (const c of dataset.cooperatives) this.cooperatives.set(c.id, { id: c.id, cell: this.cooperativeCells.of([c.districtCode, c.communeCode]), changes: [] });
    for (const g of dataset.groups) {
      this.groups.set(g.id, {
        id: g.id,
        cell: this.groupCells.of([g.districtCode, g.communeCode]),
        changes: [],
        founded: dayNumber(g.foundedOn),
        dissolved: g.dissolvedOn === null ? Infinity : dayNumber(g.dissolvedOn),
      });
    }
    this.statusDays = statusDays;
  }

  /** The members, unchanged, each noted on its way to the loader. */
  *observe(members: Iterable<MemberRow>): Generator<MemberRow> {
    for (const m of members) {
      this.note(m);
      yield m;
    }
  }

  private note(m: MemberRow): void {
    const joined = dayNumber(m.joinedOn);
    const left = m.leftOn === null ? Infinity : dayNumber(m.leftOn);
    if (m.cooperativeId !== null) {
      const owner = this.ownerOf(this.cooperatives, m.cooperativeId);
      owner.changes.push(starts(joined));
      if (left !== Infinity) owner.changes.push(stops(left));
    }
    if (m.groupId !== null) {
      // Counted while both the membership and the group run: from the later start to the earlier end.
      const group = this.ownerOf(this.groups, m.groupId) as Owner & { founded: number; dissolved: number };
      const from = Math.max(joined, group.founded);
      const until = Math.min(left, group.dissolved);
      if (from < until) {
        group.changes.push(starts(from));
        if (until !== Infinity) group.changes.push(stops(until));
      }
    }
  }

  /** Members come organisation by organisation: the last owner found answers most lookups. */
  private ownerOf(owners: Map<string, Owner>, id: string): Owner {
    if (this.last?.id === id) return this.last.owner;
    const owner = owners.get(id);
    if (!owner) throw new Error(`registry seed: a member names organisation ${id}, which the dataset lacks`);
    this.last = { id, owner };
    return owner;
  }

  /**
   * rollup_cooperative_members of one cooperative: on each day its members or its status change,
   * the members in force while it is ACTIVE (none otherwise), as the change from the day before.
   */
  private *cooperativeContributions(owner: Owner): Generator<OwnerChange> {
    const changes = owner.changes.sort((a, b) => a - b);
    const statuses = this.statusDays.get(owner.id) ?? [];
    let inForce = 0;
    let status: string | null = null;
    let counted = 0;
    let c = 0;
    let s = 0;
    while (c < changes.length || s < statuses.length) {
      const day = Math.min(c < changes.length ? Math.floor(changes[c] / 2) : Infinity, s < statuses.length ? statuses[s].day : Infinity);
      for (; c < changes.length && Math.floor(changes[c] / 2) === day; c++) inForce += changes[c] % 2 === 0 ? 1 : -1;
      if (s < statuses.length && statuses[s].day === day) status = statuses[s++].status;
      const n = status === "ACTIVE" ? inForce : 0;
      if (n !== counted) yield { cell: owner.cell, day, delta: n - counted };
      counted = n;
    }
    owner.changes = [];
  }

  /** rollup_group_members of one group: the memberships counting, summed per day (days whose sum is 0 left out). */
  private *groupContributions(owner: Owner): Generator<OwnerChange> {
    const changes = owner.changes.sort((a, b) => a - b);
    for (let c = 0; c < changes.length; ) {
      const day = Math.floor(changes[c] / 2);
      let delta = 0;
      for (; c < changes.length && Math.floor(changes[c] / 2) === day; c++) delta += changes[c] % 2 === 0 ? 1 : -1;
      if (delta !== 0) yield { cell: owner.cell, day, delta };
    }
    owner.changes = [];
  }

  /** Both figures, to be written once every member has been noted (see copyFigures). */
  figures(): ComputedFigure[] {
    return [
      { figure: "cooperative_members", owners: this.ownersOf(this.cooperatives, (o) => this.cooperativeContributions(o)), cells: this.cooperativeCells },
      { figure: "group_members", owners: this.ownersOf(this.groups, (o) => this.groupContributions(o)), cells: this.groupCells },
    ];
  }

  /** The owners of one figure as the writer takes them (each owner's noted days are let go once its contributions are taken). */
  private ownersOf(owners: Map<string, Owner>, contributions: (owner: Owner) => Generator<OwnerChange>): FigureOwner[] {
    return [...owners.values()].map((owner) => ({
      id: owner.id,
      changes: () => contributions(owner),
    }));
  }
}
