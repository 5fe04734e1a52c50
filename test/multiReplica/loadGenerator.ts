import { PortalRequest } from "./portalOperations";

/** What became of one request. */
export interface Outcome {
  operation: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** Why it failed: the HTTP status, the first error's code and message, or the network error. */
  failure?: string;
}

export interface LoadOptions {
  /** The gateway as clients reach it. */
  url: string;
  requests: (i: number) => PortalRequest;
  /** Requests in flight at once. */
  concurrency: number;
  /** At most this many requests... */
  maxRequests: number;
  /** ...and for at most this long. */
  maxDurationMs: number;
  /** Each request's own time limit. */
  requestTimeoutMs?: number;
}

/** A load running in the background until stop() or one of its bounds. */
export interface RunningLoad {
  /** Stops sending; resolves with every outcome once the requests in flight have answered. */
  stop(): Promise<Outcome[]>;
  /** Resolves like stop() when a bound ends the load by itself. */
  readonly finished: Promise<Outcome[]>;
  /** Whether a bound (count or duration) ended it rather than stop(). */
  readonly boundReached: boolean;
  /** Outcomes so far. */
  readonly outcomes: readonly Outcome[];
}

/**
 * A request fails when it does not answer HTTP 200 with a body without `errors`: a partial
 * answer is a failure for the portal too.
 */
export async function send(url: string, body: Record<string, unknown>, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<{ status: number; body?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }; failure?: string }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    const text = await response.text();
    let parsed: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { status: response.status, failure: `HTTP ${response.status}, not JSON: ${text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 120)}` };
    }
    if (response.status !== 200) return { status: response.status, body: parsed, failure: `HTTP ${response.status}: ${describeErrors(parsed?.errors)}` };
    if (parsed?.errors?.length) return { status: response.status, body: parsed, failure: describeErrors(parsed.errors) };
    return { status: response.status, body: parsed };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, failure: `network: ${cause ?? (error as Error).message}` };
  }
}

function describeErrors(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return "no errors listed";
  const first = errors[0];
  return `${String(first.extensions?.code ?? "no code")} ${first.message.slice(0, 120)}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}`;
}

/** Starts `concurrency` clients that send the portal's requests one after another until a bound or stop(). */
export function startLoad(options: LoadOptions): RunningLoad {
  const outcomes: Outcome[] = [];
  const startedAt = Date.now();
  let next = 0;
  let stopped = false;
  let boundReached = false;
  const client = async () => {
    for (;;) {
      if (stopped) return;
      if (next >= options.maxRequests || Date.now() - startedAt >= options.maxDurationMs) {
        boundReached = true;
        return;
      }
      const request = options.requests(next++);
      const began = Date.now();
      const result = await send(options.url, { query: request.query, variables: request.variables }, { timeoutMs: options.requestTimeoutMs });
      outcomes.push({ operation: request.operation, startedAt: began, endedAt: Date.now(), ok: !result.failure, failure: result.failure });
    }
  };
  const finished = Promise.all(Array.from({ length: options.concurrency }, client)).then(() => outcomes);
  return {
    stop: () => {
      stopped = true;
      return finished;
    },
    finished,
    get boundReached() {
      return boundReached;
    },
    outcomes,
  };
}
