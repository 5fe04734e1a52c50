import { beyondCursorSql, cursorScope, decodeCursor, emptyPage, Page, PageArgs, pageFromRows, pageSize, SortKey } from "./pagination";
import { isUuid } from "./ids";
import DataLoader from "dataloader";
import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Keyset pagination of a connection nested under many parents (the products of each cooperative
 * on a page of cooperatives) in one SQL statement for all parents: a window function numbers each
 * parent's rows in the connection's order and keeps the first `first + 1` (or `last + 1`) of each.
 * `paginate` pages one list per statement, which would cost a statement per parent.
 */
export interface NestedPageSpec<T extends ObjectLiteral & { id: string }> {
  entity: EntityTarget<T>;
  /**
   * Column holding the parent's id (a UUID): of the entity's table, e.g. `program_id`, or of the
   * link table when there is one.
   */
  parentColumn: string;
  /**
   * A link table, when a child has many parents (a class attended by many cooperatives): its name
   * and its column holding the child's id. Its alias in SQL is `l`.
   */
  link?: { table: string; childColumn: string };
  /** Sort keys as SQL over the entity's table, aliased `w`; the row id is appended as the last key. */
  sortKeys: SortKey<T>[];
  /** A fixed condition over the entity's table, aliased `w` (never user input), e.g. `w.left_on IS NULL`. */
  where?: string;
}

export interface NestedPageKey {
  parentId: string;
  args: PageArgs;
}

const argsKey = (args: PageArgs) => JSON.stringify([args.first ?? null, args.after ?? null, args.last ?? null, args.before ?? null]);
const keyOf = (key: NestedPageKey) => `${key.parentId.toLowerCase()}|${argsKey(key.args)}`;

/** The FROM clause and the parent's SQL expression of a spec. */
function sourceOf<T extends ObjectLiteral & { id: string }>(ds: DataSource, spec: NestedPageSpec<T>): { from: string; parent: string } {
  const table = ds.getMetadata(spec.entity).tablePath;
  if (!spec.link) return { from: `${table} w`, parent: `w.${spec.parentColumn}` };
  return { from: `${spec.link.table} l JOIN ${table} w ON w.id = l.${spec.link.childColumn}`, parent: `l.${spec.parentColumn}` };
}

/**
 * A per-request loader of one page of children per parent; keys with the same page arguments share
 * a statement. A parent id that is not a UUID (only possible through a hand-made entity
 * reference) has an empty page and never reaches SQL.
 */
export function nestedPageLoader<T extends ObjectLiteral & { id: string }>(ds: DataSource, spec: NestedPageSpec<T>): DataLoader<NestedPageKey, Page<T>, string> {
  const countLoader = new DataLoader<string, number>(async (parentIds) => {
    const { from, parent } = sourceOf(ds, spec);
    const rows: { parent: string; n: string }[] = await ds.query(
      `SELECT ${parent} AS parent, count(*) AS n FROM ${from}
        WHERE ${parent} = ANY($1::uuid[]) AND (${spec.where ?? "TRUE"}) GROUP BY ${parent}`,
      [parentIds],
    );
    const counts = new Map(rows.map((r) => [r.parent, Number(r.n)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });

  return new DataLoader<NestedPageKey, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, NestedPageKey[]>();
      for (const key of keys) {
        if (!isUuid(key.parentId)) continue;
        const k = argsKey(key.args);
        groups.set(k, [...(groups.get(k) ?? []), key]);
      }
      const pages = new Map<string, Page<T> | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            const parentIds = [...new Set(group.map((k) => k.parentId.toLowerCase()))];
            const byParent = await loadGroup(ds, spec, group[0].args, parentIds, countLoader);
            for (const key of group) pages.set(keyOf(key), byParent.get(key.parentId.toLowerCase())!);
          } catch (error) {
            for (const key of group) pages.set(keyOf(key), error as Error);
          }
        }),
      );
      return keys.map((key) => (isUuid(key.parentId) ? pages.get(keyOf(key))! : emptyPage<T>()));
    },
    { cacheKeyFn: keyOf },
  );
}

async function loadGroup<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  spec: NestedPageSpec<T>,
  args: PageArgs,
  parentIds: string[],
  countLoader: DataLoader<string, number>,
): Promise<Map<string, Page<T>>> {
  const { size, backward } = pageSize(args);
  const keys: SortKey<T>[] = [...spec.sortKeys, { expression: "w.id", direction: "ASC", valueOf: (row: T) => row.id }];
  const { from, parent } = sourceOf(ds, spec);
  const params: Record<string, unknown> = { parents: parentIds, limit: size + 1 };
  const conditions: string[] = [`${parent} IN (:...parents)`, `(${spec.where ?? "TRUE"})`];
  if (args.after) conditions.push(beyondCursorSql(keys, decodeCursor(args.after, keys.length, "after", cursorScope(keys)), true, "a", params));
  if (args.before) conditions.push(beyondCursorSql(keys, decodeCursor(args.before, keys.length, "before", cursorScope(keys)), false, "b", params));
  const order = keys.map((k) => `${k.expression} ${(k.direction === "ASC") !== backward ? "ASC" : "DESC"}`).join(", ");
  const numbered = `SELECT ${parent} AS parent, w.id AS id, row_number() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS rn
    FROM ${from} WHERE ${conditions.join(" AND ")}`;

  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  if (size > 0) {
    // The parent comes from SQL, not from the row: through a link table one row can stand under several parents.
    const { raw, entities } = await ds
      .getRepository(spec.entity)
      .createQueryBuilder("o")
      .innerJoin(`(${numbered})`, "r", "r.id = o.id AND r.rn <= :limit")
      .addSelect("r.parent", "nested_parent")
      .addSelect("r.id", "nested_id")
      .setParameters(params)
      // Grouped by parent below; within a parent, rn is the connection's order (reversed when paging backward).
      .orderBy("r.parent")
      .addOrderBy("r.rn")
      .getRawAndEntities();
    const entityById = new Map(entities.map((row) => [row.id, row]));
    for (const row of raw as { nested_parent: string; nested_id: string }[]) {
      const entity = entityById.get(row.nested_id);
      if (entity) byParent.get(row.nested_parent)?.push(entity);
    }
  }

  const pages = new Map<string, Page<T>>();
  for (const parentId of parentIds) {
    pages.set(parentId, pageFromRows(byParent.get(parentId)!, size, backward, args, keys, () => countLoader.load(parentId)));
  }
  return pages;
}
