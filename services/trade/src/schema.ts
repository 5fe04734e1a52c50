import { auditLogResolver, buildFederatedSchema, registryCooperativeReference, reportReference } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { CollectiveEconomyReport } from "./report/CollectiveEconomyReport";
import { ReportResolver } from "./report/ReportResolver";
import { CooperativeResolver } from "./resolvers/CooperativeResolver";
import { ParticipationMutationResolver } from "./resolvers/ParticipationMutationResolver";
import { ParticipationResolver } from "./resolvers/ParticipationResolver";
import { ProductMutationResolver } from "./resolvers/ProductMutationResolver";
import { productReference, ProductResolver } from "./resolvers/ProductResolver";
import { ProgramMutationResolver } from "./resolvers/ProgramMutationResolver";
import { ProgramResolver } from "./resolvers/ProgramResolver";
import { nodeReferences } from "./resolvers/nodeReferences";
import { Cooperative } from "./graphql/Cooperative";

/** The trade promotion subgraph's federated schema. Needs no database: `npm run compose` prints it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ProductResolver,
        ProductMutationResolver,
        ProgramResolver,
        ProgramMutationResolver,
        ParticipationResolver,
        ParticipationMutationResolver,
        CooperativeResolver,
        ReportResolver,
        auditLogResolver("trade"),
      ],
      // Reached only through the gateway's _entities: no query of this subgraph returns it.
      orphanedTypes: [Cooperative, CollectiveEconomyReport],
    },
    { ...productReference, ...registryCooperativeReference, ...reportReference, ...nodeReferences },
  );
}
