import { beyondCursorSql, cursorScope, decodeCursor, Page, PageArgs, pageFromRows, pageSize, SortKey } from "./pagination";
import DataLoader from "dataloader";
import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Keyset pagination of a connection nested under many parents (the participations of each
 * program on a page of programs) in one SQL statement for all parents: a window function
 * numbers each parent's rows in the connection's order and keeps the first `first + 1` of each.
 * `paginate` pages one list per statement, which would cost a statement per parent.
 */
export interface NestedPageSpec<T extends ObjectLiteral & { id: string }> {
  entity: EntityTarget<T>;
  /** Column of the entity's table holding the parent's id, e.g. `program_id`. */
  parentColumn: string;
  parentOf: (row: T) => string;
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

/** A per-request loader of one page of children per parent; keys with the same page arguments share a statement. */
export function nestedPageLoader<T extends ObjectLiteral & { id: string }>(ds: DataSource, spec: NestedPageSpec<T>): DataLoader<NestedPageKey, Page<T>, string> {
  const countLoader = new DataLoader<string, number>(async (parentIds) => {
    const table = ds.getMetadata(spec.entity).tablePath;
    const rows: { parent: string; n: string }[] = await ds.query(
      `SELECT w.${spec.parentColumn} AS parent, count(*) AS n FROM ${table} w
        WHERE w.${spec.parentColumn} = ANY($1::uuid[]) AND (${spec.where ?? "TRUE"}) GROUP BY w.${spec.parentColumn}`,
      [parentIds],
    );
    const counts = new Map(rows.map((r) => [r.parent, Number(r.n)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });

  return new DataLoader<NestedPageKey, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, NestedPageKey[]>();
      for (const key of keys) {
        const k = argsKey(key.args);
        groups.set(k, [...(groups.get(k) ?? []), key]);
      }
      const pages = new Map<string, Page<T> | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            const byParent = await loadGroup(ds, spec, group[0].args, [...new Set(group.map((k) => k.parentId))], countLoader);
            for (const key of group) pages.set(`${key.parentId}|${argsKey(key.args)}`, byParent.get(key.parentId)!);
          } catch (error) {
            for (const key of group) pages.set(`${key.parentId}|${argsKey(key.args)}`, error as Error);
          }
        }),
      );
      return keys.map((key) => pages.get(`${key.parentId}|${argsKey(key.args)}`)!);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${argsKey(key.args)}` },
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
  const params: Record<string, unknown> = { parents: parentIds, limit: size + 1 };
  const conditions: string[] = [`w.${spec.parentColumn} IN (:...parents)`, `(${spec.where ?? "TRUE"})`];
  if (args.after) conditions.push(beyondCursorSql(keys, decodeCursor(args.after, keys.length, "after", cursorScope(keys)), true, "a", params));
  if (args.before) conditions.push(beyondCursorSql(keys, decodeCursor(args.before, keys.length, "before", cursorScope(keys)), false, "b", params));
  const order = keys.map((k) => `${k.expression} ${(k.direction === "ASC") !== backward ? "ASC" : "DESC"}`).join(", ");
  const table = ds.getMetadata(spec.entity).tablePath;
  const numbered = `SELECT w.id AS id, row_number() OVER (PARTITION BY w.${spec.parentColumn} ORDER BY ${order}) AS rn
    FROM ${table} w WHERE ${conditions.join(" AND ")}`;

  let rows: T[] = [];
  if (size > 0) {
    rows = await ds
      .getRepository(spec.entity)
      .createQueryBuilder("o")
      .innerJoin(`(${numbered})`, "r", "r.id = o.id AND r.rn <= :limit")
      .setParameters(params)
      // Grouped by parent below; within a parent, rn is the connection's order.
      .orderBy("r.rn")
      .getMany();
  }
  const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const row of rows) byParent.get(spec.parentOf(row))?.push(row);

  const pages = new Map<string, Page<T>>();
  for (const parentId of parentIds) {
    pages.set(parentId, pageFromRows(byParent.get(parentId)!, size, backward, args, keys, () => countLoader.load(parentId)));
  }
  return pages;
}
