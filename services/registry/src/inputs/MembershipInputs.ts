import { DateScalar } from "@camau/shared";
import { IsOptional, IsUUID, ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { MemberInput } from "./MemberInput";

@InputType({ description: "Adds a member to a cooperative or to a cooperative group (give exactly one of the two ids)." })
export class AddMemberInput {
  @Field(() => ID, { nullable: true, description: "Cooperative the member joins." })
  @IsOptional()
  @IsUUID()
  cooperativeId?: string | null;

  @Field(() => ID, { nullable: true, description: "Cooperative group the member joins." })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;

  @Field(() => MemberInput, { description: "The member." })
  @ValidateNested()
  member: MemberInput;
}

@InputType({ description: "Ends a membership." })
export class EndMembershipInput {
  @Field(() => ID, { description: "Member (membership) id." })
  @IsUUID()
  memberId: string;

  @Field(() => DateScalar, { description: "Date the membership ended (ngày chấm dứt)." })
  leftOn: string;
}
