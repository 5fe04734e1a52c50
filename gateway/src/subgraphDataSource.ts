import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { envBool, GATEWAY_SECRET_HEADER } from "@camau/shared";
import { GatewayContext } from "./context";
import { REQUEST_ID_HEADER } from "./requestId";
import { BreakerSettings, SubgraphBreaker } from "./subgraphBreaker";
import { graphqlErrorsOf, SubgraphHttpError } from "./subgraphErrors";
import { createSubgraphClient } from "./subgraphClient";

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>["process"]>[0];
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]>>;
type FetchResponse = Parameters<RemoteGraphQLDataSource<GatewayContext>["errorFromResponse"]>[0];

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Shared secret the subgraphs require in x-gateway-secret. */
  gatewaySecret: string;
  timeoutMs: number;
  /**
   * Share one subgraph request among identical anonymous reads in flight at once (see
   * subgraphClient.ts); SUBGRAPH_DEDUPLICATION (default true) when not given.
   */
  deduplicate?: boolean;
  /** The circuit breaker's settings; SUBGRAPH_BREAKER_* when not given (see subgraphBreaker.ts). */
  breaker?: BreakerSettings;
}

/** How the gateway calls one subgraph: authenticated, traced, bounded in time, errors relayed. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  readonly breaker: SubgraphBreaker;
  private readonly gatewaySecret: string;

  constructor(options: SubgraphDataSourceOptions) {
    // The gateway's own policy (cacheControlPlugin.ts) decides Cache-Control; the subgraphs' headers would only be parsed for nothing.
    super({ url: options.url, honorSubgraphCacheControlHeader: false });
    this.name = options.name;
    this.gatewaySecret = options.gatewaySecret;
    this.breaker = new SubgraphBreaker(options.name, options.breaker);
    this.fetcher = createSubgraphClient(options.name, options.timeoutMs, { deduplicate: options.deduplicate ?? envBool("SUBGRAPH_DEDUPLICATION", true), breaker: this.breaker });
  }

  /**
   * The default turns any non-2xx answer into "400: Bad Request" and loses the subgraph's own
   * error. Keep the GraphQL errors of the body so `process` can relay them.
   */
  override async errorFromResponse(response: FetchResponse): Promise<SubgraphHttpError> {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: reported by status below
    }
    const errors = graphqlErrorsOf(body);
    if (errors) return new SubgraphHttpError(errors[0].message, { ...errors[0].extensions, serviceName: this.name }, errors);
    const code = response.status === 401 ? "UNAUTHENTICATED" : response.status === 403 ? "FORBIDDEN" : "INTERNAL_SERVER_ERROR";
    return new SubgraphHttpError(`The ${this.name} service answered HTTP ${response.status}`, { code, serviceName: this.name }, undefined);
  }

  /**
   * One call to the subgraph: RemoteGraphQLDataSource's `process` and `sendRequest` without the
   * node-fetch `Headers` and `Request` objects they build on every call for hooks this class does
   * not use (persisted queries to subgraphs, the subgraphs' Cache-Control, didEncounterError,
   * didReceiveResponse), about 7 % of the gateway's busy CPU in a profile of the portal list. The
   * headers: any the planner set, JSON, the gateway secret, and the client's Authorization and
   * request id (schema loading and health checks run without a client request, hence no context
   * fields). A non-2xx answer carrying GraphQL errors becomes an ordinary errored response for
   * the planner.
   */
  override async process({ request, context }: ProcessOptions): Promise<ProcessResult> {
    if (!request.query) throw new Error("Missing query");
    const headers: Record<string, string> = {};
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    headers["content-type"] = "application/json";
    headers[GATEWAY_SECRET_HEADER] = this.gatewaySecret;
    const client = context as Partial<GatewayContext> | undefined;
    if (client?.authorization) headers.authorization = client.authorization;
    if (client?.requestId) headers[REQUEST_ID_HEADER] = client.requestId;
    const { http: _http, ...operation } = request;
    try {
      const response = await this.fetcher(this.url!, { method: "POST", headers, body: JSON.stringify(operation) });
      if (!response.ok) throw await this.errorFromResponse(response);
      const body = await this.parseBody(response);
      if (body === null || typeof body !== "object") throw new Error(`Expected JSON response body, but received: ${String(body)}`);
      return { ...body, http: response } as ProcessResult;
    } catch (error) {
      if (error instanceof SubgraphHttpError && error.graphqlErrors) return { errors: [...error.graphqlErrors] };
      throw error;
    }
  }
}
