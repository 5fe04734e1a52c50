import { CacheHint } from "./cacheHints";
import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { createHmac, timingSafeEqual } from "node:crypto";
import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder, Brackets } from "typeorm";
import { entityRows } from "../db/entityRows";
import { gatewaySecret } from "../config/secrets";
import { BadUserInputError } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page forward: at most this many items after \`after\` (default ${DEFAULT_PAGE_SIZE}, maximum ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the item after which the page starts (from `pageInfo.endCursor`)." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backward: at most this many items before \`before\` (maximum ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the item before which the page ends (from `pageInfo.startCursor`)." })
  before?: string | null;
}

// Every subgraph declares the same PageInfo, so the supergraph must allow it in several places.
@Directive("@shareable")
@Directive(CacheHint.inherit)
@ObjectType({ description: "Where a page stands in its list (Relay PageInfo)." })
export class PageInfo {
  @Field({ description: "Whether more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when the page is empty." })
  endCursor: string | null;
}

/** One page of a list, before it is shaped into a GraphQL connection. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for `totalCount`. */
  totalCount: () => Promise<number>;
}

/** The page of a list that has nothing (of a parent that cannot exist). */
export function emptyPage<T>(): Page<T> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: async () => 0 };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type (Relay connection).
 * `totalCount` is a method so that the COUNT query runs only when it is selected.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, what: string, cacheHint?: string) {
  // A public node type makes a public page of it (its cache hint, from cacheHints.ts); the
  // decorator is applied by hand because a directive cannot be made conditional otherwise.
  const hinted = (target: Function) => {
    if (cacheHint) Directive(cacheHint)(target);
  };

  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  @hinted
  class Edge {
    @Field({ description: "Opaque cursor of this item, for `after` / `before`." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what} items (Relay connection).` })
  @hinted
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page, in order." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo: PageInfo;

    readonly countAll: () => Promise<number>;

    @Field(() => Int, { description: "Number of items in the whole filtered list, across all pages. A search in relevance order lists, and so counts, its best matches only (at most 1,000); order by name to count every match." })
    totalCount(): Promise<number> {
      return this.countAll();
    }
  }
  return ConnectionType as unknown as ClassType<ConnectionShape<T>>;
}

/** Makes a page into the object a connection type resolves from. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return { edges: page.edges, pageInfo: page.pageInfo, countAll: page.totalCount, totalCount: page.totalCount } as ConnectionShape<T> & { countAll: () => Promise<number> };
}

export type CursorValue = string | number;

/** A key of the sort order; `id` is always appended last so the order is total and stable. */
export interface SortKey<T> {
  /** SQL expression of the key, e.g. `c.name`. Never user input. */
  expression: string;
  direction: "ASC" | "DESC";
  /** Reads the key's value from a loaded row, to build its cursor. */
  valueOf: (row: T) => CursorValue;
  /**
   * The rows a costly key is computed for, as a SELECT of whole rows of the list's table with the
   * list's filters (no cursor): the list's pages and count are those rows alone (a relevance order
   * ranks and counts its candidates, which keeps both bounded). `paginate` reads them once per
   * page, as the materialized CTE CANDIDATES_CTE, takes the page from them by the keys and counts
   * them in the same statement; only the page's rows are read again, by id.
   */
  candidates?: string;
  /** The rows to list instead when `candidates` are none (a search's near spellings when its words as typed find nothing). */
  candidatesWhenNone?: string;
}

/** The name of the CTE of SortKey.candidates in a page's statement. */
export const CANDIDATES_CTE = "list_candidates";

/** The list a cursor belongs to, named by its sort keys: a cursor of one order is refused by another. */
export function cursorScope(keys: readonly { expression: string; direction: "ASC" | "DESC" }[]): string {
  return keys.map((k) => `${k.expression} ${k.direction}`).join(",");
}

let cursorKey: { secret: string; key: Buffer } | undefined;

