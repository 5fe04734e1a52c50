import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type Composition = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

const HEADER = "# Composed by `npm run compose` from the subgraphs' SDL; do not edit. CI fails when it is stale.\n";

/** Composes the supergraph (Federation 2) the gateway serves. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): Composition {
  const services = [];
  for (const s of subgraphs) {
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (error) {
      return { ok: false, errors: [`subgraph ${s.name}: ${(error as Error).message}`] };
    }
  }
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((e) => e.message) };
  return { ok: true, supergraphSdl: HEADER + result.supergraphSdl + "\n", hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}
