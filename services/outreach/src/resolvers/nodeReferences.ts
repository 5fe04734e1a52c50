import { isUuid } from "@camau/shared";
import { OutreachContext } from "../context";
import { PublishedFigureResolver } from "./PublishedFigureResolver";

/**
 * Published figures as entities (`node(id:)` hands the gateway `{ __typename, id }`): a reference
 * resolves exactly as `publishedFigure(id:)` does. (TrainingClass already is an entity.)
 */
export const nodeReferences = {
  PublishedFigure: { __resolveReference: (ref: { id: string }, ctx: OutreachContext) => (isUuid(ref.id) ? new PublishedFigureResolver().publishedFigure(ref.id, ctx) : null) },
};
