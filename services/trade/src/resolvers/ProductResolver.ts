import { CooperativeKey, DateScalar, isUuid, PageArgs, registryCooperative, toConnection, todayInProvince, CacheHint } from "@camau/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from "type-graphql";
import { TradeContext } from "../context";
import { OcopCertification } from "../entities/OcopCertification";
import { Product, ProductBrand } from "../entities/Product";
import { ProductFilter, ProductOrder } from "../inputs/ProductFilter";
import { ProductConnection } from "./connections";
import { findProducts } from "./productQuery";
import { Cooperative } from "../graphql/Cooperative";

@Resolver(() => Product)
export class ProductResolver {
  @Directive(CacheHint.public)
  @Query(() => Product, { nullable: true, description: "A product by id; null when there is none." })
  product(@Arg("id", () => ID, { description: "Product id (UUID)." }) id: string, @Ctx() ctx: TradeContext): Promise<Product | null> | null {
    return isUuid(id) ? ctx.loaders.productById.load(id.toLowerCase()) : null;
  }

  @Directive(CacheHint.public)
  @Query(() => ProductConnection, { description: "Products of cooperatives (sản phẩm), filtered and sorted, one page at a time; public." })
  async products(
    @Arg("filter", () => ProductFilter, { nullable: true, description: "Conditions the products must meet." }) filter: ProductFilter | null,
    @Arg("orderBy", () => [ProductOrder], { nullable: true, description: "Sort keys, first one first (default: name ascending)." }) orderBy: ProductOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: TradeContext,
  ) {
    return toConnection(await findProducts(ctx.dataSource, filter, orderBy, page));
  }

  @FieldResolver(() => Cooperative, { nullable: true, description: "The cooperative that makes it (the gateway fetches its name and details from the registry). Nullable, as every reference to another subgraph: a cooperative the registry does not know is null here, with a NOT_FOUND error, and the rest of the answer stays." })
  cooperative(@Root() p: Product): CooperativeKey {
    return registryCooperative(p.cooperativeId);
  }

  @FieldResolver(() => ProductBrand, { nullable: true, description: "Brand or mark it is sold under; null when unbranded." })
  brand(@Root() p: Product): ProductBrand | null {
    return p.brandName && p.markKind ? { name: p.brandName, kind: p.markKind, registrationNumber: p.markRegistrationNumber } : null;
  }

  @FieldResolver(() => [OcopCertification], { description: "All its OCOP certifications, latest first (lịch sử chứng nhận OCOP)." })
  certifications(@Root() p: Product, @Ctx() ctx: TradeContext): Promise<OcopCertification[]> {
    return ctx.loaders.certificationsByProduct.load(p.id);
  }

  @FieldResolver(() => OcopCertification, { nullable: true, description: "The certification in force on a date: the latest one certified by then and not yet expired; null when none is." })
  certificationInForce(
    @Root() p: Product,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today, Vietnam time)." }) asOf: string | null,
    @Ctx() ctx: TradeContext,
  ): Promise<OcopCertification | null> {
    return ctx.loaders.certificationInForce.load(`${asOf ?? todayInProvince()}|${p.id}`);
  }

  @FieldResolver(() => Int, { nullable: true, description: "OCOP stars in force on a date (số sao OCOP); null when the product has no certification in force then." })
  async ocopStars(
    @Root() p: Product,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "The date (default today, Vietnam time)." }) asOf: string | null,
    @Ctx() ctx: TradeContext,
  ): Promise<number | null> {
    return (await ctx.loaders.certificationInForce.load(`${asOf ?? todayInProvince()}|${p.id}`))?.stars ?? null;
  }
}

/** Entity reference resolver: the gateway hands `{ id }` of a Product. */
export const productReference = {
  Product: {
    __resolveReference: (ref: { id: string }, ctx: TradeContext) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id.toLowerCase()) : null),
  },
};
