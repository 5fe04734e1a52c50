/** A search query with the items a person judged it should find. */
export interface JudgedQuery {
  query: string;
  expected: readonly string[];
}

export interface JudgedResult extends JudgedQuery {
  found: string[];
  precision: number;
  recall: number;
}

/**
 * Runs each judged query through `search` (which returns the keys of everything found) and scores
 * it: precision (share of what was found that was expected; 1 when nothing was found) and recall
 * (share of what was expected that was found). Prints a table, so the figures show in the test log.
 */
export async function judgeSearch(title: string, judged: readonly JudgedQuery[], search: (query: string) => Promise<string[]>): Promise<{ results: JudgedResult[]; precision: number; recall: number }> {
  const results: JudgedResult[] = [];
  for (const j of judged) {
    const found = await search(j.query);
    const hits = found.filter((k) => j.expected.includes(k)).length;
    results.push({ ...j, found, precision: found.length ? hits / found.length : 1, recall: j.expected.length ? hits / j.expected.length : 1 });
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const precision = mean(results.map((r) => r.precision));
  const recall = mean(results.map((r) => r.recall));
  console.log(`      ${title}: ${judged.length} judged queries, mean precision ${precision.toFixed(3)}, mean recall ${recall.toFixed(3)}`);
  for (const r of results) {
    console.log(`        ${JSON.stringify(r.query).padEnd(28)} P ${r.precision.toFixed(2)}  R ${r.recall.toFixed(2)}  found ${r.found.length}, expected ${r.expected.length}`);
  }
  return { results, precision, recall };
}
