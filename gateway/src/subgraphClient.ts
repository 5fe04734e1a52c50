import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import http from "node:http";
import https from "node:https";
import { SubgraphBreaker } from "./subgraphBreaker";
import { SubgraphUnavailableError } from "./subgraphErrors";

export type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherInit = Parameters<Fetcher>[1];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse["headers"];

export interface SubgraphClientOptions {
  /**
   * Identical anonymous read requests to the subgraph that are in flight at the same moment are
   * sent once, and every caller gets its own copy of the one answer (see `deduplicationKeyOf`).
   */
  deduplicate?: boolean;
  /**
   * The subgraph's circuit breaker: every exchange (one per deduplicated group) goes through it,
   * and timeouts, unreachable subgraphs and 5xx answers count as its failures.
   */
  breaker?: SubgraphBreaker;
}

interface BufferedAnswer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

/**
 * Keep-alive connections to the subgraphs. `node:http` rather than the global fetch: undici's
 * fetch (WHATWG streams, AbortSignal, Request/Response objects) cost 0.7-0.9 ms of CPU per
 * subgraph call in a loopback test, `http.request` 0.1-0.2 ms. Nor undici's leaner request API
 * (undici 6.29.1, its Agent with the same keep-alive, an AbortController per exchange): measured
 * side by side (`node bench/dist/src/bench.js --only reference,search --targets ours
 * --variant-main <a copy of gateway/dist on node:http> --variant-env FAIR_USE=false`, twice,
 * bench/results/2026-12-03T16-11-45-scale-1-undici-ab.json and 2026-12-03T16-15-24-scale-1-undici-ab-2.json,
 * a loaded machine), the gateway on undici spent 1.09x/1.09x the CPU per request on `search` and
 * 1.03x/1.08x on `reference`. The 4 s idle timeout stays under Node's 5 s server keep-alive (the
 * agent also honours the server's Keep-Alive hint), so a connection is not reused just as the
 * subgraph closes it. noDelay: no Nagle wait on writes.
 */
const agentOptions = { keepAlive: true, timeout: 4_000, noDelay: true } as http.AgentOptions;
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

interface Target {
  client: typeof http | typeof https;
  options: http.RequestOptions;
}

/** Parsed once per subgraph URL (there are a handful). */
const targets = new Map<string, Target>();
function targetOf(url: string): Target {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    const secure = parsed.protocol === "https:";
    if (!secure && parsed.protocol !== "http:") throw new TypeError(`unsupported subgraph URL ${url}`);
    target = {
      client: secure ? https : http,
      options: {
        protocol: parsed.protocol,
        hostname: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: parsed.port || undefined,
        path: `${parsed.pathname}${parsed.search}`,
        agent: secure ? httpsAgent : httpAgent,
        ...(parsed.username || parsed.password ? { auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` } : {}),
      },
    };
    targets.set(url, target);
  }
  return target;
}

/** Read-only view of a subgraph answer's headers (what RemoteGraphQLDataSource reads: get). */
class AnswerHeaders implements FetcherHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  append(): void {
    throw new TypeError("immutable headers");
  }
  set(): void {
    throw new TypeError("immutable headers");
  }
  delete(): void {
    throw new TypeError("immutable headers");
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)!];
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** One caller's response over a buffered answer; each caller parses the shared bytes itself. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly headers: FetcherHeaders;
  private used = false;
  constructor(private readonly answer: BufferedAnswer) {
    this.headers = new AnswerHeaders(answer.headers);
  }
  get url(): string {
    return this.answer.url;
  }
  get status(): number {
    return this.answer.status;
  }
  get statusText(): string {
    return this.answer.statusText;
  }
  get ok(): boolean {
    return this.answer.status >= 200 && this.answer.status < 300;
  }
  get bodyUsed(): boolean {
    return this.used;
  }
  private consume(): Buffer {
    if (this.used) throw new TypeError("Body is unusable: Body has already been read");
    this.used = true;
    return this.answer.body;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.consume();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
  async text(): Promise<string> {
    const text = this.consume().toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // like fetch: no BOM
  }
  async json(): Promise<any> {
    return JSON.parse(await this.text());
  }
  clone(): FetcherResponse {
    if (this.used) throw new TypeError("Response.clone: Body has already been consumed.");
    return new BufferedResponse(this.answer);
  }
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
 * Each replica shares only its own requests in flight, which clients cannot tell apart from
 * separate requests: nothing to share between replicas.
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

/** Plain header object for node:http (RemoteGraphQLDataSource passes a record). */
function requestHeadersOf(init: FetcherInit, body: string | Buffer | undefined): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = {};
  const given = init?.headers as unknown;
  if (given && typeof (given as Headers).forEach === "function" && typeof (given as Headers).get === "function") {
    (given as Headers).forEach((value, name) => (headers[name] = value));
  } else if (given) {
    Object.assign(headers, given as Record<string, string>);
  }
  if (body !== undefined) headers["content-length"] = Buffer.byteLength(body);
  return headers;
}

/**
 * RemoteGraphQLDataSource has no timeout of its own: a hung subgraph would hold the client's
 * request forever. This fetcher bounds the whole exchange, headers and body, with one timer,
 * and buffers the body inside that bound. With `deduplicate`, identical anonymous reads in
 * flight at once share one subgraph request (see `deduplicationKeyOf`). With `breaker`, an open
 * circuit fails at once instead of sending (see subgraphBreaker.ts).
 */
export function createSubgraphClient(serviceName: string, timeoutMs: number, options: SubgraphClientOptions = {}): Fetcher {
  const inFlight = new Map<string, Promise<BufferedAnswer>>();
  const exchange = (url: string, init: FetcherInit = {}): Promise<BufferedAnswer> =>
    new Promise<BufferedAnswer>((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(
          timedOut
            ? new SubgraphUnavailableError(serviceName, `did not answer within ${timeoutMs} ms`, error)
            : new SubgraphUnavailableError(serviceName, "could not be reached", error),
        );
      };
      let request: http.ClientRequest | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        const error = new Error(`timed out after ${timeoutMs} ms`);
        error.name = "TimeoutError";
        request?.destroy(error);
        fail(error);
      }, timeoutMs);
      try {
        const target = targetOf(url);
        const body = init.body;
        request = target.client.request({ ...target.options, method: init.method ?? "GET", headers: requestHeadersOf(init, body) }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", fail);
          response.on("aborted", () => fail(new Error("the subgraph closed the connection mid-answer")));
          response.on("end", () => {
            if (settled) return;
            if (!response.complete) return fail(new Error("the subgraph closed the connection mid-answer"));
            settled = true;
            clearTimeout(timer);
            resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", headers: response.headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), url });
          });
        });
        request.on("error", fail);
        request.end(body);
      } catch (error) {
        fail(error);
      }
    });
  const { breaker } = options;
  const send = breaker ? (url: string, init: FetcherInit) => breaker.run(() => exchange(url, init), (answer) => answer.status >= 500) : exchange;
  return async (url, init = {}) => {
    const key = options.deduplicate ? deduplicationKeyOf(url, init) : undefined;
    if (key === undefined) return new BufferedResponse(await send(url, init));
    let answer = inFlight.get(key);
    if (!answer) {
      answer = send(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, answer);
    }
    return new BufferedResponse(await answer);
  };
}
