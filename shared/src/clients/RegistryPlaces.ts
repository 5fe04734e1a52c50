import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { GATEWAY_SECRET_HEADER } from "../server/gatewaySecretGuard";
import { CooperativePlace, DirectoryUnavailableError } from "./CooperativeDirectory";

/** Time allowed for the whole dataset (a few MB for a national registry). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Every cooperative's head-office place, as the registry has it, held in the process. A report
 * that needs the places of thousands of cooperatives must not ask the registry for each of them
 * on every request (its cost grew with the registry). Instead each use asks the registry's
 * internal open-data route when its cooperative table last changed (one small statement there)
 * and its internal cooperative-places dataset is downloaded again when it changed since the copy held. Only the
 * first use waits for the download: later ones answer from the held copy while a newer one
 * downloads (the report's answers are cached for minutes anyway). Concurrent uses share one
 * check and one download. Public data: the registry answers these routes from its replica when
 * it has one.
 */
export class RegistryPlaces {
  private held?: { changedAt: string | null; places: ReadonlyMap<string, CooperativePlace> };
  private checking?: Promise<ReadonlyMap<string, CooperativePlace>>;
  private downloading?: Promise<ReadonlyMap<string, CooperativePlace>>;

  /** `registryUrl` is the registry's GraphQL URL: the open-data routes are on the same server. */
  constructor(
    private readonly registryUrl: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  /** By lower-case cooperative id. */
  get(): Promise<ReadonlyMap<string, CooperativePlace>> {
    this.checking ??= this.current().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async current(): Promise<ReadonlyMap<string, CooperativePlace>> {
    const { changedAt } = (await (await this.ask("open-data/cooperative-places/changes", this.timeoutMs)).json()) as { changedAt: string | null };
    if (this.held && changedAt !== null && this.held.changedAt === changedAt) return this.held.places;
    const newer = this.refresh(changedAt);
    if (!this.held) return newer;
    // A failed background download leaves the held copy; the next use tries again.
    newer.catch(() => undefined);
    return this.held.places;
  }

  /** Downloads the places; `changedAt` was read before, so a change made meanwhile is downloaded again next time. */
  private refresh(changedAt: string | null): Promise<ReadonlyMap<string, CooperativePlace>> {
    this.downloading ??= this.download()
      .then((places) => {
        this.held = { changedAt, places };
        return places;
      })
      .finally(() => (this.downloading = undefined));
    return this.downloading;
  }

  private async download(): Promise<Map<string, CooperativePlace>> {
    const response = await this.ask("open-data/cooperative-places.jsonl", DOWNLOAD_TIMEOUT_MS);
    if (!response.body) throw new DirectoryUnavailableError("the cooperative registry sent no cooperatives");
    const places = new Map<string, CooperativePlace>();
    try {
      const lines = createInterface({ input: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        const row = JSON.parse(line) as { id: string; districtCode: string | null; communeCode: string | null };
        places.set(row.id.toLowerCase(), { districtCode: row.districtCode ?? null, communeCode: row.communeCode ?? null });
      }
    } catch (error) {
      throw new DirectoryUnavailableError(`the cooperative registry's places could not be read: ${(error as Error).message}`);
    }
    return places;
  }

  private async ask(path: string, timeoutMs: number): Promise<Response> {
    const url = new URL(`/${path}`, this.registryUrl);
    let response: Response;
    try {
      response = await fetch(url, { headers: { [GATEWAY_SECRET_HEADER]: this.secret }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new DirectoryUnavailableError(`the cooperative registry at ${url.origin} did not answer: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DirectoryUnavailableError(`the cooperative registry answered HTTP ${response.status} for /${path}`);
    return response;
  }
}
