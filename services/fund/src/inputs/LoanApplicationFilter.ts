import { DateScalar, OrderDirection, registerLabelledEnum } from "@camau/shared";
import { IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ApplicationStatus } from "../domain/enums";
import { BorrowerFilter } from "./BorrowerFilter";

@InputType({ description: "Filters of the application list; all given conditions must hold." })
export class LoanApplicationFilter extends BorrowerFilter {
  @Field(() => [ApplicationStatus], { nullable: true, description: "Current statuses." })
  @IsOptional()
  statuses?: ApplicationStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or after this date." })
  @IsOptional()
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Submitted on or before this date." })
  @IsOptional()
  submittedTo?: string | null;
}

export enum LoanApplicationOrderField {
  SUBMITTED_ON = "SUBMITTED_ON",
  REQUESTED_AMOUNT = "REQUESTED_AMOUNT",
}
registerLabelledEnum(LoanApplicationOrderField, {
  name: "LoanApplicationOrderField",
  description: "Field to sort applications by.",
  labels: {
    SUBMITTED_ON: { en: "Date submitted", vi: "Ngày nộp hồ sơ" },
    REQUESTED_AMOUNT: { en: "Amount requested", vi: "Số tiền đề nghị vay" },
  },
});

@InputType({ description: "One sort key of the application list." })
export class LoanApplicationOrder {
  @Field(() => LoanApplicationOrderField, { description: "Field to sort by." })
  field: LoanApplicationOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Direction (default ASC)." })
  direction: OrderDirection;
}
