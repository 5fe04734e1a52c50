import { auditLogResolver, buildFederatedSchema } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { ReportDraftResolver } from "./resolvers/ReportDraftResolver";

/** The reporting subgraph's federated schema. Needs no database: `npm run compose` prints it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ReportDraftResolver, auditLogResolver("reporting")] });
}
