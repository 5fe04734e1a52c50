import { Authorized, Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RegisterCooperativeGroupInput } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { REGISTRY_WRITERS } from "../access";
import { CooperativeGroupPayload } from "./payloads";
import { CooperativeGroupService } from "../services/CooperativeGroupService";

/** Mutations of the registry: each translates its input into one call of CooperativeGroupService. */
@Resolver()
export class CooperativeGroupMutationResolver {
  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativeGroupPayload, { description: "Registers a cooperative group with at least 2 members (OFFICER, ADMIN)." })
  registerCooperativeGroup(@Arg("input", () => RegisterCooperativeGroupInput, { description: "The group." }) input: RegisterCooperativeGroupInput, @Ctx() ctx: RegistryContext): Promise<CooperativeGroupPayload> {
    return new CooperativeGroupService(ctx).registerCooperativeGroup(input);
  }
}
