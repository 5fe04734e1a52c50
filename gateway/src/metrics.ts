import { BreakerState, SubgraphBreaker } from "./subgraphBreaker";

const STATES: readonly BreakerState[] = ["closed", "half_open", "open"];

/**
 * The gateway's /metrics in Prometheus's text format (as the subgraphs'): per subgraph, the
 * circuit breaker's state (one series per state, 1 for the current one), how often it opened
 * and how many calls it refused while open.
 */
export function gatewayMetricsText(breakers: Iterable<SubgraphBreaker>): string {
  const all = [...breakers];
  const lines = ["# HELP subgraph_breaker_state Circuit breaker state per subgraph (1 for the current state).", "# TYPE subgraph_breaker_state gauge"];
  for (const b of all) for (const state of STATES) lines.push(`subgraph_breaker_state{service="${b.serviceName}",state="${state}"} ${b.state === state ? 1 : 0}`);
  lines.push("# HELP subgraph_breaker_opened_total Times the circuit of a subgraph opened.", "# TYPE subgraph_breaker_opened_total counter");
  for (const b of all) lines.push(`subgraph_breaker_opened_total{service="${b.serviceName}"} ${b.opened}`);
  lines.push("# HELP subgraph_breaker_rejected_total Subgraph calls refused at once because the circuit was open.", "# TYPE subgraph_breaker_rejected_total counter");
  for (const b of all) lines.push(`subgraph_breaker_rejected_total{service="${b.serviceName}"} ${b.rejected}`);
  return `${lines.join("\n")}\n`;
}
