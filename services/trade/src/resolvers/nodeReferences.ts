import { TradeContext } from "../context";
import { ParticipationResolver } from "./ParticipationResolver";
import { ProgramResolver } from "./ProgramResolver";

/**
 * Programs and participations as entities (`node(id:)` hands the gateway `{ __typename, id }`):
 * each reference resolves exactly as its root field does. (Product already is an entity.)
 */
export const nodeReferences = {
  TradePromotionProgram: { __resolveReference: (ref: { id: string }, ctx: TradeContext) => new ProgramResolver().tradePromotionProgram(ref.id, ctx) },
  Participation: { __resolveReference: (ref: { id: string }, ctx: TradeContext) => new ParticipationResolver().participation(ref.id, ctx) },
};
