import { Column, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "../graphql/errors";
import { SortKey } from "../graphql/pagination";
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

/** The relevance key `addSearch` returns: a sort key that knows which rows it ranks. */
export interface RelevanceKey<T> extends SortKey<T> {
  /** The condition of the rows a relevance order ranks (see rankedCandidatesSql). */
  rankedOnly: string;
  /** Their ids, as a SELECT (the list's filters and the search are in it): what its count counts. */
  rankedIds: string;
}

/**
 * Restricts a list query (with its other filters already applied) to the rows a search finds and
 * selects each row's rank into `searchRank`. Typo tolerance is the fallback: when the words as
 * typed find nothing under the list's filters (one EXISTS statement, which stops at the first
 * row), the near spellings count too, for every page of that search alike, since the check
 * ignores the cursor. Returns the relevance sort key (best first when ASC), for `relevanceOrder`.
 */
export async function addSearch<T extends ObjectLiteral & Searchable>(qb: SelectQueryBuilder<T>, alias: string, search: string): Promise<RelevanceKey<T>> {
  const clause = searchClause(`${alias}.search_document`, search);
  const exactFindsSome = clause.exact !== "false" && (await qb.clone().andWhere(`(${clause.exact})`, clause.params).getExists());
  qb.andWhere(`(${exactFindsSome ? clause.exact : clause.tolerant})`, clause.params);
  // The list's filters and the search, before any cursor: the same candidates for every page.
  const matches = qb.clone();
  qb.addSelect(clause.rank, `${alias}_search_rank`);
  const id = `${alias}.id`;
  const matchingIds = (extra: string) => matches.clone().select(id).andWhere(extra).getQuery();
  return {
    expression: clause.rank,
    direction: "ASC",
    valueOf: (row) => row.searchRank ?? 0,
    rankedOnly: `${id} IN (${rankedCandidatesSql(matchingIds, clause)})`,
    rankedIds: rankedCandidatesSql(matchingIds, clause),
  };
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
    { expression: relevance.expression, direction, valueOf: relevance.valueOf, pageCondition: relevance.rankedOnly, listedIds: relevance.rankedIds },
    { ...byName, direction },
  ];
}
