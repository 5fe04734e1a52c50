import { Column, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "../graphql/errors";
import { CANDIDATES_CTE, SortKey } from "../graphql/pagination";
import { rankedCandidatesSql, searchClause } from "./searchClause";

/**
 * An entity whose list can be searched: its table has a `search_document` column (search_text of
 * its searchable fields, trigram-indexed), and the entity a `searchRank` property mapped, never
 * stored, to the `search_rank` a search selects, so that the rank can go into cursors.
 */
export interface Searchable {
  searchRank?: number | null;
}

/** Declares an entity's `searchRank`: filled by `addSearch` when a search selects it, never read by default nor written. */
export function SearchRankColumn(): PropertyDecorator {
  return Column({ name: "search_rank", type: "int", select: false, insert: false, update: false, nullable: true });
}

/** The relevance key `addSearch` returns: a sort key that knows which rows it ranks (SortKey.candidates). */
export type RelevanceKey<T> = SortKey<T> & Required<Pick<SortKey<T>, "candidates">>;

/**
 * Restricts a list query (with its other filters already applied) to the rows a search finds and
 * selects each row's rank into `searchRank`. Typo tolerance is the fallback: when the words as
 * typed find nothing under the list's filters, the near spellings count too, for every page of that
 * search alike, since the check ignores the cursor. Returns the relevance sort key (best first when
 * ASC), for `relevanceOrder`.
 *
 * `ranked`: the list is in an order with RELEVANCE, so its rows are the ranked candidates alone,
 * which carry the search: the page's own statement finds them, and no EXISTS is sent before it;
 * when they are none, `paginate` reads the candidates of the near spellings instead (a second
 * statement, for a search that found nothing as typed). Otherwise one EXISTS statement, which stops
 * at the first row, decides between the words as typed and their near spellings.
 */
export async function addSearch<T extends ObjectLiteral & Searchable>(qb: SelectQueryBuilder<T>, alias: string, search: string, { ranked = false }: { ranked?: boolean } = {}): Promise<RelevanceKey<T>> {
  const clause = searchClause(`${alias}.search_document`, search);
  // The list's whole rows the search finds under its filters, before any cursor: the same candidates for every page.
  const candidates = (filtered: SelectQueryBuilder<T>, condition: string) =>
    rankedCandidatesSql(filtered.clone().select(`${alias}.*`).addSelect(`(${clause.wholeWords})`, "search_whole").andWhere(`(${condition})`, clause.params).getQuery());
  let key: { candidates: string; candidatesWhenNone?: string };
  if (ranked) {
    key = { candidates: candidates(qb, clause.exact), candidatesWhenNone: clause.exact === "false" ? undefined : candidates(qb, clause.tolerant) };
    // The candidates bound the list whatever its order (the statement fails if paginate does not define them).
    qb.andWhere(`${alias}.id IN (SELECT id FROM ${CANDIDATES_CTE})`, clause.params);
  } else {
    const exactFindsSome = clause.exact !== "false" && (await qb.clone().andWhere(`(${clause.exact})`, clause.params).getExists());
    qb.andWhere(`(${exactFindsSome ? clause.exact : clause.tolerant})`, clause.params);
    key = { candidates: candidates(qb, "true") };
  }
  qb.addSelect(clause.rank, `${alias}_search_rank`);
  return { expression: clause.rank, direction: "ASC", valueOf: (row) => row.searchRank ?? 0, ...key };
}

/**
 * The keys of the RELEVANCE order: best matches first, then by name (Vietnamese order) among
 * equally good ones; DESC reverses both. The list holds the ranked candidates only, and its
 * totalCount counts them (at most 2 × RANKED_CANDIDATES, so the count stays bounded however many
 * rows match; under RANKED_CANDIDATES it is every match). Refused without a search, which is what ranks.
 */
export function relevanceOrder<T>(relevance: RelevanceKey<T> | undefined, byName: SortKey<T>, direction: "ASC" | "DESC", path: string): SortKey<T>[] {
  if (!relevance) throw new BadUserInputError("RELEVANCE order needs filter.search", [{ path, message: "RELEVANCE needs filter.search" }]);
  return [
    { expression: relevance.expression, direction, valueOf: relevance.valueOf, candidates: relevance.candidates, candidatesWhenNone: relevance.candidatesWhenNone },
    { ...byName, direction },
  ];
}
