import type { Response } from "express";
import type { Pool, PoolClient } from "pg";
import QueryStream from "pg-query-stream";
import { pipeline } from "node:stream/promises";
import { DataSource } from "typeorm";
import { envInt } from "../config/env";
import { OpenDataColumn, OpenDataFormat, OpenDataset } from "./datasets";
import { rowFormatter } from "./rowFormat";

/** How a subgraph reads one dataset from its own database. */
export interface OpenDataSource {
  /** A name of OPEN_DATASETS, or of an internal dataset (see `columns`). */
  readonly name: string;
  /**
   * Only for an internal dataset, not in the public catalogue (OPEN_DATASETS): its columns. The
   * gateway serves catalogue datasets only, so such a dataset is for the other subgraphs (behind
   * the gateway secret), e.g. the few columns another subgraph holds a copy of.
   */
  readonly columns?: readonly OpenDataColumn[];
  /** Tables whose change changes the dataset (tracked by open_data_change). */
  readonly tables: readonly string[];
  /**
   * One SELECT with an output column named after each of the dataset's columns, in a stable order
   * (key order, so a download is the same file twice). $1, when used, is today's date in
   * Vietnam, for figures in force on the day. Values as the API writes them: dates and instants as text,
   * amounts as numbers.
   */
  readonly sql: string;
}

/** Rows fetched per round trip: memory holds about one batch, whatever the dataset's size. */
const BATCH_ROWS = 500;

/**
 * Bounds of a download's transaction: the whole query (a national dataset takes longer than the
 * API's statement timeout) and a reader that stops reading (the transaction then sits idle
 * holding its snapshot, which would hold back vacuum).
 */
function downloadTimeouts(): { statementMs: number; idleMs: number } {
  return { statementMs: envInt("OPEN_DATA_STATEMENT_TIMEOUT_MS", 600_000), idleMs: envInt("OPEN_DATA_IDLE_TIMEOUT_MS", 60_000) };
}

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Streams a dataset into an HTTP response through a cursor (pg-query-stream) inside a read-only
 * transaction, so rows go out as they are read and a slow client slows the cursor down instead
 * of filling memory. A client that goes away ends the cursor and the transaction.
 */
export async function streamDataset(dataSource: DataSource, dataset: Pick<OpenDataset, "columns">, source: OpenDataSource, format: OpenDataFormat, res: Response): Promise<void> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const { statementMs, idleMs } = downloadTimeouts();
  const client: PoolClient = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${statementMs}`);
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${idleMs}`);
    const rows = client.query(new QueryStream(source.sql, source.sql.includes("$1") ? [todayInVietnam()] : [], { batchSize: BATCH_ROWS, highWaterMark: BATCH_ROWS }));
    res.status(200).type(format === "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8");
    await pipeline(rows, rowFormatter(dataset.columns, format), res);
    await client.query("COMMIT");
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A connection left mid-cursor or mid-transaction is not given back to the pool.
    client.release(broken);
  }
}
