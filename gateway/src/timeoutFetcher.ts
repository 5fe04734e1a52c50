import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { SubgraphUnavailableError } from "./subgraphErrors";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];

/**
 * RemoteGraphQLDataSource has no timeout of its own: a hung subgraph would hold the client's
 * request forever. This fetcher bounds the whole exchange, headers and body, with one
 * AbortSignal, and buffers the body inside that bound.
 */
export function createTimeoutFetcher(serviceName: string, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    try {
      const response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.arrayBuffer();
      const buffered = new Response(response.status === 204 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // A constructed Response has no url; the data source reports it in errors.
      Object.defineProperty(buffered, "url", { value: response.url });
      return buffered as unknown as Awaited<ReturnType<Fetcher>>;
    } catch (error) {
      if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        throw new SubgraphUnavailableError(serviceName, `did not answer within ${timeoutMs} ms`, error);
      }
      throw new SubgraphUnavailableError(serviceName, "could not be reached", error);
    }
  };
}
