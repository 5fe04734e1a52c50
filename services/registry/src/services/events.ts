import { Viewer } from "@camau/shared";
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
