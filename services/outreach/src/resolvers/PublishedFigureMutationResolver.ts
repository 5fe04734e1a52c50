import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { OutreachContext } from "../context";
import { CorrectPublishedFigureInput, RecordPublishedFiguresInput, RemovePublishedFigureInput } from "../inputs/PublishedFigureInputs";
import { PublishedFigurePayload, RecordPublishedFiguresPayload, RemovePublishedFigurePayload } from "./payloads";
import { OUTREACH_WRITERS } from "../access";
import { PublishedFigureService } from "../services/PublishedFigureService";

/** Mutations of outreach: each translates its input into one call of PublishedFigureService. */
@Resolver()
export class PublishedFigureMutationResolver {
  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => RecordPublishedFiguresPayload, {
    description: "Records figures as a report published them for a period (OFFICER, ADMIN). The same figure of the same report, publisher, period and province cannot be recorded twice (CONFLICT); correct it instead.",
  })
  recordPublishedFigures(@Arg("input", () => RecordPublishedFiguresInput, { description: "The report and its figures." }) input: RecordPublishedFiguresInput, @Ctx() ctx: OutreachContext): Promise<RecordPublishedFiguresPayload> {
    return new PublishedFigureService(ctx).recordPublishedFigures(input);
  }

  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => PublishedFigurePayload, { description: "Corrects the value or remark of a recorded published figure (OFFICER, ADMIN)." })
  correctPublishedFigure(@Arg("input", () => CorrectPublishedFigureInput, { description: "The correction." }) input: CorrectPublishedFigureInput, @Ctx() ctx: OutreachContext): Promise<PublishedFigurePayload> {
    return new PublishedFigureService(ctx).correctPublishedFigure(input);
  }

  @Authorized(...OUTREACH_WRITERS)
  @Mutation(() => RemovePublishedFigurePayload, { description: "Removes a published figure recorded by mistake (OFFICER, ADMIN)." })
  removePublishedFigure(@Arg("input", () => RemovePublishedFigureInput, { description: "Which record." }) input: RemovePublishedFigureInput, @Ctx() ctx: OutreachContext): Promise<RemovePublishedFigurePayload> {
    return new PublishedFigureService(ctx).removePublishedFigure(input);
  }
}
