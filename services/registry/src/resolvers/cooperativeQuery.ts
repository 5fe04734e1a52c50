import { addSearch, areaFilterSql, BadUserInputError, inVietnameseOrder, isUuid, Page, paginate, PageArgs, relevanceOrder, SortKey } from "@camau/shared";
import { DataSource } from "typeorm";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeFilter, CooperativeOrder, CooperativeOrderField } from "../inputs/CooperativeFilter";

const BY_NAME: SortKey<Cooperative> = { expression: inVietnameseOrder("c.name"), direction: "ASC", valueOf: (c) => c.name };

const ORDER_COLUMNS: Record<Exclude<CooperativeOrderField, CooperativeOrderField.RELEVANCE>, { expression: string; valueOf: (c: Cooperative) => string | number }> = {
  [CooperativeOrderField.NAME]: BY_NAME,
  [CooperativeOrderField.CODE]: { expression: "c.code", valueOf: (c) => c.code },
  [CooperativeOrderField.FOUNDED_ON]: { expression: "c.founded_on", valueOf: (c) => c.foundedOn },
  [CooperativeOrderField.CHARTER_CAPITAL]: { expression: "c.charter_capital", valueOf: (c) => c.charterCapital },
};

/** One page of cooperatives matching a filter, in keyset order (by relevance when searching, else by name, unless `orderBy` says otherwise). */
export async function findCooperatives(ds: DataSource, filter: CooperativeFilter | null | undefined, orderBy: CooperativeOrder[] | null | undefined, page: PageArgs): Promise<Page<Cooperative>> {
  const qb = ds.getRepository(Cooperative).createQueryBuilder("c");
  const f = filter ?? {};
  for (const area of areaFilterSql("c", f)) qb.andWhere(area.sql, area.params);
  if (f.sectorCodes?.length) qb.andWhere("c.sector_code IN (:...sectorCodes)", { sectorCodes: f.sectorCodes });
  if (f.statuses?.length) qb.andWhere("c.status IN (:...statuses)", { statuses: f.statuses });
  if (f.foundedFrom) qb.andWhere("c.founded_on >= :foundedFrom", { foundedFrom: f.foundedFrom });
  if (f.foundedTo) qb.andWhere("c.founded_on <= :foundedTo", { foundedTo: f.foundedTo });
  if (f.foundedFrom && f.foundedTo && f.foundedFrom > f.foundedTo) {
    throw new BadUserInputError("foundedFrom is after foundedTo", [{ path: "filter.foundedFrom", message: "is after foundedTo" }]);
  }
  if (f.isNewModel != null) qb.andWhere("c.is_new_model = :isNewModel", { isNewModel: f.isNewModel });
  if (f.isAllianceMember != null) qb.andWhere(f.isAllianceMember ? "c.alliance_joined_on IS NOT NULL" : "c.alliance_joined_on IS NULL");
  if (f.latestRatings?.length) {
    qb.andWhere(
      `(SELECT cl.rating FROM classification cl WHERE cl.cooperative_id = c.id ORDER BY cl.year DESC LIMIT 1) IN (:...ratings)`,
      { ratings: f.latestRatings },
    );
  }
  // After the other filters: the search checks whether its words as typed find anything among them.
  const relevance = f.search ? await addSearch(qb, "c", f.search) : undefined;
  if ((orderBy?.length ?? 0) > 4) throw new BadUserInputError("orderBy takes at most 4 keys", [{ path: "orderBy", message: "at most 4 keys" }]);
  const order = orderBy?.length ? orderBy : [{ field: relevance ? CooperativeOrderField.RELEVANCE : CooperativeOrderField.NAME, direction: "ASC" as const }];
  const keys: SortKey<Cooperative>[] = order.flatMap((o) =>
    o.field === CooperativeOrderField.RELEVANCE
      ? relevanceOrder(relevance, BY_NAME, o.direction, "orderBy")
      : [{ ...ORDER_COLUMNS[o.field], direction: o.direction as "ASC" | "DESC" }],
  );
  return paginate(qb, page, keys, "c.id");
}

/** Loads a cooperative by id, or null for an unknown or malformed id (reads never fail on a bad id). */
export async function cooperativeOrNull(ds: DataSource, id: string): Promise<Cooperative | null> {
  if (!isUuid(id)) return null;
  return ds.getRepository(Cooperative).findOneBy({ id: id.toLowerCase() });
}
