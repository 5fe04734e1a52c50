import express from "express";
import type { NextFunction, Request, Response, Router } from "express";
import { DatabasePools } from "../server/readRouting";
import { latestChange } from "./changeTracking";
import { OPEN_DATA_FORMATS, OpenDataFormat, openDataset } from "./datasets";
import { OpenDataSource, streamDataset } from "./datasetStream";

/**
 * A subgraph's internal open-data routes, behind the gateway secret like /graphql; the gateway
 * serves them to the public under /open-data (its own caching, budgets and catalogue):
 * - GET /open-data/changes: when any tracked table last changed (the report's figures);
 * - GET /open-data/<dataset>/changes: when the dataset's tables last changed;
 * - GET /open-data/<dataset>.csv | .jsonl: the dataset, streamed (internal datasets too).
 * Public data only, so reads go to the replica when there is one, like anonymous API reads.
 */
export function openDataRoutes(sources: readonly OpenDataSource[], pools: DatabasePools): Router {
  const router = express.Router();
  const pool = () => pools.replica ?? pools.primary;
  const sourceOf = (name: string) => sources.find((s) => s.name === name);
  const wrap = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch((error: unknown) => {
      // Mid-stream, headers are gone: cutting the connection tells the gateway (and the client) the file is incomplete.
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    });
  };
  const notFound = (res: Response) => res.status(404).json({ errors: [{ message: "No such dataset", extensions: { code: "NOT_FOUND" } }] });

  router.get("/open-data/changes", wrap(async (_req, res) => {
    const changedAt = await latestChange(pool());
    res.json({ changedAt: changedAt?.toISOString() ?? null });
  }));
  router.get("/open-data/:dataset/changes", wrap(async (req, res) => {
    const source = sourceOf(String(req.params.dataset));
    if (!source) return void notFound(res);
    const changedAt = await latestChange(pool(), source.tables);
    res.json({ changedAt: changedAt?.toISOString() ?? null });
  }));
  router.get("/open-data/:file", wrap(async (req, res) => {
    const match = /^([a-z-]+)\.([a-z]+)$/.exec(String(req.params.file));
    const source = match ? sourceOf(match[1]) : undefined;
    const dataset = source?.columns ? { columns: source.columns } : match ? openDataset(match[1]) : undefined;
    const format = match?.[2] as OpenDataFormat | undefined;
    if (!source || !dataset || !format || !(format in OPEN_DATA_FORMATS)) return void notFound(res);
    await streamDataset(pool(), dataset, source, format, res);
  }));
  return router;
}
