/** At most this many words of a search are used, each cut to MAX_WORD_LENGTH: a bound on the SQL's size and cost. */
export const MAX_SEARCH_WORDS = 10;
export const MAX_WORD_LENGTH = 50;

/**
 * Splits a user's search into words. Anything that is not a letter or a digit separates words, as
 * people write "lúa-tôm", "lúa/tôm" or "lúa, tôm" for the same two words; the words keep their
 * diacritics and case here, since the database normalises them exactly as it normalises the
 * documents (the search_text SQL function).
 */
export function searchWords(search: string): string[] {
  return search
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
