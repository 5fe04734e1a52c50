import { searchWords } from "./searchText";

/** Words shorter than this match only as written: a typo in a two- or three-letter word matches too much. */
const MIN_FUZZY_LENGTH = 4;
/** Longer words get no one-edit patterns (their count grows with the length); pg_trgm's word similarity still applies. */
const MAX_EDIT_LENGTH = 20;

/** A search as SQL over one search document: the rows it finds and how well each matches. */
export interface SearchClause {
  /** Condition of the rows that hold every word as typed (inside a word at least). */
  exact: string;
  /** Condition of the rows that hold every word as typed or near it (a typo away). */
  tolerant: string;
  /** Relevance rank, an integer, smaller is better: per word 0 whole word, 1 word prefix, 2 inside a word, 3 near (a typo). */
  rank: string;
  /** Condition of the rows that hold every word as a whole word: the rows of rank 0. */
  wholeWords: string;
  params: Record<string, string | string[]>;
}

/** The word as search_text has it when it is one plain word: lower case, no accents, đ as d. */
function plain(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/**
 * LIKE patterns of the spellings one edit away from a word (a letter missing, added, wrong, or two
 * swapped), `_` standing for the unknown letter. pg_trgm's word similarity alone misses most single
 * typos in short words: "nghep" is 0.5 similar to "nghiep", under its 0.6 threshold, which is a
 * session setting a query cannot lower through pooled connections.
 */
export function oneEditPatterns(word: string): string[] {
  const w = plain(word);
  if (!/^[a-z0-9]+$/.test(w) || w.length < MIN_FUZZY_LENGTH || w.length > MAX_EDIT_LENGTH) return [];
  const spellings = new Set<string>();
  for (let i = 0; i < w.length; i++) {
    spellings.add(w.slice(0, i) + "_" + w.slice(i + 1));
    if (i > 0) spellings.add(w.slice(0, i) + "_" + w.slice(i));
    if (w.length > MIN_FUZZY_LENGTH) spellings.add(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length && w[i] !== w[i + 1]) spellings.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  // A pattern needs three letters in a row to give the trigram index something to look up.
  return [...spellings].filter((s) => /[a-z0-9]{3}/.test(s)).map((s) => `%${s}%`);
}

/** Whether a word has something the database's normalisation keeps (a Latin letter or a digit once accents are off). */
function searchable(word: string): boolean {
  return /[a-z0-9]/i.test(word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d"));
}

/**
 * The search `search` over `document`, a column that holds `search_text(...)` of the searchable
 * fields. Each word is normalised by the same `search_text` in SQL (so "HTX" is "hop tac xa" on
 * both sides) and must be found in the document: inside it, or, for words of four letters or more,
 * near it: one edit away (LIKE patterns) or as a word at least 0.6 similar (pg_trgm's `<%`). All
 * of it is served by the document's trigram index; the near part costs about twenty index lookups
 * per word, so `addSearch` uses it only when the exact condition finds nothing. The SQL depends on the number of words (at
 * most ten), never on the data. A search with no usable word finds nothing.
 */
export function searchClause(document: string, search: string, parameterPrefix = "search"): SearchClause {
  const words = searchWords(search).filter(searchable);
  if (words.length === 0) return { exact: "false", tolerant: "false", rank: "0", wholeWords: "false", params: {} };
  const params: Record<string, string | string[]> = {};
  const exact: string[] = [];
  const tolerant: string[] = [];
  const tiers: string[] = [];
  const whole: string[] = [];
  words.forEach((word, i) => {
    const name = `${parameterPrefix}${i}`;
    params[name] = word;
    const w = `search_text(:${name})`;
    const found = `${document} LIKE '%' || ${w} || '%'`;
    const near = oneEditPatterns(word);
    if (near.length) params[`${name}near`] = near;
    exact.push(found);
    tolerant.push(word.length >= MIN_FUZZY_LENGTH ? `(${found} OR ${w} <% ${document}${near.length ? ` OR ${document} LIKE ANY(CAST(:${name}near AS text[]))` : ""})` : found);
    const wholeWord = `strpos(' ' || ${document} || ' ', ' ' || ${w} || ' ') > 0`;
    whole.push(wholeWord);
    tiers.push(
      `CASE WHEN ${wholeWord} THEN 0 WHEN strpos(' ' || ${document}, ' ' || ${w}) > 0 THEN 1 WHEN strpos(${document}, ${w}) > 0 THEN 2 ELSE 3 END`,
    );
  });
  return { exact: exact.join(" AND "), tolerant: tolerant.join(" AND "), rank: `(${tiers.join(" + ")})`, wholeWords: whole.join(" AND "), params };
}

/**
 * How many matches a relevance order ranks: this many as the index finds them, and this many of
 * those holding every word as a whole word. Ranking every match made a broad search ("hợp tác xã",
 * "tân") cost as much as the rows it finds, which grows with the data.
 */
export const RANKED_CANDIDATES = 500;

/**
 * The rows a relevance order ranks, as one SELECT of whole rows (the list's table's columns and
 * `search_whole`): up to `limit` rows of rank 0 (every word whole) and up to `limit` matches, each
 * taken in the order the table is read (no sort), without duplicates. `matches` is the SELECT of the
 * rows the search finds under the list's filters, each with `search_whole`, the search's
 * `wholeWords`. It is read once, lazily, as a materialized CTE: both picks share one scan, which
 * stops as soon as both have their rows (a scan of the table in order stops early on a broad
 * search; the trigram index's bitmap of a broad search is built once instead of twice).
 * A search with at most `limit` matches ranks them all; a broader one still puts rows of rank 0
 * first whenever it has some; its relevance-ordered list holds at most 2 × `limit` rows, and its
 * totalCount counts those (name order lists and counts every match).
 */
export function rankedCandidatesSql(matches: string, limit = RANKED_CANDIDATES): string {
  return (
    `WITH search_matches AS MATERIALIZED (${matches}) ` +
    `SELECT DISTINCT ON (id) * FROM ((SELECT * FROM search_matches WHERE search_whole LIMIT ${limit}) UNION ALL (SELECT * FROM search_matches LIMIT ${limit})) AS ranked`
  );
}
