import { ChangePayload } from "@camau/shared";
import { Field, ObjectType } from "type-graphql";
import { OcopCertification } from "../entities/OcopCertification";
import { Participation } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";

export const ProductPayload = ChangePayload("ProductPayload", "product", Product, "product");
export type ProductPayload = InstanceType<typeof ProductPayload>;

@ObjectType({ description: "Result of recording an OCOP certification." })
export class OcopCertificationPayload {
  @Field(() => OcopCertification, { description: "The certification recorded." })
  certification: OcopCertification;

  @Field(() => Product, { description: "The product certified." })
  product: Product;
}

export const TradePromotionProgramPayload = ChangePayload("TradePromotionProgramPayload", "program", TradePromotionProgram, "trade promotion program", "program");
export type TradePromotionProgramPayload = InstanceType<typeof TradePromotionProgramPayload>;

export const ParticipationPayload = ChangePayload("ParticipationPayload", "participation", Participation, "participation");
export type ParticipationPayload = InstanceType<typeof ParticipationPayload>;
