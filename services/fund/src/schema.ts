import { auditLogResolver, buildFederatedSchema, registryCooperativeReference, reportReference } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { CollectiveEconomyReport } from "./report/CollectiveEconomyReport";
import { ReportResolver } from "./report/ReportResolver";
import { ApplicationMutationResolver } from "./resolvers/ApplicationMutationResolver";
import { ApplicationResolver } from "./resolvers/ApplicationResolver";
import { CooperativeFundResolver } from "./resolvers/CooperativeFundResolver";
import { LoanMutationResolver } from "./resolvers/LoanMutationResolver";
import { LoanResolver } from "./resolvers/LoanResolver";
import { PortfolioResolver } from "./resolvers/PortfolioResolver";
import { ProductMutationResolver } from "./resolvers/ProductMutationResolver";
import { ProductResolver } from "./resolvers/ProductResolver";
import { nodeReferences } from "./resolvers/nodeReferences";
import { Cooperative } from "./graphql/Cooperative";

/** The fund's federated schema. Needs no database: `npm run compose` prints it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ProductResolver,
        ProductMutationResolver,
        ApplicationResolver,
        ApplicationMutationResolver,
        LoanResolver,
        LoanMutationResolver,
        CooperativeFundResolver,
        PortfolioResolver,
        ReportResolver,
        auditLogResolver("fund"),
      ],
      // Entities the fund extends but never returns from a root field.
      orphanedTypes: [Cooperative, CollectiveEconomyReport],
    },
    { ...registryCooperativeReference, ...reportReference, ...nodeReferences },
  );
}
