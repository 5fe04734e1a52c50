import { badInput, Viewer } from "@camau/shared";
import { EntityManager } from "typeorm";
import { CooperativeEventKind, LegalStatus } from "../domain/enums";
import { CooperativeEvent } from "../entities/CooperativeEvent";

/** Records one history event in the mutation's transaction, with who made the change. */
export function recordEvent(
  manager: EntityManager,
  viewer: Viewer,
  event: { cooperativeId: string; kind: CooperativeEventKind; effectiveOn: string; statusAfter?: LegalStatus; details?: Record<string, unknown> },
): Promise<CooperativeEvent> {
  return manager.getRepository(CooperativeEvent).save(
    manager.getRepository(CooperativeEvent).create({
      cooperativeId: event.cooperativeId,
      kind: event.kind,
      effectiveOn: event.effectiveOn,
      statusAfter: event.statusAfter ?? null,
      details: event.details ?? {},
      actorSubject: viewer.subject,
      actorRole: viewer.role,
    }),
  );
}

/** Today's date in Vietnam (UTC+7), as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Legal dates may not lie in the future: a change is recorded once it has happened. */
export function assertNotFuture(date: string, path: string): void {
  if (date > todayInVietnam()) throw badInput(path, "cannot be in the future");
}
