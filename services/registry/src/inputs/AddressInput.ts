import { IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType({ description: "A head-office address; the district is derived from the commune." })
export class AddressInput {
  @Field(() => String, { nullable: true, description: "Street, house number, hamlet." })
  @IsOptional()
  @MaxLength(255)
  street?: string | null;

  @Field({ description: "Code of the commune, ward or township, valid on the registration date." })
  @Matches(/^\d{2,5}$/, { message: "communeCode must be 2–5 digits" })
  communeCode: string;
}
