import { GATEWAY_SECRET_HEADER, OPEN_DATA_FORMATS, OPEN_DATASETS, OpenDataFormat, OpenDataset, openDataset, rowFormatter } from "@camau/shared";
import express from "express";
import type { NextFunction, Request, Response, Router } from "express";
import { GraphQLError } from "graphql";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { clientAddressOf, FairUse } from "./fairUse";
import { CatalogSettings, openDataCatalog } from "./openDataCatalog";
import { FIRST_RECORD_QUERY, halfYears, lastCompleteHalfYear, reportQuery } from "./reportFigures";

/** The subgraphs whose records make the report's figures (the reporting subgraph only writes them up). */
const REPORT_FIGURE_SOURCES = ["registry", "fund", "trade", "outreach"];

/** Runs an operation as the public, its fair-use budget already spent by the download. */
export type PublicOperation = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, any> | null; errors?: readonly { message: string }[] }>;

export interface OpenDataRouterOptions {
  /** Each subgraph's GraphQL URL (filled as the gateway builds its data sources). */
  subgraphUrls: ReadonlyMap<string, string>;
  gatewaySecret: string;
  /** Fair-use budgets; undefined when FAIR_USE=false. */
  fairUse?: FairUse;
  /** The report figures dataset is made from the API's report query. */
  runPublicOperation: PublicOperation;
  catalog: CatalogSettings;
  /** Cache-Control of downloads and the catalogue. */
  cacheControl: string;
  /** Bound on the small metadata calls to the subgraphs (the dataset's latest change). */
  timeoutMs: number;
}

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The open data at /open-data: the DCAT catalogue (catalog.json) and every dataset as CSV or
 * JSON Lines, anonymous. A download is streamed from the subgraph that owns the dataset (its
 * internal /open-data route, behind the gateway secret) without buffering; its ETag and
 * Last-Modified come from the dataset's latest change, asked first, so a client revalidating gets
 * 304 without any scan. A download counts as an expensive operation in the fair-use budgets.
 */
export function openDataRouter(options: OpenDataRouterOptions): Router {
  const router = express.Router();
  const internal = (subgraph: string, path: string) => {
    const url = options.subgraphUrls.get(subgraph);
    if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
    return new URL(path, url).toString();
  };
  const changedAtFrom = async (url: string): Promise<Date | null> => {
    const response = await fetch(url, { headers: { [GATEWAY_SECRET_HEADER]: options.gatewaySecret }, signal: AbortSignal.timeout(options.timeoutMs) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const { changedAt } = (await response.json()) as { changedAt: string | null };
    return changedAt ? new Date(changedAt) : null;
  };
  /** The dataset's latest change: its own tables', or, for the report's figures, every subgraph's. */
  const latestChangeOf = async (dataset: OpenDataset): Promise<Date | null> => {
    if (dataset.source !== "gateway") return changedAtFrom(internal(dataset.source, `/open-data/${dataset.name}/changes`));
    const all = await Promise.all(REPORT_FIGURE_SOURCES.map((name) => changedAtFrom(internal(name, "/open-data/changes"))));
    return all.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  };
  const wrap = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch((error: unknown) => {
      // Mid-stream the status is gone: cutting the connection tells the client the file is incomplete.
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    });
  };
  const baseUrlOf = (req: Request) => options.catalog.baseUrl ?? `${req.protocol}://${req.get("host")}`;

  router.get("/open-data/catalog.json", wrap(async (req, res) => {
    const changes = await Promise.all(OPEN_DATASETS.map(async (d) => [d.name, await latestChangeOf(d)] as const));
    res.set("Cache-Control", options.cacheControl);
    res.type("application/ld+json; charset=utf-8").send(JSON.stringify(openDataCatalog(baseUrlOf(req), options.catalog, new Map(changes)), null, 2));
  }));

  router.get("/open-data/:file", wrap(async (req, res) => {
    const match = /^([a-z-]+)\.([a-z]+)$/.exec(String(req.params.file));
    const dataset = match ? openDataset(match[1]) : undefined;
    const format = match?.[2] as OpenDataFormat | undefined;
    if (!dataset || !format || !Object.hasOwn(OPEN_DATA_FORMATS, format)) {
      res.status(404).json({ errors: [{ message: "No such dataset: see /open-data/catalog.json", extensions: { code: "NOT_FOUND" } }] });
      return;
    }
    const changedAt = await latestChangeOf(dataset);
    // What the file's bytes depend on besides the data: its columns, and the day for figures in force on it.
    const asOf = dataset.source === "gateway" ? lastCompleteHalfYear(todayInVietnam()).to : dataset.changesDaily ? todayInVietnam() : "";
    const etag = `"${createHash("sha256").update([dataset.name, format, changedAt?.toISOString() ?? "", asOf, dataset.columns.map((c) => c.name).join(",")].join("|")).digest("base64url").slice(0, 32)}"`;
    res.set({
      ETag: etag,
      "Cache-Control": options.cacheControl,
      "Content-Disposition": `attachment; filename="${dataset.name}.${format}"`,
      ...(changedAt ? { "Last-Modified": changedAt.toUTCString() } : {}),
    });
    if (notModified(req, etag, changedAt)) {
      res.status(304).end();
      return;
    }
    res.type(`${OPEN_DATA_FORMATS[format].mediaType}; charset=utf-8`);
    if (req.method === "HEAD") {
      res.status(200).end();
      return;
    }
    const release = await admitDownload(req, res, options.fairUse);
    if (!release) return;
    res.once("close", () => void release());
    const upstream = new AbortController();
    res.once("close", () => upstream.abort());
    if (dataset.source === "gateway") {
      await pipeline(reportRows(dataset, options.runPublicOperation), rowFormatter(dataset.columns, format), res);
      return;
    }
    const response = await fetch(internal(dataset.source, `/open-data/${dataset.name}.${format}`), {
      headers: { [GATEWAY_SECRET_HEADER]: options.gatewaySecret },
      signal: upstream.signal,
    });
    if (!response.ok || !response.body) throw new Error(`open data ${dataset.name}.${format}: ${dataset.source} answered ${response.status}`);
    res.status(200);
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), res);
  }));
  return router;
}

