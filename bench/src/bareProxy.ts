import http from "node:http";

/**
 * `PORT=… REGISTRY_URL=… TRADE_URL=… GATEWAY_SECRET=… node bench/dist/src/bareProxy.js`
 *
 * The least a Node gateway can do, with no GraphQL at all: the floor that `proxyFloor.ts`
 * measures our gateway against. Two routes:
 * - `POST /pipe`: the client's body POSTed as it is to the registry over a keep-alive agent (the
 *   gateway secret added, as our gateway's data source does), the answer piped back.
 * - `POST /list`: the portal list's two hops. The body (the registry's part of the list, with the
 *   `asOf` of trade's part among its variables) is parsed, sent to the registry, its answer parsed,
 *   the page's cooperatives sent to trade as `_entities` representations, trade's counts put
 *   into the page, the whole written back: JSON in and out of each hop, which any federation
 *   gateway must do, and nothing else (no parse, validation, plan, coercion or shaping).
 * Node's HTTP server and client with the settings of our gateway's subgraph client
 * (`gateway/src/subgraphClient.ts`: keepAlive, 4 s idle timeout, noDelay).
 */
const port = Number(process.env.PORT);
const host = process.env.HOST ?? "127.0.0.1";
const secret = process.env.GATEWAY_SECRET ?? "";
const registry = new URL(process.env.REGISTRY_URL!);
const trade = process.env.TRADE_URL ? new URL(process.env.TRADE_URL) : undefined;
const agent = new http.Agent({ keepAlive: true, timeout: 4_000, noDelay: true } as http.AgentOptions);

const TRADE_QUERY = "query($representations:[_Any!]!,$asOf:Date){_entities(representations:$representations){...on Cooperative{ocopProductCount(asOf:$asOf)}}}";

function post(url: URL, body: string | Buffer): Promise<{ status: number; contentType: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-gateway-secret": secret } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 502, contentType: response.headers["content-type"], body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function pipe(req: http.IncomingMessage, res: http.ServerResponse): void {
  const upstream = http.request(
    { agent, hostname: registry.hostname, port: registry.port, path: registry.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": req.headers["content-length"], "x-gateway-secret": secret } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? "application/json" });
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

interface ListAnswer {
  data?: { cooperatives?: { edges: { node: Record<string, unknown> & { id: string } }[] } };
}

async function list(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const asOf = (JSON.parse(body.toString("utf8")) as { variables?: { asOf?: string } }).variables?.asOf ?? null;
  const first = await post(registry, body);
  const page = JSON.parse(first.body.toString("utf8")) as ListAnswer;
  const nodes = page.data?.cooperatives?.edges.map((e) => e.node) ?? [];
  if (nodes.length && trade) {
    const second = await post(trade, JSON.stringify({ query: TRADE_QUERY, variables: { representations: nodes.map((n) => ({ __typename: "Cooperative", id: n.id })), asOf } }));
    const entities = (JSON.parse(second.body.toString("utf8")) as { data?: { _entities?: { ocopProductCount: number | null }[] } }).data?._entities ?? [];
    nodes.forEach((node, i) => (node.ocopProductCount = entities[i]?.ocopProductCount ?? null));
  }
  res.writeHead(first.status, { "content-type": "application/json" });
  res.end(JSON.stringify(page));
}

const server = http.createServer((req, res) => {
  if (req.method === "POST" && req.url === "/pipe") return pipe(req, res);
  if (req.method === "POST" && req.url === "/list") {
    list(req, res).catch(() => {
      res.writeHead(502);
      res.end();
    });
    return;
  }
  res.writeHead(404);
  res.end();
});
// As the gateway's and the subgraphs' servers: connections kept open between requests.
server.keepAliveTimeout = 5_000;
server.listen(port, host);
