import { DateScalar, MoneyScalar, VersionRead, Optional, OptionalText } from "@camau/shared";
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { AgreementKind } from "../domain/enums";

@InputType({ description: "Registration of a cooperative for a program; a cooperative takes part in a program once." })
export class RegisterParticipationInput {
  @Field(() => ID, { description: "Program id." })
  @IsUUID("loose")
  programId: string;

  @Field(() => ID, { description: "Cooperative id (the registry's; not checked against the registry)." })
  @IsUUID("loose")
  cooperativeId: string;

  @Field(() => [ID], { description: "Products shown (1 to 50), each the cooperative's own." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID("loose", { each: true })
  productIds: string[];

  @Field(() => Int, { defaultValue: 1, description: "Booths (stalls), default 1." })
  @IsInt()
  @Min(0)
  @Max(1000)
  boothCount: number;

  @Field(() => MoneyScalar, { defaultValue: 0, description: "Support granted, in đồng (default 0); not above the program policy's cap. Set by officers only." })
  supportAmount: number;

  @Optional(() => MoneyScalar, "The cooperative's costs eligible for support, in đồng; with a policy percentage, support may not exceed that share of them.")
  eligibleCost?: number | null;

  @OptionalText("Notes.", { max: 2000 })
  note?: string | null;
}

@InputType({ description: "A contract or MOU signed at the program." })
export class TradeAgreementInput {
  @Field({ description: "The other party." })
  @Length(2, 300)
  counterparty: string;

  @Field(() => AgreementKind, { description: "Kind of agreement." })
  kind: AgreementKind;

  @Optional(() => MoneyScalar, "Value in đồng, if the agreement states one.")
  value?: number | null;

  @Optional(() => DateScalar, "Date signed.")
  signedOn?: string | null;

  @OptionalText("What was agreed.", { max: 2000 })
  description?: string | null;
}

@InputType({ description: "The results of a participation: on-site sales and the agreements signed. Replaces any results recorded before." })
export class RecordParticipationResultsInput {
  @Field(() => ID, { description: "Participation id." })
  @IsUUID("loose")
  participationId: string;

  @VersionRead()
  version: number;

  @Field(() => MoneyScalar, { description: "On-site sales revenue, in đồng (doanh thu bán hàng tại chỗ)." })
  salesRevenue: number;

  @Field(() => [TradeAgreementInput], { defaultValue: [], description: "Contracts and MOUs signed (the complete list; replaces the previous one)." })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  agreements: TradeAgreementInput[];

  @Optional(() => MoneyScalar, "Support finally granted, in đồng, if it differs from the registration (officers only; not above the policy's cap).")
  supportAmount?: number | null;

  @Field(() => Int, { nullable: true, description: "Booths actually used, if different from the registration." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  boothCount?: number | null;
}
