import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { AddMemberInput, EndMembershipInput } from "../inputs/MembershipInputs";
import { RegistryContext } from "../context";
import { MemberPayload } from "./payloads";
import { REGISTRY_WRITERS_OR_MANAGER } from "../access";
import { MembershipService } from "../services/MembershipService";

/** Mutations of the registry: each translates its input into one call of MembershipService. */
@Resolver()
export class MembershipMutationResolver {
  @Authorized(...REGISTRY_WRITERS_OR_MANAGER)
  @Mutation(() => MemberPayload, { description: "Adds a member to a cooperative (OFFICER, ADMIN, or its own manager) or to a group (OFFICER, ADMIN)." })
  addMember(@Arg("input", () => AddMemberInput, { description: "Who joins where." }) input: AddMemberInput, @Ctx() ctx: RegistryContext): Promise<MemberPayload> {
    return new MembershipService(ctx).addMember(input);
  }

  @Authorized(...REGISTRY_WRITERS_OR_MANAGER)
  @Mutation(() => MemberPayload, { description: "Ends a membership; refused when it would leave a cooperative or group below its legal minimum (OFFICER, ADMIN, or the cooperative's own manager)." })
  endMembership(@Arg("input", () => EndMembershipInput, { description: "Which membership and when." }) input: EndMembershipInput, @Ctx() ctx: RegistryContext): Promise<MemberPayload> {
    return new MembershipService(ctx).endMembership(input);
  }
}
