import { Field, ObjectType } from "type-graphql";
import { OcopCertification } from "../entities/OcopCertification";
import { Participation } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";

@ObjectType({ description: "Result of a change to a product." })
export class ProductPayload {
  @Field(() => Product, { description: "The product after the change." })
  product: Product;
}

@ObjectType({ description: "Result of recording an OCOP certification." })
export class OcopCertificationPayload {
  @Field(() => OcopCertification, { description: "The certification recorded." })
  certification: OcopCertification;

  @Field(() => Product, { description: "The product certified." })
  product: Product;
}

@ObjectType({ description: "Result of a change to a trade promotion program." })
export class TradePromotionProgramPayload {
  @Field(() => TradePromotionProgram, { description: "The program after the change." })
  program: TradePromotionProgram;
}

@ObjectType({ description: "Result of a change to a participation." })
export class ParticipationPayload {
  @Field(() => Participation, { description: "The participation after the change." })
  participation: Participation;
}
