import { auditLogResolver, buildFederatedSchema, registryCooperativeReference } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { CollectiveEconomyReport } from "./report/CollectiveEconomyReport";
import { reportReference, ReportResolver } from "./report/ReportResolver";
import { CooperativeResolver } from "./resolvers/CooperativeResolver";
import { PublishedFigureMutationResolver } from "./resolvers/PublishedFigureMutationResolver";
import { PublishedFigureResolver } from "./resolvers/PublishedFigureResolver";
import { TrainingClassMutationResolver } from "./resolvers/TrainingClassMutationResolver";
import { trainingClassReference, TrainingClassResolver } from "./resolvers/TrainingClassResolver";
import { nodeReferences } from "./resolvers/nodeReferences";
import { Cooperative } from "./graphql/Cooperative";

/** The outreach subgraph's federated schema. Needs no database: `npm run compose` prints it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [TrainingClassResolver, TrainingClassMutationResolver, CooperativeResolver, PublishedFigureResolver, PublishedFigureMutationResolver, ReportResolver, auditLogResolver("outreach")],
      // Entities this subgraph only extends: no query of its own returns them.
      orphanedTypes: [Cooperative, CollectiveEconomyReport],
    },
    { ...trainingClassReference, ...registryCooperativeReference, ...reportReference, ...nodeReferences },
  );
}