/**
 * The cursor's signature (HMAC-SHA256 over its list and values, keyed from the gateway secret every
 * subgraph shares): the values of a cursor go into SQL as typed parameters, so only cursors this
 * API made, for this very list, are accepted; a forged or edited cursor, or one of another order,
 * is refused as BAD_USER_INPUT before any SQL instead of failing in PostgreSQL.
 */
function cursorSignature(scope: string, payload: string): Buffer {
  const secret = gatewaySecret();
  if (cursorKey?.secret !== secret) cursorKey = { secret, key: createHmac("sha256", secret).update("camau-cursor-key").digest() };
  return createHmac("sha256", cursorKey.key).update(scope).update("\n").update(payload).digest().subarray(0, 16);
}

export function encodeCursor(values: CursorValue[], scope = ""): string {
  const payload = Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
  return `${payload}.${cursorSignature(scope, payload).toString("base64url")}`;
}

function signedPayload(cursor: string, scope: string): string | undefined {
  const dot = cursor.indexOf(".");
  if (dot < 0 || cursor.length > 2000) return undefined;
  const payload = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), "base64url");
  const expected = cursorSignature(scope, payload);
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : undefined;
}

export function decodeCursor(cursor: string, length: number, argument: string, scope = ""): CursorValue[] {
  let values: unknown;
  try {
    const payload = signedPayload(cursor, scope);
    values = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    !values.every((v) => (typeof v === "string" && v.length <= 500) || (typeof v === "number" && Number.isFinite(v)))
  ) {
    throw new BadUserInputError(`${argument}: not a cursor of this list`, [{ path: argument, message: "not a cursor of this list" }]);
  }
  return values as CursorValue[];
}

/** Validates first/last and returns the page size and direction. */
export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  const check = (value: number, path: string) => {
    if (value < 0) throw new BadUserInputError(`${path} cannot be negative`, [{ path, message: "cannot be negative" }]);
    if (value > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`${path} cannot exceed ${MAX_PAGE_SIZE}`, [{ path, message: `cannot exceed ${MAX_PAGE_SIZE}` }]);
    }
  };
  if (args.first != null && args.last != null) {
    throw new BadUserInputError("Use either first or last, not both", [{ path: "last", message: "cannot be combined with first" }]);
  }
  if (args.last != null) {
    check(args.last, "last");
    return { size: args.last, backward: true };
  }
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  check(size, "first");
  return { size, backward: false };
}

let parameterCounter = 0;

/**
 * `(keys) after/before cursor` as SQL, expanded so each key keeps its own direction; the values go
 * into `params` under names starting with `prefix`. The expansion is an OR, which PostgreSQL
 * applies as a filter on an index scan, reading every row before the cursor; so it starts with the
 * redundant `first key >= value` (or `<=`), which the index of the order takes as where to start.
 */
export function beyondCursorSql(keys: { expression: string; direction: "ASC" | "DESC" }[], values: CursorValue[], forward: boolean, prefix: string, params: Record<string, unknown>): string {
  const after = (key: { direction: "ASC" | "DESC" }) => (key.direction === "ASC") === forward;
  const alternatives = keys.map((key, i) => {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) parts.push(`${keys[j].expression} = :${prefix}${j}`);
    parts.push(`${key.expression} ${after(key) ? ">" : "<"} :${prefix}${i}`);
    return `(${parts.join(" AND ")})`;
  });
  values.forEach((value, i) => (params[`${prefix}${i}`] = value));
  const start = keys.length > 1 ? `${keys[0].expression} ${after(keys[0]) ? ">=" : "<="} :${prefix}0 AND ` : "";
  return `(${start}(${alternatives.join(" OR ")}))`;
}

/** Adds `(keys) after/before cursor` to a query. */
function whereBeyond<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: { expression: string; direction: "ASC" | "DESC" }[], values: CursorValue[], forward: boolean): void {
  const params: Record<string, unknown> = {};
  const sql = beyondCursorSql(keys, values, forward, `cursor${++parameterCounter % 1_000_000}_`, params);
  qb.andWhere(sql, params);
}

/**
 * A page from the rows fetched for it (`size + 1` at most, in the connection's order or the reverse
 * when paging backward): edges with cursors over `keys`, and the page info.
 */
