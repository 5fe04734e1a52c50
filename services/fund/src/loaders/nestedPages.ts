import { cursorScope, decodeCursor, encodeCursor, Page, pageSize, SortKey } from "@camau/shared";
import DataLoader from "dataloader";
import { Brackets, DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { NestedPageArgs } from "../graphql/connection";

/** A list nested under a parent (the loans of a cooperative), paged for many parents at once. */
export interface NestedListSpec<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  alias: string;
  /** SQL expression of the parent key, e.g. `l.cooperative_id`. Never user input. */
  parentColumn: string;
  parentOf: (row: T) => string;
  /** Sort keys; the id is appended as the last key. */
  sortKeys: SortKey<T>[];
  idExpression: string;
  /** Extra conditions (a filter), applied to the page and to the count alike. */
  filter?: (qb: SelectQueryBuilder<T>) => void;
}

let parameterCounter = 0;

function whereAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: { expression: string; direction: "ASC" | "DESC" }[], values: (string | number)[]): void {
  const prefix = `nested${++parameterCounter % 1_000_000}_`;
  qb.andWhere(
    new Brackets((outer) => {
      keys.forEach((key, i) => {
        outer.orWhere(
          new Brackets((inner) => {
            for (let j = 0; j < i; j++) inner.andWhere(`${keys[j].expression} = :${prefix}${j}`, { [`${prefix}${j}`]: values[j] });
            inner.andWhere(`${key.expression} ${key.direction === "ASC" ? ">" : "<"} :${prefix}${i}`, { [`${prefix}${i}`]: values[i] });
          }),
        );
      });
    }),
  );
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Pages of a nested list for every parent of a request in ONE statement (a window function ranks
 * each parent's rows), and their counts in one more, only if `totalCount` is asked for. So a page
 * of 50 cooperatives with their loans costs the same statements as a page of 5.
 */
export function nestedPages<T extends ObjectLiteral & { id: string }>(ds: DataSource, spec: NestedListSpec<T>, args: NestedPageArgs): DataLoader<string, Page<T>> {
  const { size } = pageSize({ first: args.first, after: args.after });
  const keys = [...spec.sortKeys, { expression: spec.idExpression, direction: "ASC" as const, valueOf: (row: T) => row.id }];
  const cursor = args.after ? decodeCursor(args.after, keys.length, "after", cursorScope(keys)) : null;
  const repository = ds.getRepository(spec.entity);
  const base = (parents: readonly string[]) => {
    const qb = repository.createQueryBuilder(spec.alias).where(`${spec.parentColumn} IN (:...nestedParents)`, { nestedParents: [...parents] });
    spec.filter?.(qb);
    return qb;
  };

  const counts = new DataLoader<string, number>(async (parents) => {
    const rows: { parent: string; n: string }[] = await base(parents).select(spec.parentColumn, "parent").addSelect("count(*)", "n").groupBy(spec.parentColumn).getRawMany();
    const byParent = new Map(rows.map((r) => [String(r.parent), Number(r.n)]));
    return parents.map((p) => byParent.get(p) ?? 0);
  });

  return new DataLoader<string, Page<T>>(async (parents) => {
    let rows: T[] = [];
    if (size > 0) {
      const ranked = base(parents);
      if (cursor) whereAfter(ranked, keys, cursor);
      const order = keys.map((k) => `${k.expression} ${k.direction}`).join(", ");
      ranked.select(spec.idExpression, "ranked_id").addSelect(`row_number() OVER (PARTITION BY ${spec.parentColumn} ORDER BY ${order})`, "ranked_n");
      rows = await repository
        .createQueryBuilder(spec.alias)
        .where(`${spec.idExpression} IN (SELECT r.ranked_id FROM (${ranked.getQuery()}) r WHERE r.ranked_n <= :nestedLimit)`)
        .setParameters({ ...ranked.getParameters(), nestedLimit: size + 1 })
        .getMany();
    }
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const list = byParent.get(spec.parentOf(row));
      if (list) list.push(row);
      else byParent.set(spec.parentOf(row), [row]);
    }
    return parents.map((parent) => {
      const list = (byParent.get(parent) ?? []).sort((a, b) => {
        for (const k of keys) {
          const c = compare(k.valueOf(a), k.valueOf(b));
          if (c !== 0) return k.direction === "ASC" ? c : -c;
        }
        return 0;
      });
      const pageRows = list.slice(0, size);
      const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.valueOf(node)), cursorScope(keys)) }));
      return {
        edges,
        pageInfo: {
          hasNextPage: list.length > size,
          hasPreviousPage: !!args.after,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        totalCount: () => counts.load(parent),
      };
    });
  });
}
