/**
 * Splits a user's search into words, NFC-normalised, so each word is matched on its own
 * against the accent-free search document (see the search_key SQL function of the migration).
 */
export function searchWords(search: string): string[] {
  return search
    .normalize("NFC")
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 10)
    .map((w) => w.slice(0, 50));
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
