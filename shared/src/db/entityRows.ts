import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/**
 * Reads of one entity by SQL written once, hydrated as TypeORM's query builder hydrates them.
 *
 * A query builder composes its SQL on every call (aliases, escaping, property-to-column
 * replacement over the whole text): for the per-request loaders of the read paths that cost more
 * CPU than PostgreSQL spent answering. Here the SELECT list is derived from the entity's metadata
 * once per data source and alias, the statement is a constant text with array parameters
 * (`= ANY($1)`), and each row becomes an entity through the same column steps TypeORM uses
 * (the driver's conversion of dates, numbers and transformers), so the resolvers see the same
 * objects as from `find`.
 */
export interface EntityRows<T> {
  /** The entity's selected columns under `alias`, for a SELECT list (computed once per alias). */
  select(alias: string): string;
  /** Entities from rows read with `select(...)`. */
  hydrate(rows: readonly Record<string, unknown>[]): T[];
  /**
   * `SELECT [DISTINCT ON (distinctOn)] <select(alias)> <rest>` with its parameters ($1...), as
   * entities; `rest` is the FROM, WHERE and ORDER BY of a constant text.
   */
  query(alias: string, rest: string, parameters: readonly unknown[], options?: { distinctOn?: string }): Promise<T[]>;
}

const byDataSource = new WeakMap<DataSource, Map<unknown, EntityRows<ObjectLiteral>>>();

/** The reader of an entity on a data source (one per pair, kept as long as the data source). */
export function entityRows<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): EntityRows<T> {
  let readers = byDataSource.get(dataSource);
  if (!readers) byDataSource.set(dataSource, (readers = new Map()));
  let reader = readers.get(entity);
  if (!reader) readers.set(entity, (reader = createEntityRows(dataSource, entity)));
  return reader as EntityRows<T>;
}

function createEntityRows<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): EntityRows<T> {
  const metadata = dataSource.getMetadata(entity);
  // What `find` selects: stored columns not marked `select: false` (a search's rank, say).
  const columns: { key: string; column: ColumnMetadata }[] = metadata.columns
    .filter((column) => !column.isVirtual && column.isSelect)
    .map((column, i) => ({ key: `c${i}`, column }));
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const selects = new Map<string, string>();
  const reader: EntityRows<T> = {
    async query(alias, rest, parameters, options = {}) {
      const distinct = options.distinctOn ? `DISTINCT ON (${options.distinctOn}) ` : "";
      return reader.hydrate(await dataSource.query(`SELECT ${distinct}${reader.select(alias)} ${rest}`, [...parameters]));
    },
    select(alias) {
      let list = selects.get(alias);
      if (list === undefined) {
        list = columns.map(({ key, column }) => `${quote(alias)}.${quote(column.databaseName)} AS ${key}`).join(", ");
        selects.set(alias, list);
      }
      return list;
    },
    hydrate(rows) {
      return rows.map((row) => {
        const instance = metadata.create(undefined, { fromDeserializer: true }) as T;
        for (const { key, column } of columns) {
          const value = row[key];
          if (value !== undefined) column.setEntityValue(instance, dataSource.driver.prepareHydratedValue(value, column));
        }
        return instance;
      });
    },
  };
  return reader;
}
