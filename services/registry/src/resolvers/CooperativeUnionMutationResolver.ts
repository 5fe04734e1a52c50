import { Authorized, Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { ChangeUnionMembersInput, RegisterCooperativeUnionInput } from "../inputs/GroupAndUnionInputs";
import { RegistryContext } from "../context";
import { CooperativeUnionPayload } from "./payloads";
import { REGISTRY_WRITERS } from "../access";
import { CooperativeUnionService } from "../services/CooperativeUnionService";

/** Mutations of the registry: each translates its input into one call of CooperativeUnionService. */
@Resolver()
export class CooperativeUnionMutationResolver {
  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativeUnionPayload, { description: "Registers a union of cooperatives with at least 3 ACTIVE member cooperatives (4 under LAW_2012) (OFFICER, ADMIN)." })
  registerCooperativeUnion(@Arg("input", () => RegisterCooperativeUnionInput, { description: "The union." }) input: RegisterCooperativeUnionInput, @Ctx() ctx: RegistryContext): Promise<CooperativeUnionPayload> {
    return new CooperativeUnionService(ctx).registerCooperativeUnion(input);
  }

  @Authorized(...REGISTRY_WRITERS)
  @Mutation(() => CooperativeUnionPayload, { description: "Adds and removes member cooperatives of a union; it must keep its legal minimum (OFFICER, ADMIN)." })
  changeUnionMembers(@Arg("input", () => ChangeUnionMembersInput, { description: "Who joins and who leaves." }) input: ChangeUnionMembersInput, @Ctx() ctx: RegistryContext): Promise<CooperativeUnionPayload> {
    return new CooperativeUnionService(ctx).changeUnionMembers(input);
  }
}
