import { CooperativeDirectory, CooperativePlace, CooperativeSnapshot } from "../clients/CooperativeDirectory";

/** A fixed list of cooperatives, for subgraph tests that need no running registry. */
export class InMemoryCooperativeDirectory implements CooperativeDirectory {
  private readonly byId = new Map<string, CooperativeSnapshot>();
  /** Ids asked for, in order (tests check the fund asks only when it must). */
  readonly lookups: string[] = [];

  constructor(cooperatives: readonly CooperativeSnapshot[] = []) {
    for (const c of cooperatives) this.put(c);
  }

  put(cooperative: CooperativeSnapshot): void {
    this.byId.set(cooperative.id.toLowerCase(), { ...cooperative, id: cooperative.id.toLowerCase() });
  }

  async find(id: string): Promise<CooperativeSnapshot | null> {
    this.lookups.push(id);
    return this.byId.get(id.toLowerCase()) ?? null;
  }

  async findAll(ids: readonly string[]): Promise<Map<string, CooperativeSnapshot>> {
    const found = new Map<string, CooperativeSnapshot>();
    for (const id of ids) {
      const cooperative = await this.find(id);
      if (cooperative) found.set(cooperative.id, cooperative);
    }
    return found;
  }

  async places(): Promise<ReadonlyMap<string, CooperativePlace>> {
    return new Map([...this.byId.values()].map((c) => [c.id, { districtCode: c.districtCode, communeCode: c.communeCode ?? null }]));
  }
}
