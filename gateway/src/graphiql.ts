import { envBool } from "@camau/shared";
import { GRAPHIQL_DIST_DIR } from "@camau/graphiql-ui";
import express, { Router } from "express";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the gateway serves GraphiQL; `/` redirects here. */
export const GRAPHIQL_PATH = "/graphiql";

/**
 * GRAPHIQL=true|false, on by default in production too: the page reads the published schema
 * (GET /schema.graphql), not introspection, so analysts explore the live API while introspection
 * stays off there.
 */
export function graphiqlEnabled(): boolean {
  return envBool("GRAPHIQL", true);
}

/** The GraphiQL URL of a gateway whose GraphQL endpoint is `graphqlUrl` (for startup output). */
export function graphiqlUrlOf(graphqlUrl: string): string {
  return new URL(GRAPHIQL_PATH, graphqlUrl).toString();
}

/**
 * Same origin only: the page may load its own scripts, styles and inlined fonts and talk to
 * /graphql, nothing else. A browser then refuses any outside fetch even if a dependency tried.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface GraphiqlOptions {
  /** The built page (index.html and assets/); defaults to the @camau/graphiql-ui package's dist. */
  distDir?: string;
}

/**
 * GraphiQL built at build time by the ui/ package (graphiql, the explorer plugin, the example
 * operations of docs/examples), served from local files: GET /graphiql, /graphiql/assets/*,
 * and GET / redirecting to /graphiql. Mounted by startGateway unless GRAPHIQL=false.
 */
export function graphiqlRouter(options: GraphiqlOptions = {}): Router {
  const distDir = options.distDir ?? GRAPHIQL_DIST_DIR;
  const indexFile = path.join(distDir, "index.html");
  let page: string | undefined;

  const router = Router();
  router.get("/", (_req, res) => {
    res.redirect(302, GRAPHIQL_PATH);
  });
  router.get(GRAPHIQL_PATH, (_req, res) => {
    if (page === undefined && existsSync(indexFile)) page = readFileSync(indexFile, "utf8");
    if (page === undefined) {
      res.status(503).type("text/plain").send(`GraphiQL is not built (${indexFile} is missing): run \`npm run build\`.\n`);
      return;
    }
    res
      .set({
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        // The page names content-hashed assets: revalidate the page, cache the assets for good.
        "cache-control": "no-cache",
      })
      .type("html")
      .send(page);
  });
  router.use(
    `${GRAPHIQL_PATH}/assets`,
    express.static(path.join(distDir, "assets"), { index: false, immutable: true, maxAge: "365d", fallthrough: false }),
  );
  return router;
}
