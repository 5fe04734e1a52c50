import { actorVisibleTo, detailsVisibleTo, CacheHint } from "@camau/shared";
import { GraphQLJSONObject } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import { RegistryContext } from "../context";
import { CooperativeEvent } from "../entities/CooperativeEvent";

/** The history is public; who recorded a change and whom it concerned are for staff only. */
@Resolver(() => CooperativeEvent)
export class CooperativeEventResolver {
  @Directive(CacheHint.restricted)
  @FieldResolver(() => String, { nullable: true, description: "Who recorded it (token subject; 'seed' for the demo dataset): staff only (OFFICER, ADMIN, FUND_OFFICER, FUND_APPROVER), null for everyone else." })
  actorSubject(@Root() event: CooperativeEvent, @Ctx() ctx: RegistryContext): string | null {
    return actorVisibleTo(ctx.viewer, event.actorSubject);
  }

  @Directive(CacheHint.restricted)
  @FieldResolver(() => GraphQLJSONObject, { description: "What changed: previous and new values of the changed fields. For everyone but staff, without the people it concerns (member ids, names, personal data)." })
  details(@Root() event: CooperativeEvent, @Ctx() ctx: RegistryContext): Record<string, unknown> {
    return detailsVisibleTo(ctx.viewer, event.details);
  }
}
