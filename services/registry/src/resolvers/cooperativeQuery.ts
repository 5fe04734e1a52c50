import { addSearch, areaFilterSql, BadUserInputError, inVietnameseOrder, isUuid, ListCondition, OrderDirection, Page, paginate, PageArgs, paginateTable, RelevanceKey, relevanceOrder, SortKey } from "@camau/shared";
import { DataSource } from "typeorm";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeFilter, CooperativeOrder, CooperativeOrderField } from "../inputs/CooperativeFilter";

const BY_NAME: SortKey<Cooperative> = { expression: inVietnameseOrder("c.name"), direction: "ASC", valueOf: (c) => c.name };

const BY_NAME_ORDER: CooperativeOrder = { field: CooperativeOrderField.NAME, direction: OrderDirection.ASC };

const ORDER_COLUMNS: Record<Exclude<CooperativeOrderField, CooperativeOrderField.RELEVANCE>, { expression: string; valueOf: (c: Cooperative) => string | number }> = {
  [CooperativeOrderField.NAME]: BY_NAME,
  [CooperativeOrderField.CODE]: { expression: "c.code", valueOf: (c) => c.code },
  [CooperativeOrderField.FOUNDED_ON]: { expression: "c.founded_on", valueOf: (c) => c.foundedOn },
  [CooperativeOrderField.CHARTER_CAPITAL]: { expression: "c.charter_capital", valueOf: (c) => c.charterCapital },
};

/**
 * One page of cooperatives matching a filter, in keyset order (by relevance when searching, else by name, unless `orderBy` says otherwise).
 * `countWithPage`: the caller will ask for the count (totalCount is selected), which a list without a search then reads with its page.
 */
export async function findCooperatives(
  ds: DataSource,
  filter: CooperativeFilter | null | undefined,
  orderBy: CooperativeOrder[] | null | undefined,
  page: PageArgs,
  { countWithPage = false }: { countWithPage?: boolean } = {},
): Promise<Page<Cooperative>> {
  const f = filter ?? {};
  const conditions: ListCondition[] = [...areaFilterSql("c", f)];
  if (f.sectorCodes?.length) conditions.push({ sql: "c.sector_code IN (:...sectorCodes)", params: { sectorCodes: f.sectorCodes } });
  if (f.statuses?.length) conditions.push({ sql: "c.status IN (:...statuses)", params: { statuses: f.statuses } });
  if (f.foundedFrom) conditions.push({ sql: "c.founded_on >= :foundedFrom", params: { foundedFrom: f.foundedFrom } });
  if (f.foundedTo) conditions.push({ sql: "c.founded_on <= :foundedTo", params: { foundedTo: f.foundedTo } });
  if (f.foundedFrom && f.foundedTo && f.foundedFrom > f.foundedTo) {
    throw new BadUserInputError("foundedFrom is after foundedTo", [{ path: "filter.foundedFrom", message: "is after foundedTo" }]);
  }
  if (f.isNewModel != null) conditions.push({ sql: "c.is_new_model = :isNewModel", params: { isNewModel: f.isNewModel } });
  if (f.isAllianceMember != null) conditions.push({ sql: f.isAllianceMember ? "c.alliance_joined_on IS NOT NULL" : "c.alliance_joined_on IS NULL" });
  if (f.latestRatings?.length) {
    conditions.push({
      sql: `(SELECT cl.rating FROM classification cl WHERE cl.cooperative_id = c.id ORDER BY cl.year DESC LIMIT 1) IN (:...ratings)`,
      params: { ratings: f.latestRatings },
    });
  }
  if ((orderBy?.length ?? 0) > 4) throw new BadUserInputError("orderBy takes at most 4 keys", [{ path: "orderBy", message: "at most 4 keys" }]);
  const keysOf = (order: readonly CooperativeOrder[], relevance: RelevanceKey<Cooperative> | undefined): SortKey<Cooperative>[] =>
    order.flatMap((o) =>
      o.field === CooperativeOrderField.RELEVANCE
        ? relevanceOrder(relevance, BY_NAME, o.direction, "orderBy")
        : [{ ...ORDER_COLUMNS[o.field], direction: o.direction as "ASC" | "DESC" }],
    );
  // The portal's list (no search): its page and count by SQL of a fixed shape, without a query builder.
  if (!f.search) return paginateTable(ds, Cooperative, "c", conditions, page, keysOf(orderBy?.length ? orderBy : [BY_NAME_ORDER], undefined), { countWithPage });

  const qb = ds.getRepository(Cooperative).createQueryBuilder("c");
  for (const condition of conditions) qb.andWhere(condition.sql, condition.params);
  const order = orderBy?.length ? orderBy : [{ field: CooperativeOrderField.RELEVANCE, direction: OrderDirection.ASC }];
  // After the other filters: the search checks whether its words as typed find anything among them.
  const relevance = await addSearch(qb, "c", f.search, { ranked: order.some((o) => o.field === CooperativeOrderField.RELEVANCE) });
  const keys = keysOf(order, relevance);
  return paginate(qb, page, keys, "c.id");
}

/** Loads a cooperative by id, or null for an unknown or malformed id (reads never fail on a bad id). */
export async function cooperativeOrNull(ds: DataSource, id: string): Promise<Cooperative | null> {
  if (!isUuid(id)) return null;
  return ds.getRepository(Cooperative).findOneBy({ id: id.toLowerCase() });
}
