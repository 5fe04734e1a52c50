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

  override willSendRequest({ request, context }: ProcessOptions): void {
    const headers = request.http!.headers;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // Schema loading and health checks run without a client request, hence no context fields.
    const client = context as Partial<GatewayContext> | undefined;
    if (client?.authorization) headers.set("authorization", client.authorization);
    if (client?.requestId) headers.set(REQUEST_ID_HEADER, client.requestId);
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

  /** A non-2xx answer carrying GraphQL errors becomes an ordinary errored response for the planner. */
  override async process(options: ProcessOptions): Promise<ProcessResult> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof SubgraphHttpError && error.graphqlErrors) return { errors: [...error.graphqlErrors] };
      throw error;
    }
  }
}
