import { auditLogResolver, buildFederatedSchema } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { AdministrativeUnitResolver } from "./resolvers/AdministrativeUnitResolver";
import { CooperativeEventResolver } from "./resolvers/CooperativeEventResolver";
import { CooperativeGroupResolver, groupReference } from "./resolvers/CooperativeGroupResolver";
import { CooperativeMutationResolver } from "./resolvers/CooperativeMutationResolver";
import { cooperativeReference, CooperativeResolver } from "./resolvers/CooperativeResolver";
import { CooperativeUnionResolver, unionReference } from "./resolvers/CooperativeUnionResolver";
import { MemberResolver } from "./resolvers/MemberResolver";
import { MembershipMutationResolver } from "./resolvers/MembershipMutationResolver";
import { ReferenceDataResolver } from "./resolvers/ReferenceDataResolver";
import { UnionMembershipResolver } from "./resolvers/UnionMembershipResolver";
import { reportReference, ReportResolver } from "./report/ReportResolver";

/** The registry's federated schema. Needs no database: `npm run compose` prints it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CooperativeResolver,
        CooperativeEventResolver,
        CooperativeMutationResolver,
        MemberResolver,
        MembershipMutationResolver,
        CooperativeGroupResolver,
        CooperativeUnionResolver,
        UnionMembershipResolver,
        ReferenceDataResolver,
        AdministrativeUnitResolver,
        ReportResolver,
        auditLogResolver("registry"),
      ],
    },
    { ...cooperativeReference, ...groupReference, ...unionReference, ...reportReference },
  );
}
