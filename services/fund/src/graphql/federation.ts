import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The registry's `Cooperative` entity as the fund sees it: only its key. The fund adds its own
 * fields (loanApplications, loans, fundSummary) in resolvers/CooperativeFundResolver.ts; the
 * gateway gets everything else from the registry.
 */
@Directive('@key(fields: "id")')
@ObjectType("Cooperative", { description: "A cooperative (hợp tác xã, HTX): a legal person registered under the Law on Cooperatives." })
export class CooperativeRef {
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string;
}

/** Entity reference resolver: the gateway hands the fund `{ id }`; no lookup is needed. */
export const cooperativeReference = {
  Cooperative: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
