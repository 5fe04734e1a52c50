import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { TradeContext } from "../context";
import { RecordParticipationResultsInput, RegisterParticipationInput } from "../inputs/ParticipationInputs";
import { TRADE_WRITERS_OR_MANAGER } from "../access";
import { ParticipationPayload } from "./payloads";
import { ParticipationService } from "../services/ParticipationService";

/** Mutations of trade promotion: each translates its input into one call of ParticipationService. */
@Resolver()
export class ParticipationMutationResolver {
  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ParticipationPayload, {
    description:
      "Registers a cooperative for a program with the products it shows (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER, who may not set a support amount). A cooperative takes part once (CONFLICT); products must be its own; support may not exceed the policy; the cooperative must exist in the registry (else NOT_FOUND).",
  })
  registerParticipation(@Arg("input", () => RegisterParticipationInput, { description: "The registration." }) input: RegisterParticipationInput, @Ctx() ctx: TradeContext): Promise<ParticipationPayload> {
    return new ParticipationService(ctx).registerParticipation(input);
  }

  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ParticipationPayload, {
    description:
      "Records a participation's results: on-site sales and the contracts and MOUs signed, replacing earlier results (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER). CONFLICT before the program has begun or when the version is stale.",
  })
  recordParticipationResults(@Arg("input", () => RecordParticipationResultsInput, { description: "The results." }) input: RecordParticipationResultsInput, @Ctx() ctx: TradeContext): Promise<ParticipationPayload> {
    return new ParticipationService(ctx).recordParticipationResults(input);
  }
}
