import { Field, ID, ObjectType } from "type-graphql";
import { PublishedFigure } from "../entities/PublishedFigure";
import { TrainingClass } from "../entities/TrainingClass";

@ObjectType({ description: "Result of a change to a class." })
export class TrainingClassPayload {
  @Field(() => TrainingClass, { description: "The class after the change." })
  trainingClass: TrainingClass;
}

@ObjectType({ description: "Result of recording the figures of a published report." })
export class RecordPublishedFiguresPayload {
  @Field(() => [PublishedFigure], { description: "The figures recorded, in the order given." })
  publishedFigures: PublishedFigure[];
}

@ObjectType({ description: "Result of correcting a published figure." })
export class PublishedFigurePayload {
  @Field(() => PublishedFigure, { description: "The published figure after the correction." })
  publishedFigure: PublishedFigure;
}

@ObjectType({ description: "Result of removing a published figure." })
export class RemovePublishedFigurePayload {
  @Field(() => ID, { description: "Id of the removed record." })
  id: string;
}