/**
 * The conditional request's answer (RFC 9110 13.1): If-None-Match when sent, else
 * If-Modified-Since. Express's req.fresh is not used: it ignores both whenever the request says
 * `Cache-Control: no-cache`, which fetch() adds to every conditional request.
 */
function notModified(req: Request, etag: string, changedAt: Date | null): boolean {
  const ifNoneMatch = req.header("if-none-match");
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  }
  const ifModifiedSince = Date.parse(req.header("if-modified-since") ?? "");
  // Last-Modified has whole seconds: compare at that precision.
  return changedAt !== null && !Number.isNaN(ifModifiedSince) && Math.floor(changedAt.getTime() / 1000) * 1000 <= ifModifiedSince;
}

/**
 * Spends the client's fair-use budget on a download as on an expensive operation (a slot of its
 * own and one of the public's, and the expensive cost), or answers 429 like /graphql does.
 */
async function admitDownload(req: Request, res: Response, fairUse: FairUse | undefined): Promise<(() => Promise<void>) | undefined> {
  if (!fairUse) return async () => undefined;
  try {
    return await fairUse.admit(`address:${clientAddressOf(req)}`, true, fairUse.settings.expensiveCost, true);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const retryAfter = (error.extensions.retryAfterSeconds as number | undefined) ?? 1;
    for (const header of ["ETag", "Last-Modified", "Content-Disposition"]) res.removeHeader(header);
    res.set("Retry-After", String(retryAfter)).set("Cache-Control", "no-store");
    res.status(429).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, retryAfterSeconds: retryAfter } }] });
    return undefined;
  }
}

/** The report's figures for every half-year, one period at a time (memory: one row). */
async function* reportRows(dataset: OpenDataset, run: PublicOperation): AsyncGenerator<Record<string, unknown>> {
  const first = await run(FIRST_RECORD_QUERY);
  if (first.errors?.length) throw new Error(`open data report figures: ${first.errors[0].message}`);
  const foundedOn = first.data?.cooperatives?.edges?.[0]?.node?.foundedOn as string | undefined;
  if (!foundedOn) return;
  const query = reportQuery(dataset);
  for (const period of halfYears(foundedOn, todayInVietnam())) {
    const answer = await run(query, { ...period });
    if (answer.errors?.length || !answer.data?.collectiveEconomyReport) throw new Error(`open data report figures ${period.from}–${period.to}: ${answer.errors?.[0]?.message ?? "no report"}`);
    yield answer.data.collectiveEconomyReport;
  }
}