export function pageFromRows<T>(rows: T[], size: number, backward: boolean, args: PageArgs, keys: SortKey<T>[], totalCount: () => Promise<number>): Page<T> {
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backward) pageRows.reverse();
  const scope = cursorScope(keys);
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.valueOf(node)), scope) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? !!args.before : more,
      hasPreviousPage: backward ? more : !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Keyset pagination of a TypeORM query (conventions: cursors stable under inserts). `idExpression`
 * is the SQL expression of the row id, appended as the last key.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sortKeys: SortKey<T>[],
  idExpression: string,
): Promise<Page<T>> {
  const { size, backward } = pageSize(args);
  const keys = [...sortKeys, { expression: idExpression, direction: "ASC" as const, valueOf: (row: T) => row.id }];
  const withCandidates = sortKeys.find((key) => key.candidates);
  if (withCandidates?.candidates) {
    const { candidates, candidatesWhenNone } = withCandidates;
    const page = await paginateCandidates(qb.clone(), args, keys, candidates);
    if (!candidatesWhenNone || page.edges.length > 0 || (await page.totalCount()) > 0) return page;
    return paginateCandidates(qb, args, keys, candidatesWhenNone);
  }
  const countQuery = qb.clone();
  if (args.after) whereBeyond(qb, keys, decodeCursor(args.after, keys.length, "after", cursorScope(keys)), true);
  if (args.before) whereBeyond(qb, keys, decodeCursor(args.before, keys.length, "before", cursorScope(keys)), false);
  keys.forEach((key, i) => {
    const direction = backward ? (key.direction === "ASC" ? "DESC" : "ASC") : key.direction;
    if (i === 0) qb.orderBy(key.expression, direction);
    else qb.addOrderBy(key.expression, direction);
  });
  const rows = size === 0 ? [] : await qb.take(size + 1).getMany();
  let counted: Promise<number> | undefined;
  return pageFromRows(rows, size, backward, args, keys, () => (counted ??= countQuery.getCount()));
}

/**
 * `paginate` of a list whose rows are a bounded set of candidates (SortKey.candidates): one
 * statement reads them once, takes the page's ids from them in the keys' order after the cursor,
 * counts them, and reads the page's rows by id. Before, the page and the count each found the
 * candidates again (with the search, two index scans each).
 */
async function paginateCandidates<T extends ObjectLiteral & { id: string }>(qb: SelectQueryBuilder<T>, args: PageArgs, keys: SortKey<T>[], candidates: string): Promise<Page<T>> {
  const { size, backward } = pageSize(args);
  const alias = qb.alias;
  qb.addCommonTableExpression(candidates, CANDIDATES_CTE, { materialized: true });
  const params: Record<string, unknown> = {};
  const beyond: string[] = [];
  const prefix = () => `cursor${++parameterCounter % 1_000_000}_`;
  if (args.after) beyond.push(beyondCursorSql(keys, decodeCursor(args.after, keys.length, "after", cursorScope(keys)), true, prefix(), params));
  if (args.before) beyond.push(beyondCursorSql(keys, decodeCursor(args.before, keys.length, "before", cursorScope(keys)), false, prefix(), params));
  const order = keys.map((key) => ({ expression: key.expression, direction: (key.direction === "ASC") !== backward ? ("ASC" as const) : ("DESC" as const) }));
  const countSql = `SELECT count(*) FROM ${CANDIDATES_CTE}`;
  let counted: Promise<number> | undefined;
  let rows: T[] = [];
  if (size > 0) {
    // The candidates under the list's alias: the keys' expressions read their columns.
    const pageIds = `SELECT ${alias}.id FROM ${CANDIDATES_CTE} ${alias}${beyond.length ? ` WHERE ${beyond.join(" AND ")}` : ""} ORDER BY ${order.map((o) => `${o.expression} ${o.direction}`).join(", ")} LIMIT ${size + 1}`;
    qb.andWhere(`${alias}.id IN (${pageIds})`, params).addSelect(`(${countSql})`, "list_total");
    order.forEach((o, i) => (i === 0 ? qb.orderBy(o.expression, o.direction) : qb.addOrderBy(o.expression, o.direction)));
    const { entities, raw } = await qb.take(size + 1).getRawAndEntities();
    rows = entities;
    if (raw.length > 0) counted = Promise.resolve(Number((raw[0] as { list_total: string }).list_total));
    // No cursor and no row: there are no candidates.
    else if (beyond.length === 0) counted = Promise.resolve(0);
  }
  const count = async () => {
    const [sql, values] = qb.connection.driver.escapeQueryWithParameters(`WITH ${CANDIDATES_CTE} AS MATERIALIZED (${candidates}) ${countSql}`, qb.getParameters());
    return Number((await qb.connection.query(sql, values))[0].count);
  };
  return pageFromRows(rows, size, backward, args, keys, () => (counted ??= count()));
}

