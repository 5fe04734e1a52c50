import { DateScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { IsInt, IsOptional, Max, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { LoanStatus } from "../domain/enums";
import { BorrowerFilter } from "./BorrowerFilter";

@InputType({ description: "Filters of the loan list; all given conditions must hold. Status, overdue and days past due are evaluated as of `asOf`." })
export class LoanFilter extends BorrowerFilter {
  @Field(() => DateScalar, { nullable: true, description: "Date for status, overdue and days past due (default today)." })
  @IsOptional()
  asOf?: string | null;

  @Field(() => [LoanStatus], { nullable: true, description: "Statuses as of `asOf`." })
  @IsOptional()
  statuses?: LoanStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: "First disbursement on or after this date (the project was funded in the period)." })
  @IsOptional()
  firstDisbursedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First disbursement on or before this date." })
  @IsOptional()
  firstDisbursedTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only loans with something past due as of `asOf` (true) or only those without (false)." })
  @IsOptional()
  overdue?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Only loans at least this many days past due as of `asOf`." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  minDaysPastDue?: number | null;
}

export enum LoanOrderField {
  SIGNED_ON = "SIGNED_ON",
  FIRST_DISBURSED_ON = "FIRST_DISBURSED_ON",
  PRINCIPAL = "PRINCIPAL",
  CONTRACT_NUMBER = "CONTRACT_NUMBER",
}
registerLabelledEnum(LoanOrderField, {
  name: "LoanOrderField",
  description: "Field to sort loans by.",
  labels: {
    SIGNED_ON: { en: "Date signed", vi: "Ngày ký hợp đồng", detail: "the date the contract was signed" },
    FIRST_DISBURSED_ON: { en: "First disbursement", vi: "Ngày giải ngân lần đầu", detail: "loans not yet disbursed sort as 9999-12-31" },
    PRINCIPAL: { en: "Contract amount", vi: "Số tiền cho vay" },
    CONTRACT_NUMBER: { en: "Contract number", vi: "Số hợp đồng" },
  },
});

@InputType({ description: "One sort key of the loan list." })
export class LoanOrder {
  @Field(() => LoanOrderField, { description: "Field to sort by." })
  field: LoanOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
