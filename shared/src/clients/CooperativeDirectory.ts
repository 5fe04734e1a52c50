import { NotFoundError } from "../graphql/errors";

/**
 * How a subgraph learns about the registry's cooperatives without touching the registry's
 * database. Every subgraph that stores a cooperative id checks it here at write time (the fund's
 * borrowers, trade's products and participations, outreach's attendance), so no stored reference
 * dangles and the gateway never has to resolve a cooperative that does not exist.
 *
 * Design (chosen for the fund's cross-subgraph data):
 * - The registry owns cooperatives. The fund asks it, at the moment an application is submitted,
 *   through this interface; the production implementation (HttpCooperativeDirectory) calls the
 *   registry subgraph directly with the gateway secret and an `_entities` query, exactly as the
 *   gateway would resolve a `Cooperative` reference.
 * - The submission is refused when the cooperative does not exist (NOT_FOUND) or is not ACTIVE
 *   (CONFLICT).
 * - The borrower's sector (code and name) and head-office district (code and name) are copied
 *   onto the application and then onto the loan (the `borrower_*` columns, with the time the
 *   snapshot was taken). Portfolio breakdowns by sector and district group by these columns in
 *   the fund's own SQL, so they need no call to the registry and no join across databases, and
 *   they report a loan under the sector and district its borrower had when it applied, which is
 *   also what a lender's historical reports should show. A borrower that later moves or changes
 *   sector keeps its old snapshot on old loans; current registry data stays reachable through
 *   federation (`Loan.cooperative` is a reference the gateway resolves in the registry).
 * - The directory is injected into the subgraph module (createFundSubgraph({ directory }), and
 *   likewise for trade and outreach), so subgraph-level tests use a fixed list of cooperatives
 *   (InMemoryCooperativeDirectory of the test tooling) and need no running registry.
 */
export interface CooperativeSnapshot {
  id: string;
  /** Legal status as the registry reports it now, e.g. ACTIVE, SUSPENDED. */
  status: string;
  sectorCode: string;
  sectorName: string;
  districtCode: string | null;
  districtName: string | null;
  /** Commune of the head office (in the code system of its district: none after the reform); absent when unknown. */
  communeCode?: string | null;
}

/** Thrown when the registry cannot be asked; the mutation fails (masked as INTERNAL_SERVER_ERROR). */
export class DirectoryUnavailableError extends Error {}

/** Where a cooperative's head office is (district and commune codes, see the shared rule of places). */
export interface CooperativePlace {
  districtCode: string | null;
  communeCode: string | null;
}

export interface CooperativeDirectory {
  /** The cooperative as the registry knows it now, or null when it does not exist. */
  find(id: string): Promise<CooperativeSnapshot | null>;
  /**
   * Several at once (one registry call); the ones that exist, by lower-case id. It decides
   * writes, so it reads the registry's primary.
   */
  findAll(ids: readonly string[]): Promise<Map<string, CooperativeSnapshot>>;
  /**
   * Every cooperative's current place, by lower-case id: for reads that need the places of many
   * cooperatives at once (a public read: may come from a replica). Its cost per call does not
   * grow with the registry while the registry's cooperatives do not change.
   */
  places(): Promise<ReadonlyMap<string, CooperativePlace>>;
}

/**
 * NOT_FOUND unless every id is a cooperative of the registry. Called before the mutation's
 * transaction: a network call never holds database locks.
 */
export async function requireCooperatives(directory: CooperativeDirectory, ids: readonly string[]): Promise<Map<string, CooperativeSnapshot>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (!unique.length) return new Map();
  const found = await directory.findAll(unique);
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new NotFoundError("Cooperative", missing);
  return found;
}
