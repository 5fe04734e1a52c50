import { Field, ObjectType } from "type-graphql";
import { Classification } from "../entities/Classification";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeEvent } from "../entities/CooperativeEvent";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { Member } from "../entities/Member";

@ObjectType({ description: "Result of a change to a cooperative." })
export class CooperativePayload {
  @Field(() => Cooperative, { description: "The cooperative after the change." })
  cooperative: Cooperative;

  @Field(() => CooperativeEvent, { nullable: true, description: "The history event recorded; null when nothing changed." })
  event: CooperativeEvent | null;
}

@ObjectType({ description: "Result of recording a classification." })
export class ClassificationPayload {
  @Field(() => Classification, { description: "The classification recorded." })
  classification: Classification;

  @Field(() => Cooperative, { description: "The cooperative classified." })
  cooperative: Cooperative;
}

@ObjectType({ description: "Result of a change to a membership." })
export class MemberPayload {
  @Field(() => Member, { description: "The membership after the change." })
  member: Member;
}

@ObjectType({ description: "Result of registering a cooperative group." })
export class CooperativeGroupPayload {
  @Field(() => CooperativeGroup, { description: "The group after the change." })
  cooperativeGroup: CooperativeGroup;
}

@ObjectType({ description: "Result of a change to a union of cooperatives." })
export class CooperativeUnionPayload {
  @Field(() => CooperativeUnion, { description: "The union after the change." })
  cooperativeUnion: CooperativeUnion;
}
