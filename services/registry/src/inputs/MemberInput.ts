import { DateScalar, MoneyScalar } from "@camau/shared";
import { IsOptional, Length, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { MemberKind, MembershipType } from "../domain/enums";

@InputType({ description: "A member to add to a cooperative or group." })
export class MemberInput {
  @Field(() => MemberKind, { description: "Individual, household or organisation." })
  kind: MemberKind;

  @Field({ description: "Full name (họ tên) of the person, household head or organisation." })
  @Length(2, 255)
  fullName: string;

  @Field(() => MembershipType, { description: "Type of membership." })
  membershipType: MembershipType;

  @Field(() => DateScalar, { nullable: true, description: "Date the membership begins (default: the founding date, or today for an existing organisation)." })
  @IsOptional()
  joinedOn?: string | null;

  @Field(() => MoneyScalar, { defaultValue: 0, description: "Capital contributed in đồng (vốn góp)." })
  capitalContributed: number;

  @Field(() => String, { nullable: true, description: "National ID number: 12 digits (số CCCD). Personal data." })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: "nationalId must be 12 digits" })
  nationalId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of birth. Personal data." })
  @IsOptional()
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number, 10–11 digits. Personal data." })
  @IsOptional()
  @MaxLength(15)
  @Matches(/^\+?\d{9,14}$/, { message: "phone must be 9–14 digits, optionally starting with +" })
  phone?: string | null;
}
