import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { TradeContext } from "../context";
import { RecordOcopCertificationInput, RegisterProductInput, UpdateProductInput } from "../inputs/ProductInputs";
import { TRADE_WRITERS, TRADE_WRITERS_OR_MANAGER } from "../access";
import { OcopCertificationPayload, ProductPayload } from "./payloads";
import { ProductService } from "../services/ProductService";

/** Mutations of trade promotion: each translates its input into one call of ProductService. */
@Resolver()
export class ProductMutationResolver {
  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ProductPayload, { description: "Registers a product of a cooperative (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER). The cooperative must exist in the registry (else NOT_FOUND)." })
  registerProduct(@Arg("input", () => RegisterProductInput, { description: "The product." }) input: RegisterProductInput, @Ctx() ctx: TradeContext): Promise<ProductPayload> {
    return new ProductService(ctx).registerProduct(input);
  }

  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ProductPayload, { description: "Changes a product (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER); CONFLICT when the version is stale." })
  updateProduct(@Arg("input", () => UpdateProductInput, { description: "The changes." }) input: UpdateProductInput, @Ctx() ctx: TradeContext): Promise<ProductPayload> {
    return new ProductService(ctx).updateProduct(input);
  }

  @Authorized(...TRADE_WRITERS)
  @Mutation(() => OcopCertificationPayload, {
    description:
      "Records an OCOP certification decided by an evaluation council (OFFICER, ADMIN). Refused: stars outside 3–5, a score outside the stars' band, a 5-star PROVINCIAL (or 3–4-star NATIONAL) certification, an expiry beyond 36 months.",
  })
  recordOcopCertification(@Arg("input", () => RecordOcopCertificationInput, { description: "The certification." }) input: RecordOcopCertificationInput, @Ctx() ctx: TradeContext): Promise<OcopCertificationPayload> {
    return new ProductService(ctx).recordOcopCertification(input);
  }
}
