import { explorerPlugin } from "@graphiql/plugin-explorer";
import "@graphiql/plugin-explorer/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { buildSchema, GraphQLSchema } from "graphql";
import { StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { firstTab } from "virtual:examples";
import { examplesPlugin } from "./examplesPlugin";
import "./page.css";

// Same origin as the page: the gateway serves both (see gateway/src/graphiql.ts).
const endpoint = document.querySelector<HTMLMetaElement>('meta[name="graphql-endpoint"]')?.content || "/graphql";
const fetcher = createGraphiQLFetcher({ url: new URL(endpoint, window.location.href).toString() });
// The published schema (gateway/src/publicSchema.ts): GraphiQL needs no introspection, which
// production turns off. Should it fail to load, GraphiQL falls back to introspecting.
const schemaUrl = document.querySelector<HTMLMetaElement>('meta[name="graphql-schema"]')?.content || "/schema.graphql";
async function publishedSchema(): Promise<GraphQLSchema | undefined> {
  try {
    const response = await fetch(new URL(schemaUrl, window.location.href));
    return response.ok ? buildSchema(await response.text()) : undefined;
  } catch {
    return undefined;
  }
}
const explorer = explorerPlugin({ showAttribution: false });
const plugins = [explorer, examplesPlugin];

const welcome = `# Ca Mau collective economy: the GraphQL API
#
# - Explorer (left, folder icon): tick fields to build a query by clicking.
# - Examples (left, list icon): ready-made operations of the portal's screens.
# - Docs (left, book icon): every type and field, with its description.
# - Headers (below): {"Authorization": "Bearer <token>"} for protected fields;
#   a development token comes from \`npm run token -- --role OFFICER\`.
# - Run with the ▶ button or Ctrl-Enter.
#
`;

function App({ schema }: { schema: GraphQLSchema | undefined }) {
  // Open the explorer on load. GraphiQL 4's `visiblePlugin` prop marks the plugin visible but
  // leaves its pane collapsed on first render, so press its button once the page is up instead.
  useEffect(() => {
    const timer = window.setTimeout(() => document.querySelector<HTMLButtonElement>(`button[aria-label="Show ${explorer.title}"]`)?.click(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      plugins={plugins}
      defaultQuery={welcome + firstTab.query}
      defaultHeaders={""}
      isHeadersEditorEnabled={true}
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="headers"
    />
  );
}

void publishedSchema().then((schema) =>
  createRoot(document.getElementById("graphiql")!).render(
    <StrictMode>
      <App schema={schema} />
    </StrictMode>,
  ),
);
