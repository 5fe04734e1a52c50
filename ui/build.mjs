// Builds the GraphiQL page the gateway serves at /graphiql into dist/: index.html and
// assets/ (one JS bundle, one CSS file; GraphiQL's fonts are inlined by the package itself).
// Everything comes from node_modules at build time, so the page needs no network at all:
// no CDN, font or worker is fetched from outside (checked below, and by test/graphiql.browser.test.ts).
// Run by `npm run build` (root) after `tsc -b`.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { readExamples } = require("./examples.js");
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, "dist");
const assets = path.join(dist, "assets");

const examples = readExamples().map(({ file: _file, ...example }) => example);

/**
 * An example with its variables written into the operation, for GraphiQL's first tab: GraphiQL 4
 * does not load a default tab's variables into the variables editor, so the first tab must run
 * without any.
 */
function inlineVariables(example) {
  const { Kind, parse, print, visit, valueFromASTUntyped } = require("graphql");
  // JSON values as literals (strings stay strings: good for the report's dates, not for enums).
  const literal = (value) => {
    if (value === null) return { kind: Kind.NULL };
    if (Array.isArray(value)) return { kind: Kind.LIST, values: value.map(literal) };
    if (typeof value === "string") return { kind: Kind.STRING, value };
    if (typeof value === "boolean") return { kind: Kind.BOOLEAN, value };
    if (typeof value === "number") return { kind: Number.isInteger(value) ? Kind.INT : Kind.FLOAT, value: String(value) };
    return { kind: Kind.OBJECT, fields: Object.entries(value).map(([name, v]) => ({ kind: Kind.OBJECT_FIELD, name: { kind: Kind.NAME, value: name }, value: literal(v) })) };
  };
  const values = example.variables ? JSON.parse(example.variables) : {};
  const document = parse(example.query);
  const defaults = {};
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue) defaults[node.variable.name.value] = valueFromASTUntyped(node.defaultValue);
    },
  });
  const inlined = visit(document, {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
    Variable(node) {
      const name = node.name.value;
      const value = name in values ? values[name] : defaults[name];
      if (value === undefined) throw new Error(`${example.id}: no value for $${name} in its .variables.json`);
      return literal(value);
    },
  });
  return print(inlined) + "\n";
}
const first = examples.find((e) => e.id.includes("collective-economy-report")) ?? examples[0];
const firstTab = { id: first.id, query: inlineVariables(first) };

/** `import { examples } from "virtual:examples"`: docs/examples/*.graphql, embedded. */
const examplesModule = {
  name: "examples",
  setup(b) {
    b.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: "examples", namespace: "virtual" }));
    b.onLoad({ filter: /.*/, namespace: "virtual" }, () => ({
      contents: `export const examples = ${JSON.stringify(examples)};\nexport const firstTab = ${JSON.stringify(firstTab)};`,
      loader: "js",
    }));
  },
};

await rm(dist, { recursive: true, force: true });
await mkdir(assets, { recursive: true });
const result = await build({
  absWorkingDir: here,
  entryPoints: { graphiql: "src/main.tsx" },
  bundle: true,
  minify: true,
  sourcemap: "linked",
  format: "iife",
  target: ["es2020"],
  jsx: "automatic",
  outdir: assets,
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  // Anything a stylesheet points at becomes a local file next to the bundle.
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file", ".svg": "file", ".png": "file" },
  define: { "process.env.NODE_ENV": '"production"' },
  // The fetcher imports graphql-ws lazily, for subscriptions only; there are none here.
  external: ["graphql-ws"],
  legalComments: "linked",
  plugins: [examplesModule],
  metafile: true,
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(assets, path.resolve(here, file)));
const js = outputs.find((f) => /^graphiql-.*\.js$/.test(f));
const css = outputs.find((f) => /^graphiql-.*\.css$/.test(f));
if (!js || !css) throw new Error(`unexpected esbuild outputs: ${outputs.join(", ")}`);

// No stylesheet may pull anything from outside (fonts, @import of a CDN stylesheet).
const stylesheet = await readFile(path.join(assets, css), "utf8");
const external = stylesheet.match(/@import\s+(url\()?["']?(https?:)?\/\/[^)"';]+|url\(\s*["']?(https?:)?\/\/[^)"']+/gi);
if (external) throw new Error(`the GraphiQL stylesheet references outside resources: ${external.join(", ")}`);

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="graphql-endpoint" content="/graphql" />
    <title>GraphiQL · Cà Mau collective economy API</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/assets/${css}" />
  </head>
  <body>
    <div id="graphiql"><noscript>GraphiQL needs JavaScript.</noscript></div>
    <script src="/graphiql/assets/${js}"></script>
  </body>
</html>
`;
await writeFile(path.join(dist, "index.html"), html);
const size = (file) => Math.round(result.metafile.outputs[path.relative(here, path.join(assets, file))].bytes / 1024);
process.stdout.write(`graphiql-ui: dist/index.html, assets/${js} (${size(js)} KiB), assets/${css} (${size(css)} KiB), ${examples.length} examples\n`);
