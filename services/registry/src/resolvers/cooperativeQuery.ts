import { BadUserInputError, communeFilterSql, isUuid, Page, paginate, PageArgs, SortKey } from "@camau/shared";
import { DataSource } from "typeorm";
import { searchWords, escapeLike } from "../domain/searchText";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeFilter, CooperativeOrder, CooperativeOrderField } from "../inputs/CooperativeFilter";

const ORDER_COLUMNS: Record<CooperativeOrderField, { expression: string; valueOf: (c: Cooperative) => string | number }> = {
  [CooperativeOrderField.NAME]: { expression: "c.name", valueOf: (c) => c.name },
  [CooperativeOrderField.CODE]: { expression: "c.code", valueOf: (c) => c.code },
  [CooperativeOrderField.FOUNDED_ON]: { expression: "c.founded_on", valueOf: (c) => c.foundedOn },
  [CooperativeOrderField.CHARTER_CAPITAL]: { expression: "c.charter_capital", valueOf: (c) => c.charterCapital },
};

/** One page of cooperatives matching a filter, in keyset order. */
export async function findCooperatives(ds: DataSource, filter: CooperativeFilter | null | undefined, orderBy: CooperativeOrder[] | null | undefined, page: PageArgs): Promise<Page<Cooperative>> {
  const qb = ds.getRepository(Cooperative).createQueryBuilder("c");
  const f = filter ?? {};
  if (f.search) {
    searchWords(f.search).forEach((word, i) => {
      qb.andWhere(`c.search_document LIKE '%' || search_key(:w${i}) || '%'`, { [`w${i}`]: escapeLike(word) });
    });
  }
  if (f.districtCodes?.length) qb.andWhere("c.district_code IN (:...districtCodes)", { districtCodes: f.districtCodes });
  if (f.communeCodes?.length) {
    const communes = communeFilterSql("c", f.communeCodes);
    qb.andWhere(communes.sql, communes.params);
  }
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
  const keys: SortKey<Cooperative>[] = (orderBy?.length ? orderBy : [{ field: CooperativeOrderField.NAME, direction: "ASC" as const }]).map((o) => ({
    ...ORDER_COLUMNS[o.field],
    direction: o.direction as "ASC" | "DESC",
  }));
  if (keys.length > 4) throw new BadUserInputError("orderBy takes at most 4 keys", [{ path: "orderBy", message: "at most 4 keys" }]);
  return paginate(qb, page, keys, "c.id");
}

/** Loads a cooperative by id, or null for an unknown or malformed id (reads never fail on a bad id). */
export async function cooperativeOrNull(ds: DataSource, id: string): Promise<Cooperative | null> {
  if (!isUuid(id)) return null;
  return ds.getRepository(Cooperative).findOneBy({ id: id.toLowerCase() });
}
