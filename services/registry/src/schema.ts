import { auditLogResolver, buildFederatedSchema, reportReference } from "@camau/shared";
import { GraphQLSchema } from "graphql";
import { AdministrativeUnitResolver } from "./resolvers/AdministrativeUnitResolver";
import { CooperativeEventResolver } from "./resolvers/CooperativeEventResolver";
import { CooperativeGroupMutationResolver } from "./resolvers/CooperativeGroupMutationResolver";
import { CooperativeGroupResolver, groupReference } from "./resolvers/CooperativeGroupResolver";
import { CooperativeMutationResolver } from "./resolvers/CooperativeMutationResolver";
import { cooperativeReference, CooperativeResolver } from "./resolvers/CooperativeResolver";
import { CooperativeUnionMutationResolver } from "./resolvers/CooperativeUnionMutationResolver";
import { CooperativeUnionResolver, unionReference } from "./resolvers/CooperativeUnionResolver";
import { MemberResolver } from "./resolvers/MemberResolver";
import { MembershipMutationResolver } from "./resolvers/MembershipMutationResolver";
import { NodeResolver } from "./resolvers/NodeResolver";
import { ReferenceDataResolver } from "./resolvers/ReferenceDataResolver";
import { remoteNodeClasses } from "./resolvers/remoteNodeTypes";
import { UnionMembershipResolver } from "./resolvers/UnionMembershipResolver";
import { ReportResolver } from "./report/ReportResolver";

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
        CooperativeGroupMutationResolver,
        CooperativeUnionResolver,
        CooperativeUnionMutationResolver,
        UnionMembershipResolver,
        ReferenceDataResolver,
        AdministrativeUnitResolver,
        ReportResolver,
        NodeResolver,
        auditLogResolver("registry"),
      ],
      // The other subgraphs' node types, known here by their key only.
      orphanedTypes: remoteNodeClasses,
    },
    { ...cooperativeReference, ...groupReference, ...unionReference, ...reportReference },
    { servesEnumLabels: true },
  );
}
