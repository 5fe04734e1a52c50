import { BadUserInputError, Page, PageArgs, paginate, SortKey, todayInProvince } from "@camau/shared";
import { DataSource } from "typeorm";
import { escapeLike, searchWords } from "../domain/searchText";
import { Product } from "../entities/Product";
import { ProductFilter, ProductOrder, ProductOrderField } from "../inputs/ProductFilter";

const ORDER_COLUMNS: Record<ProductOrderField, { expression: string; valueOf: (p: Product) => string | number }> = {
  [ProductOrderField.NAME]: { expression: "p.name", valueOf: (p) => p.name },
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
  if (f.search) {
    searchWords(f.search).forEach((word, i) => {
      qb.andWhere(`p.search_document LIKE '%' || search_key(:w${i}) || '%'`, { [`w${i}`]: escapeLike(word) });
    });
  }
  if (f.cooperativeIds?.length) qb.andWhere("p.cooperative_id IN (:...cooperativeIds)", { cooperativeIds: f.cooperativeIds.map((id) => id.toLowerCase()) });
  if (f.productGroups?.length) qb.andWhere("p.product_group IN (:...productGroups)", { productGroups: f.productGroups });
  if (f.branded != null) qb.andWhere(f.branded ? "p.brand_name IS NOT NULL" : "p.brand_name IS NULL");
  if (f.minStars != null || f.ocopRated != null) {
    qb.setParameter("asOf", f.starsAsOf ?? todayInProvince());
    if (f.minStars != null) qb.andWhere(`${STARS_IN_FORCE_SQL} >= :minStars`, { minStars: f.minStars });
    if (f.ocopRated != null) qb.andWhere(`${STARS_IN_FORCE_SQL} IS ${f.ocopRated ? "NOT " : ""}NULL`);
  }
  const keys: SortKey<Product>[] = (orderBy?.length ? orderBy : [{ field: ProductOrderField.NAME, direction: "ASC" as const }]).map((o) => ({
    ...ORDER_COLUMNS[o.field],
    direction: o.direction as "ASC" | "DESC",
  }));
  if (keys.length > 2) throw new BadUserInputError("orderBy takes at most 2 keys", [{ path: "orderBy", message: "at most 2 keys" }]);
  return paginate(qb, page, keys, "p.id");
}
