import { entityRows, groupLoader, nestedPageLoader, rowLoader, SortKey } from "@camau/shared";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Classification } from "../entities/Classification";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { Member } from "../entities/Member";
import { Sector } from "../entities/Sector";
import { UnionMembership } from "../entities/UnionMembership";
import { referenceTablesOf, unitKey } from "../reference/referenceTables";

export { unitKey };

/**
 * DataLoaders of one request. Every cross-entity field goes through one of these, so a page
 * of 50 cooperatives costs the same number of statements as a page of 5.
 */
export function createLoaders(ds: DataSource) {
  const referenceTables = referenceTablesOf(ds);
  // The loaders of the read paths every list and profile takes read with a constant SQL text
  // (shared's entityRows) rather than a query builder composing it on each call; sectors and
  // units come from the process's copy of those tables.
  return {
    cooperativeById: rowLoader<string, Cooperative>((ids) => entityRows(ds, Cooperative).query("c", "FROM cooperative c WHERE c.id = ANY($1::uuid[])", [ids]), (c) => c.id),
    sectorByCode: rowLoader<string, Sector>((codes) => referenceTables.sectors(codes), (s) => s.code),
    unitByKey: rowLoader<string, AdministrativeUnit>((keys) => referenceTables.units(keys), (u) => unitKey(u.codeSystem, u.code)),
    classificationsByCooperative: groupLoader<string, Classification>(
      (ids) => entityRows(ds, Classification).query("c", "FROM classification c WHERE c.cooperative_id = ANY($1::uuid[]) ORDER BY c.year DESC", [ids]),
      (c) => c.cooperativeId,
    ),
    latestClassificationByCooperative: rowLoader<string, Classification>(
      (ids) =>
        entityRows(ds, Classification).query("c", "FROM classification c WHERE c.cooperative_id = ANY($1::uuid[]) ORDER BY c.cooperative_id, c.year DESC", [ids], {
          distinctOn: "c.cooperative_id",
        }),
      (c) => c.cooperativeId,
    ),
    // The union comes in the same statement, so asking for it never adds a query.
    currentUnionMembershipByCooperative: rowLoader<string, UnionMembership>(
      (ids) =>
        ds
          .getRepository(UnionMembership)
          .createQueryBuilder("um")
          .leftJoinAndMapOne("um.union", CooperativeUnion, "u", "u.id = um.union_id")
          .where("um.cooperative_id IN (:...ids) AND um.left_on IS NULL", { ids: [...ids] })
          .getMany(),
      (m) => m.cooperativeId,
    ),
    groupById: rowLoader<string, CooperativeGroup>((ids) => ds.getRepository(CooperativeGroup).findBy({ id: In([...ids]) }), (g) => g.id),
    unionById: rowLoader<string, CooperativeUnion>((ids) => ds.getRepository(CooperativeUnion).findBy({ id: In([...ids]) }), (u) => u.id),
    unionMembershipsByUnion: groupLoader<string, UnionMembership>(
      (ids) => ds.getRepository(UnionMembership).find({ where: { unionId: In([...ids]) }, order: { joinedOn: "ASC" } }),
      (m) => m.unionId,
    ),
    memberCountByCooperative: countLoader(ds, "cooperative_id"),
    // A page of members per cooperative for a whole list of cooperatives in one statement.
    currentMembersOfCooperative: nestedPageLoader<Member>(ds, { entity: Member, parentColumn: "cooperative_id", sortKeys: MEMBER_ORDER, where: "w.left_on IS NULL" }),
    allMembersOfCooperative: nestedPageLoader<Member>(ds, { entity: Member, parentColumn: "cooperative_id", sortKeys: MEMBER_ORDER }),
    memberCountByGroup: countLoader(ds, "group_id"),
  };
}

/** Members, oldest membership first. */
const MEMBER_ORDER: SortKey<Member>[] = [{ expression: "w.joined_on", direction: "ASC", valueOf: (m) => m.joinedOn }];

/** Members in force today per organisation, in one GROUP BY. */
function countLoader(ds: DataSource, column: "cooperative_id" | "group_id"): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows: { id: string; count: string }[] = await ds.query(
      `SELECT ${column} AS id, count(*) AS count FROM member
        WHERE ${column} = ANY($1::uuid[]) AND joined_on <= current_date AND (left_on IS NULL OR left_on > current_date)
        GROUP BY ${column}`,
      [ids],
    );
    const counts = new Map(rows.map((r) => [r.id, Number(r.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export type RegistryLoaders = ReturnType<typeof createLoaders>;
