import { envInt } from "@camau/shared";
import CircuitBreaker from "opossum";
import { SubgraphUnavailableError } from "./subgraphErrors";

/**
 * A circuit breaker in front of one subgraph (opossum). When most recent calls to a subgraph
 * failed (a timeout, a refused connection, a 5xx answer), the gateway stops calling it for a
 * while: the fields of that subgraph fail at once with SUBGRAPH_UNAVAILABLE, the rest of the
 * query is answered without waiting SUBGRAPH_TIMEOUT_MS for it, and a hung subgraph is not
 * sent more requests to pile up. After the reset time one call is let through (half-open): its
 * success closes the circuit, its failure opens it again.
 *
 * Per replica on purpose, not in Redis: each gateway judges its own path to the subgraph (a
 * network fault may cut one replica only), and a shared state would add a Redis round trip to
 * every subgraph call. For at most the reset time, one replica may fail a subgraph's fields at
 * once while another still tries it; both answers say SUBGRAPH_UNAVAILABLE if it is down.
 *
 * Cost: opossum's bookkeeping (events, rolling counts in 10 buckets; percentiles and snapshots
 * turned off) measured 0.9-1.0 µs per call over a bare promise (loops of 200,000 calls on the
 * 2-core development machine), against 100-200 µs of CPU for the subgraph call itself
 * (subgraphClient.ts): not worth a hand-written breaker.
 */

export interface BreakerSettings {
  /** Share of failed calls in the window that opens the circuit, 1-100. */
  errorThresholdPercentage: number;
  /** Fewest calls in the window before the share counts (a lone failure never opens it). */
  volumeThreshold: number;
  /** How long the circuit stays open before one call probes the subgraph. */
  resetTimeoutMs: number;
}

/** The rolling window the failures are counted over. */
export const BREAKER_WINDOW_MS = 10_000;

/** SUBGRAPH_BREAKER_ERROR_THRESHOLD_PERCENT (50), SUBGRAPH_BREAKER_VOLUME_THRESHOLD (10), SUBGRAPH_BREAKER_RESET_MS (10000). */
export function breakerSettingsFromEnvironment(): BreakerSettings {
  const settings = {
    errorThresholdPercentage: envInt("SUBGRAPH_BREAKER_ERROR_THRESHOLD_PERCENT", 50),
    volumeThreshold: envInt("SUBGRAPH_BREAKER_VOLUME_THRESHOLD", 10),
    resetTimeoutMs: envInt("SUBGRAPH_BREAKER_RESET_MS", 10_000),
  };
  if (settings.errorThresholdPercentage < 1 || settings.errorThresholdPercentage > 100) throw new Error("SUBGRAPH_BREAKER_ERROR_THRESHOLD_PERCENT must be 1-100");
  if (settings.volumeThreshold < 1) throw new Error("SUBGRAPH_BREAKER_VOLUME_THRESHOLD must be >= 1");
  if (settings.resetTimeoutMs < 1) throw new Error("SUBGRAPH_BREAKER_RESET_MS must be positive");
  return settings;
}

export type BreakerState = "closed" | "half_open" | "open";

/** An answer that counts as a failure (5xx) but is still the caller's to read. */
class FailedAnswer<T> extends Error {
  constructor(readonly answer: T) {
    super("the subgraph answered with a server error");
  }
}

type Work = () => Promise<unknown>;

export class SubgraphBreaker {
  private readonly breaker: CircuitBreaker<[Work, (answer: unknown) => boolean], unknown>;
  /** Times the circuit opened, and calls refused while open (for /metrics). */
  opened = 0;
  rejected = 0;

  constructor(
    readonly serviceName: string,
    settings: BreakerSettings = breakerSettingsFromEnvironment(),
    log: (line: string) => void = (line) => process.stderr.write(`[gateway] ${line}\n`),
  ) {
    this.breaker = new CircuitBreaker(
      async (work: Work, failed: (answer: unknown) => boolean) => {
        const answer = await work();
        if (failed(answer)) throw new FailedAnswer(answer);
        return answer;
      },
      {
        timeout: false, // the fetcher bounds each call itself
        errorThresholdPercentage: settings.errorThresholdPercentage,
        volumeThreshold: settings.volumeThreshold,
        resetTimeout: settings.resetTimeoutMs,
        rollingCountTimeout: BREAKER_WINDOW_MS,
        rollingCountBuckets: 10,
        rollingPercentilesEnabled: false,
        enableSnapshots: false,
      },
    );
    this.breaker.on("open", () => {
      this.opened++;
      log(`circuit of the ${serviceName} service open: its fields fail at once for ${settings.resetTimeoutMs} ms`);
    });
    this.breaker.on("halfOpen", () => log(`circuit of the ${serviceName} service half-open: one call probes it`));
    this.breaker.on("close", () => log(`circuit of the ${serviceName} service closed: it answers again`));
    this.breaker.on("reject", () => this.rejected++);
  }

  get state(): BreakerState {
    return this.breaker.opened ? "open" : this.breaker.halfOpen ? "half_open" : "closed";
  }

  /**
   * Runs `work` unless the circuit is open (then SubgraphUnavailableError at once). A rejection
   * of `work`, or an answer for which `failed` holds, counts as a failure; the answer is returned all the same.
   */
  async run<T>(work: () => Promise<T>, failed: (answer: T) => boolean): Promise<T> {
    try {
      return (await this.breaker.fire(work, failed as (answer: unknown) => boolean)) as T;
    } catch (error) {
      if (error instanceof FailedAnswer) return error.answer as T;
      if ((error as { code?: unknown }).code === "EOPENBREAKER") throw new SubgraphUnavailableError(this.serviceName, "is unavailable");
      throw error;
    }
  }

  /** Stops the window's timer (a gateway stopped in a test process). */
  shutdown(): void {
    this.breaker.shutdown();
  }
}
