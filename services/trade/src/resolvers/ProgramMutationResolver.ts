import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { TradeContext } from "../context";
import { CreateProgramInput, UpdateProgramInput } from "../inputs/ProgramInputs";
import { TRADE_WRITERS } from "../access";
import { TradePromotionProgramPayload } from "./payloads";
import { ProgramService } from "../services/ProgramService";

/** Mutations of trade promotion: each translates its input into one call of ProgramService. */
@Resolver()
export class ProgramMutationResolver {
  @Authorized(...TRADE_WRITERS)
  @Mutation(() => TradePromotionProgramPayload, { description: "Creates a trade promotion program (OFFICER, ADMIN)." })
  createTradePromotionProgram(@Arg("input", () => CreateProgramInput, { description: "The program." }) input: CreateProgramInput, @Ctx() ctx: TradeContext): Promise<TradePromotionProgramPayload> {
    return new ProgramService(ctx).createTradePromotionProgram(input);
  }

  @Authorized(...TRADE_WRITERS)
  @Mutation(() => TradePromotionProgramPayload, {
    description: "Changes a program (OFFICER, ADMIN); CONFLICT when the version is stale. A new support policy must still cover the support already granted.",
  })
  updateTradePromotionProgram(@Arg("input", () => UpdateProgramInput, { description: "The changes." }) input: UpdateProgramInput, @Ctx() ctx: TradeContext): Promise<TradePromotionProgramPayload> {
    return new ProgramService(ctx).updateTradePromotionProgram(input);
  }
}
