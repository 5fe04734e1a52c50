import { SUBGRAPHS } from "../catalog";
import { envInt, envOptional } from "../config/env";
import { gatewaySecret } from "../config/secrets";
import { GATEWAY_SECRET_HEADER } from "../server/gatewaySecretGuard";
import { READ_PRIMARY_HEADER } from "../server/readRouting";
import { CooperativeDirectory, CooperativePlace, CooperativeSnapshot, DirectoryUnavailableError } from "./CooperativeDirectory";
import { RegistryPlaces } from "./RegistryPlaces";

const QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Cooperative { id status sector { code name } address { districtCode communeCode } district { name } }
  }
}`;

/** Largest number of cooperatives asked in one call (a class's attendance list stays far below). */
const BATCH = 200;

interface EntityResult {
  id: string;
  status: string;
  sector: { code: string; name: string } | null;
  address: { districtCode: string | null; communeCode: string | null } | null;
  district: { name: string } | null;
}

interface EntitiesError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** The registry subgraph's URL: REGISTRY_URL, else the catalog's port on loopback. */
export function registryUrlFromEnvironment(): string {
  const configured = envOptional("REGISTRY_URL");
  if (configured) return configured;
  const port = SUBGRAPHS.find((s) => s.name === "registry")?.port ?? 4001;
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * Asks the registry subgraph directly (not through the gateway: subgraph to subgraph, with the
 * gateway's shared secret, as a trusted internal caller) for `Cooperative` entities. A missing
 * cooperative comes back as null or as a NOT_FOUND error on its entry; any other error means the
 * registry could not answer.
 */
export class HttpCooperativeDirectory implements CooperativeDirectory {
  private readonly registryPlaces: RegistryPlaces;

  constructor(
    private readonly url: string = registryUrlFromEnvironment(),
    private readonly timeoutMs: number = envInt("REGISTRY_TIMEOUT_MS", 5000),
    private readonly secret: string = gatewaySecret(),
  ) {
    this.registryPlaces = new RegistryPlaces(url, secret, timeoutMs);
  }

  places(): Promise<ReadonlyMap<string, CooperativePlace>> {
    return this.registryPlaces.get();
  }

  async find(id: string): Promise<CooperativeSnapshot | null> {
    return (await this.findAll([id])).get(id.toLowerCase()) ?? null;
  }

  async findAll(ids: readonly string[]): Promise<Map<string, CooperativeSnapshot>> {
    const found = new Map<string, CooperativeSnapshot>();
    for (let start = 0; start < ids.length; start += BATCH) {
      for (const snapshot of await this.ask(ids.slice(start, start + BATCH))) found.set(snapshot.id, snapshot);
    }
    return found;
  }

  private async ask(ids: readonly string[]): Promise<CooperativeSnapshot[]> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        // The check decides a write: it reads the registry's primary, never a replica that may
        // not have a cooperative registered or suspended a moment ago yet (public reads of places
        // go through places(), which the registry answers from its replica).
        headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: this.secret, [READ_PRIMARY_HEADER]: "true" },
        body: JSON.stringify({ query: QUERY, variables: { representations: ids.map((id) => ({ __typename: "Cooperative", id })) } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DirectoryUnavailableError(`the cooperative registry at ${this.url} did not answer: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DirectoryUnavailableError(`the cooperative registry answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { _entities?: (EntityResult | null)[] }; errors?: EntitiesError[] };
    const failures = (body.errors ?? []).filter((e) => e.extensions?.code !== "NOT_FOUND" || e.path?.[0] !== "_entities");
    if (failures.length) throw new DirectoryUnavailableError(`the cooperative registry answered with errors: ${failures.map((e) => e.message).join("; ")}`);
    const snapshots: CooperativeSnapshot[] = [];
    for (const entity of body.data?._entities ?? []) {
      if (!entity) continue;
      if (!entity.sector) throw new DirectoryUnavailableError(`the cooperative registry gave no sector for ${entity.id}`);
      snapshots.push({
        id: entity.id.toLowerCase(),
        status: entity.status,
        sectorCode: entity.sector.code,
        sectorName: entity.sector.name,
        districtCode: entity.address?.districtCode ?? null,
        districtName: entity.district?.name ?? null,
        communeCode: entity.address?.communeCode ?? null,
      });
    }
    return snapshots;
  }
}
