import { addSearch, BadUserInputError, inVietnameseOrder, Page, PageArgs, paginate, relevanceOrder, SortKey, todayInProvince } from "@camau/shared";
import { DataSource } from "typeorm";
import { Product } from "../entities/Product";
import { ProductFilter, ProductOrder, ProductOrderField } from "../inputs/ProductFilter";

const BY_NAME: SortKey<Product> = { expression: inVietnameseOrder("p.name"), direction: "ASC", valueOf: (p) => p.name };

const ORDER_COLUMNS: Record<Exclude<ProductOrderField, ProductOrderField.RELEVANCE>, { expression: string; valueOf: (p: Product) => string | number }> = {
  [ProductOrderField.NAME]: BY_NAME,
  [ProductOrderField.REGISTERED_AT]: { expression: "p.created_at", valueOf: (p) => p.createdAt.toISOString() },
};

/** Stars in force on :asOf, as SQL: the latest certification in force then (ties: more stars), as the domain rule says. */
export const STARS_IN_FORCE_SQL = `(SELECT c.stars FROM ocop_certification c
   WHERE c.product_id = p.id AND c.certified_on <= :asOf AND c.expires_on >= :asOf
   ORDER BY c.certified_on DESC, c.stars DESC LIMIT 1)`;

/** One page of products matching a filter, in keyset order. */
export async function findProducts(ds: DataSource, filter: ProductFilter | null | undefined, orderBy: ProductOrder[] | null | undefined, page: PageArgs): Promise<Page<Product>> {
  const qb = ds.getRepository(Product).createQueryBuilder("p");
  const f = filter ?? {};
  if (f.cooperativeIds?.length) qb.andWhere("p.cooperative_id IN (:...cooperativeIds)", { cooperativeIds: f.cooperativeIds.map((id) => id.toLowerCase()) });
  if (f.productGroups?.length) qb.andWhere("p.product_group IN (:...productGroups)", { productGroups: f.productGroups });
  if (f.branded != null) qb.andWhere(f.branded ? "p.brand_name IS NOT NULL" : "p.brand_name IS NULL");
  if (f.minStars != null || f.ocopRated != null) {
    qb.setParameter("asOf", f.starsAsOf ?? todayInProvince());
    if (f.minStars != null) qb.andWhere(`${STARS_IN_FORCE_SQL} >= :minStars`, { minStars: f.minStars });
    if (f.ocopRated != null) qb.andWhere(`${STARS_IN_FORCE_SQL} IS ${f.ocopRated ? "NOT " : ""}NULL`);
  }
  if ((orderBy?.length ?? 0) > 2) throw new BadUserInputError("orderBy takes at most 2 keys", [{ path: "orderBy", message: "at most 2 keys" }]);
  const order = orderBy?.length ? orderBy : [{ field: f.search ? ProductOrderField.RELEVANCE : ProductOrderField.NAME, direction: "ASC" as const }];
  // After the other filters, so that the search's candidates are those of the filtered list.
  const relevance = f.search ? await addSearch(qb, "p", f.search, { ranked: order.some((o) => o.field === ProductOrderField.RELEVANCE) }) : undefined;
  const keys: SortKey<Product>[] = order.flatMap((o) =>
    o.field === ProductOrderField.RELEVANCE
      ? relevanceOrder(relevance, BY_NAME, o.direction, "orderBy")
      : [{ ...ORDER_COLUMNS[o.field], direction: o.direction as "ASC" | "DESC" }],
  );
  return paginate(qb, page, keys, "p.id");
}
