/** Readiness of one subgraph as the gateway sees it. */
export interface SubgraphReadiness {
  name: string;
  ready: boolean;
  status?: number;
  error?: string;
}

/** The /ready endpoint of a subgraph, beside its /graphql endpoint. */
export function readyUrlOf(graphqlUrl: string): string {
  return new URL("/ready", graphqlUrl).toString();
}

/** Asks every subgraph's /ready (which checks its database), each bounded by `timeoutMs`. */
export async function checkSubgraphs(urls: ReadonlyMap<string, string>, timeoutMs: number): Promise<SubgraphReadiness[]> {
  return Promise.all(
    [...urls].map(async ([name, url]): Promise<SubgraphReadiness> => {
      try {
        const response = await fetch(readyUrlOf(url), { signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        return { name, ready: response.ok, status: response.status };
      } catch (error) {
        // fetch reports "fetch failed"; the cause says why (ECONNREFUSED, a timeout).
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        return { name, ready: false, error: cause ?? (error instanceof Error ? error.message : String(error)) };
      }
    }),
  );
}
