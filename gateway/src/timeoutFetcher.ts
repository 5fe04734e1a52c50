import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { SubgraphUnavailableError } from "./subgraphErrors";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherInit = Parameters<Fetcher>[1];

export interface TimeoutFetcherOptions {
  /**
   * Identical anonymous read requests to the subgraph that are in flight at the same moment are
   * sent once, and every caller gets its own copy of the one answer (see `deduplicationKeyOf`).
   */
  deduplicate?: boolean;
}

interface BufferedAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: ArrayBuffer;
  url: string;
}

/** A fresh Response per caller over the shared buffered answer (the constructor copies the bytes: each caller parses its own). */
function responseOf(answer: BufferedAnswer): Awaited<ReturnType<Fetcher>> {
  const response = new Response(answer.status === 204 ? null : answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
  // A constructed Response has no url; the data source reports it in errors.
  Object.defineProperty(response, "url", { value: answer.url });
  return response as unknown as Awaited<ReturnType<Fetcher>>;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const found = Object.entries(headers as Record<string, string>).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

/**
 * The key under which a subgraph request may share an answer with identical ones in flight, or
 * undefined when it must go alone. Only anonymous requests (no Authorization: the public portal,
 * which cannot write, so it has no write of its own to read back) of read operations (the
 * planner's subgraph operations start with `query` or `{`) are shared, and only while in flight:
 * nothing is kept once the answer arrives, so no answer is older than the request it serves.
 */
export function deduplicationKeyOf(url: string, init: FetcherInit): string | undefined {
  if (!init || (init.method ?? "GET").toUpperCase() !== "POST" || typeof init.body !== "string") return undefined;
  if (headerOf(init.headers, "authorization")) return undefined;
  let query: unknown;
  try {
    query = (JSON.parse(init.body) as { query?: unknown }).query;
  } catch {
    return undefined;
  }
  if (typeof query !== "string" || !/^\s*(query\b|\{)/.test(query)) return undefined;
  return `${url}\n${init.body}`;
}

/**
 * RemoteGraphQLDataSource has no timeout of its own: a hung subgraph would hold the client's
 * request forever. This fetcher bounds the whole exchange, headers and body, with one
 * AbortSignal, and buffers the body inside that bound. With `deduplicate`, identical anonymous
 * reads in flight at once share one subgraph request (see `deduplicationKeyOf`).
 */
export function createTimeoutFetcher(serviceName: string, timeoutMs: number, options: TimeoutFetcherOptions = {}): Fetcher {
  const inFlight = new Map<string, Promise<BufferedAnswer>>();
  const send = async (url: string, init: FetcherInit = {}): Promise<BufferedAnswer> => {
    try {
      const response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.arrayBuffer();
      return { status: response.status, statusText: response.statusText, headers: response.headers, body, url: response.url };
    } catch (error) {
      if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        throw new SubgraphUnavailableError(serviceName, `did not answer within ${timeoutMs} ms`, error);
      }
      throw new SubgraphUnavailableError(serviceName, "could not be reached", error);
    }
  };
  return async (url, init = {}) => {
    const key = options.deduplicate ? deduplicationKeyOf(url, init) : undefined;
    if (key === undefined) return responseOf(await send(url, init));
    let answer = inFlight.get(key);
    if (!answer) {
      answer = send(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
    }
    return responseOf(await answer);
  };
}
