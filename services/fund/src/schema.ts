import { auditLogResolver, buildFederatedSchema } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { cooperativeReference, CooperativeRef } from "./graphql/federation";
import { FundReport, reportReference } from "./report/CollectiveEconomyReport";
import { FundReportResolver } from "./report/ReportResolver";
import { ApplicationMutationResolver } from "./resolvers/ApplicationMutationResolver";
import { ApplicationResolver } from "./resolvers/ApplicationResolver";
import { CooperativeFundResolver } from "./resolvers/CooperativeFundResolver";
import { LoanMutationResolver } from "./resolvers/LoanMutationResolver";
import { LoanResolver } from "./resolvers/LoanResolver";
import { PortfolioResolver } from "./resolvers/PortfolioResolver";
import { ProductMutationResolver } from "./resolvers/ProductMutationResolver";
import { ProductResolver } from "./resolvers/ProductResolver";

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
        FundReportResolver,
        auditLogResolver("fund"),
      ],
      // Entities the fund extends but never returns from a root field.
      orphanedTypes: [CooperativeRef, FundReport],
    },
    { ...cooperativeReference, ...reportReference },
  );
}
