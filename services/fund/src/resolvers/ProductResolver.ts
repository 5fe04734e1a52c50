import { requireUuid, CacheHint } from "@camau/shared";
import { Arg, Ctx, ID, Query, Resolver, Directive } from "type-graphql";
import { FundContext } from "../context";
import { DebtGroupThreshold } from "../entities/DebtGroupThreshold";
import { LoanProduct } from "../entities/LoanProduct";

@Resolver(() => LoanProduct)
export class ProductResolver {
  @Directive(CacheHint.public)
  @Query(() => [LoanProduct], { description: "The fund's loan products (sản phẩm cho vay), by code. Public." })
  loanProducts(
    @Arg("includeInactive", { defaultValue: false, description: "Include products no longer open to new applications." }) includeInactive: boolean,
    @Ctx() ctx: FundContext,
  ): Promise<LoanProduct[]> {
    return ctx.dataSource.getRepository(LoanProduct).find({ where: includeInactive ? {} : { active: true }, order: { code: "ASC" } });
  }

  @Directive(CacheHint.public)
  @Query(() => LoanProduct, { nullable: true, description: "A loan product by id; null when there is none. Public." })
  loanProduct(@Arg("id", () => ID, { description: "Product id (UUID)." }) id: string, @Ctx() ctx: FundContext): Promise<LoanProduct | null> {
    return ctx.loaders.productById.load(requireUuid(id, "id"));
  }

  @Directive(CacheHint.public)
  @Query(() => [DebtGroupThreshold], { description: "The debt groups 1–5 and their days-past-due thresholds in force (phân loại nhóm nợ). Public." })
  debtGroupThresholds(@Ctx() ctx: FundContext): Promise<DebtGroupThreshold[]> {
    return ctx.dataSource.getRepository(DebtGroupThreshold).find({ order: { debtGroup: "ASC" } });
  }
}
