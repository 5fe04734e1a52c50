import { envInt, envOptional, GATEWAY_SECRET_HEADER, gatewaySecret, SUBGRAPHS } from "@camau/shared";
import { CooperativeDirectory, CooperativeSnapshot } from "./CooperativeDirectory";

/** Thrown when the registry cannot be asked; the mutation fails (masked as INTERNAL_SERVER_ERROR). */
export class DirectoryUnavailableError extends Error {}

const QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Cooperative { id status sector { code name } address { districtCode } district { name } }
  }
}`;

interface EntityResult {
  id: string;
  status: string;
  sector: { code: string; name: string } | null;
  address: { districtCode: string | null } | null;
  district: { name: string } | null;
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
 * gateway's shared secret, as a trusted internal caller) for one `Cooperative` entity.
 */
export class HttpCooperativeDirectory implements CooperativeDirectory {
  constructor(
    private readonly url: string = registryUrlFromEnvironment(),
    private readonly timeoutMs: number = envInt("REGISTRY_TIMEOUT_MS", 5000),
    private readonly secret: string = gatewaySecret(),
  ) {}

  async find(id: string): Promise<CooperativeSnapshot | null> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: this.secret },
        body: JSON.stringify({ query: QUERY, variables: { representations: [{ __typename: "Cooperative", id }] } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DirectoryUnavailableError(`the cooperative registry at ${this.url} did not answer: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DirectoryUnavailableError(`the cooperative registry answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { _entities?: (EntityResult | null)[] }; errors?: { message: string }[] };
    if (body.errors?.length) throw new DirectoryUnavailableError(`the cooperative registry answered with errors: ${body.errors.map((e) => e.message).join("; ")}`);
    const entity = body.data?._entities?.[0] ?? null;
    if (!entity) return null;
    if (!entity.sector) throw new DirectoryUnavailableError(`the cooperative registry gave no sector for ${id}`);
    return {
      id: entity.id.toLowerCase(),
      status: entity.status,
      sectorCode: entity.sector.code,
      sectorName: entity.sector.name,
      districtCode: entity.address?.districtCode ?? null,
      districtName: entity.district?.name ?? null,
    };
  }
}
