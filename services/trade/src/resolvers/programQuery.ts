import { badInput, escapeLike, inVietnameseOrder, OrderDirection, Page, PageArgs, paginate, searchWords, SortKey, sortKeysOf } from "@camau/shared";
import { DataSource } from "typeorm";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";
import { ProgramFilter, ProgramOrder, ProgramOrderField } from "../inputs/ProgramInputs";

const ORDER_COLUMNS: Record<ProgramOrderField, Omit<SortKey<TradePromotionProgram>, "direction">> = {
  [ProgramOrderField.STARTS_ON]: { expression: "p.starts_on", valueOf: (p) => p.startsOn },
  [ProgramOrderField.NAME]: { expression: inVietnameseOrder("p.name"), valueOf: (p) => p.name },
};

/** One page of programs matching a filter, in keyset order (default: latest start first). */
export async function findPrograms(ds: DataSource, filter: ProgramFilter | null | undefined, orderBy: ProgramOrder[] | null | undefined, page: PageArgs): Promise<Page<TradePromotionProgram>> {
  const qb = ds.getRepository(TradePromotionProgram).createQueryBuilder("p");
  const f = filter ?? {};
  if (f.from && f.to && f.from > f.to) throw badInput("filter.from", "is after filter.to");
  // A program belongs to a period when the two overlap (both ends inclusive).
  if (f.from) qb.andWhere("p.ends_on >= :from", { from: f.from });
  if (f.to) qb.andWhere("p.starts_on <= :to", { to: f.to });
  if (f.kinds?.length) qb.andWhere("p.kind IN (:...kinds)", { kinds: f.kinds });
  if (f.province != null) qb.andWhere("p.province_key = search_key(:province)", { province: f.province.trim().replace(/\s+/g, " ") });
  if (f.search) {
    searchWords(f.search).forEach((word, i) => {
      qb.andWhere(`p.search_document LIKE '%' || search_key(:w${i}) || '%'`, { [`w${i}`]: escapeLike(word) });
    });
  }
  return paginate(qb, page, sortKeysOf(orderBy, ORDER_COLUMNS, [{ field: ProgramOrderField.STARTS_ON, direction: OrderDirection.DESC }], 2), "p.id");
}
