import { ApolloServer } from "@apollo/server";
import { Router } from "express";
import type { Request, Response } from "express";
import { setTimeout as delay } from "node:timers/promises";
import { createGatewayContext, GatewayContext } from "./context";

const EXPORT = `query ReportDownload($from: Date!, $to: Date!, $territory: Territory, $format: ReportExportFormat!) {
  reportExport(from: $from, to: $to, territory: $territory, format: $format) { status progress fileName mediaType contentBase64 error }
}`;

const FORMATS: Record<string, string> = { "draft.docx": "DOCX", "draft.pdf": "PDF", "draft.md": "MARKDOWN", "chart.png": "CHART_PNG" };

/** How long a download waits for its export (the export itself goes on; a retry picks it up). */
const WAIT_MS = 120_000;

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, NOT_FOUND: 404 };

interface ExportAnswer {
  status: string;
  fileName: string | null;
  mediaType: string | null;
  contentBase64: string | null;
  error: string | null;
}

/**
 * The report's downloads, `GET /reports/draft.docx|.pdf|.md` and `/reports/chart.png` with
 * `from`, `to` and optionally `territory`: the same GraphQL operation a client would send
 * (reportExport), run through the gateway's own pipeline (token check, limits, fair use), polled
 * until the export is done, and answered as a file. Its progress is the operation's to show.
 */
export function reportDownloads(server: ApolloServer<GatewayContext>): Router {
  const router = Router();
  router.get("/reports/:file", async (req: Request, res: Response) => {
    const format = FORMATS[String(req.params.file)];
    const { from, to, territory } = req.query;
    if (!format || typeof from !== "string" || typeof to !== "string" || (territory !== undefined && typeof territory !== "string")) {
      res.status(format ? 400 : 404).json({ errors: [{ message: format ? "from and to (YYYY-MM-DD) are required" : "Not found", extensions: { code: format ? "BAD_USER_INPUT" : "NOT_FOUND" } }] });
      return;
    }
    let context: GatewayContext;
    try {
      context = createGatewayContext(req);
    } catch {
      res.status(401).json({ errors: [{ message: "Invalid bearer token", extensions: { code: "UNAUTHENTICATED" } }] });
      return;
    }
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const response = await server.executeOperation({ query: EXPORT, variables: { from, to, territory, format } }, { contextValue: context });
      const result = response.body.kind === "single" ? response.body.singleResult : undefined;
      const error = result?.errors?.[0];
      const answer = (result?.data as { reportExport?: ExportAnswer } | null | undefined)?.reportExport;
      if (error || !answer) {
        const code = String(error?.extensions?.code ?? "INTERNAL_SERVER_ERROR");
        res.status(HTTP_STATUS[code] ?? 502).json({ errors: [{ message: error?.message ?? "The export failed", extensions: { code } }] });
        return;
      }
      if (answer.status === "DONE" && answer.contentBase64) {
        res.setHeader("content-type", answer.mediaType ?? "application/octet-stream");
        res.setHeader("content-disposition", `attachment; filename="${answer.fileName ?? "report"}"`);
        // Officers' files hold figures the public may not read.
        res.setHeader("cache-control", "private, no-store");
        res.send(Buffer.from(answer.contentBase64, "base64"));
        return;
      }
      if (answer.status === "FAILED" || Date.now() > deadline) {
        res.status(answer.status === "FAILED" ? 502 : 503).json({ errors: [{ message: answer.error ?? "The export is still running: try again", extensions: { code: answer.status === "FAILED" ? "EXPORT_FAILED" : "EXPORT_RUNNING" } }] });
        return;
      }
      await delay(250);
    }
  });
  return router;
}