/** A condition of a list as SQL over its table's alias, with TypeORM-style named parameters (`:name`, `:...names`). */
export interface ListCondition {
  sql: string;
  params?: Record<string, unknown>;
}

/**
 * Keyset pagination of one table's rows under fixed conditions, the same pages, cursors and count
 * as `paginate`, read by short statements written here instead of by a query builder: on a list
 * every page asks for, composing the SQL and hydrating through the builder cost the subgraph more
 * CPU than PostgreSQL spent answering. Rows become entities as `find` makes them (entityRows).
 * With `countWithPage` (the client asked for `totalCount`) the count comes in the page's statement,
 * one round trip instead of two; an empty page counts apart. For lists of plain columns: sort keys
 * with `candidates` go through `paginate`.
 */
export async function paginateTable<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  conditions: readonly ListCondition[],
  args: PageArgs,
  sortKeys: SortKey<T>[],
  { countWithPage = false }: { countWithPage?: boolean } = {},
): Promise<Page<T>> {
  if (sortKeys.some((key) => key.candidates)) throw new Error("paginateTable: sort keys with candidates of their own go through paginate");
  const { size, backward } = pageSize(args);
  const idExpression = `${alias}.id`;
  const keys = [...sortKeys, { expression: idExpression, direction: "ASC" as const, valueOf: (row: T) => row.id }];
  const params: Record<string, unknown> = {};
  const listed = conditions.map((condition) => {
    Object.assign(params, condition.params);
    return `(${condition.sql})`;
  });
  const paged = [...listed];
  if (args.after) paged.push(beyondCursorSql(keys, decodeCursor(args.after, keys.length, "after", cursorScope(keys)), true, "after_", params));
  if (args.before) paged.push(beyondCursorSql(keys, decodeCursor(args.before, keys.length, "before", cursorScope(keys)), false, "before_", params));
  params.pageLimit = size + 1;
  const from = `FROM ${ds.getMetadata(entity).tablePath} ${alias}`;
  const where = (parts: string[]) => (parts.length ? ` WHERE ${parts.join(" AND ")}` : "");
  const order = keys.map((key) => `${key.expression} ${(key.direction === "ASC") !== backward ? "ASC" : "DESC"}`).join(", ");
  const run = (sql: string) => ds.query(...ds.driver.escapeQueryWithParameters(sql, params)) as Promise<Record<string, unknown>[]>;
  const countSql = `SELECT count(*) AS n ${from}${where(listed)}`;
  const reader = entityRows(ds, entity);
  let counted: Promise<number> | undefined;
  let rows: T[] = [];
  if (size > 0) {
    // The count as an uncorrelated subquery: PostgreSQL computes it once, whatever the page holds.
    const raw = await run(`SELECT ${reader.select(alias)}${countWithPage ? `, (${countSql}) AS list_total` : ""} ${from}${where(paged)} ORDER BY ${order} LIMIT :pageLimit`);
    rows = reader.hydrate(raw);
    if (countWithPage && raw.length > 0) counted = Promise.resolve(Number(raw[0].list_total));
  }
  const count = async () => Number((await run(countSql))[0].n);
  return pageFromRows(rows, size, backward, args, keys, () => (counted ??= count()));
}
