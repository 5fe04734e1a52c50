import { registryCooperativeType } from "@camau/shared";

/** The registry's Cooperative in this subgraph: its key, extended with this subgraph's fields. */
export const Cooperative = registryCooperativeType();
