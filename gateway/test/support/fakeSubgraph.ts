import { composeServices } from "@apollo/composition";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createErrorFormatter, gatewaySecret, gatewaySecretGuard } from "@camau/shared";
import express from "express";
import { GraphQLError, parse } from "graphql";
import http from "node:http";
import { AddressInfo } from "node:net";

/** A tiny subgraph for gateway tests: independent of any real service and its database. */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    hello: String!
    "The Authorization and x-request-id headers the subgraph received."
    seenHeaders: SeenHeaders!
    fail(code: String!): String
    crash: String
    slow(ms: Int!): String
  }
  type SeenHeaders { authorization: String, requestId: String }
`);

interface Context {
  headers: http.IncomingHttpHeaders;
}

export interface FakeSubgraph {
  readonly name: string;
  readonly url: string;
  /** What /ready answers (a subgraph whose database is down answers 503). */
  ready: boolean;
  /** The supergraph of this one subgraph, as `npm run compose` would write it. */
  supergraphSdl(): string;
  stop(): Promise<void>;
}

export async function startFakeSubgraph(name = "fake"): Promise<FakeSubgraph> {
  const pending = new Set<() => void>();
  const schema = buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: {
          hello: () => "Xin chào Cà Mau",
          seenHeaders: (_: unknown, __: unknown, { headers }: Context) => ({
            authorization: headers.authorization ?? null,
            requestId: headers["x-request-id"] ?? null,
          }),
          fail: (_: unknown, { code }: { code: string }) => {
            throw new GraphQLError(`failed with ${code}`, { extensions: { code } });
          },
          crash: () => {
            throw new Error("relation \"secret_table\" does not exist");
          },
          // Resolves after `ms`, or at once when the subgraph stops, so no timer outlives a test.
          slow: (_: unknown, { ms }: { ms: number }) =>
            new Promise<string>((resolve) => {
              const done = () => {
                clearTimeout(timer);
                pending.delete(done);
                resolve("late");
              };
              const timer = setTimeout(done, ms);
              pending.add(done);
            }),
        },
      },
    },
  ]);
  const server = new ApolloServer<Context>({
    schema,
    formatError: createErrorFormatter(name),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const app = express();
  const httpServer = http.createServer(app);
  const fake = {
    name,
    url: "",
    ready: true,
    supergraphSdl(): string {
      const result = composeServices([{ name, typeDefs, url: this.url }]);
      if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
      return result.supergraphSdl;
    },
    async stop(): Promise<void> {
      for (const done of [...pending]) done();
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
  app.get("/ready", (_req, res) => {
    res.status(fake.ready ? 200 : 503).json({ status: fake.ready ? "ready" : "database unavailable" });
  });
  app.use(
    "/graphql",
    gatewaySecretGuard(gatewaySecret()),
    express.json(),
    expressMiddleware(server, { context: async ({ req }) => ({ headers: req.headers }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  return fake;
}
