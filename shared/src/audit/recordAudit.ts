import { DataSource, EntityManager } from "typeorm";
import { Viewer } from "../auth/viewer";
import { AuditEntry } from "./AuditEntry";
import { redactPersonalData } from "./redaction";

/** What one mutation changed, as the audit log keeps it. */
export interface AuditChange {
  /** The mutation, e.g. `updateCooperative`. */
  operation: string;
  /** Type of the record changed, e.g. `Cooperative`. */
  entityType: string;
  entityId: string;
  /** The record (or the fields that changed) before; null or omitted when it was created. */
  before?: unknown;
  /** The record (or the fields that changed) after; null or omitted when it was removed. */
  after?: unknown;
  /** More fields to redact in this entry, beyond PERSONAL_DATA_FIELDS. */
  redact?: readonly string[];
}

/** A before/after image as stored: a JSON object with personal data redacted, or null. */
function image(value: unknown, redact: readonly string[] | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const redacted = redactPersonalData(value, redact);
  return typeof redacted === "object" && !Array.isArray(redacted) ? (redacted as Record<string, unknown>) : { value: redacted };
}

const serviceNames = new WeakMap<DataSource, string>();

/** Names the service whose audit entries a data source writes (createDataSource calls it). */
export function registerAuditService(dataSource: DataSource, service: string): void {
  serviceNames.set(dataSource, service);
}

/**
 * Records one change in the audit log through the mutation's own transaction manager: the entry
 * is committed with the change or rolled back with it. Personal data is redacted before it is
 * stored, so it never reaches the log at all.
 */
export async function recordAudit(manager: EntityManager, viewer: Viewer, change: AuditChange): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    // A change outside a transaction could commit without its entry (or the reverse).
    throw new Error(`recordAudit(${change.operation}) must run inside the mutation's transaction`);
  }
  const entry: Omit<AuditEntry, "id" | "occurredAt"> = {
    service: serviceNames.get(manager.connection) ?? "unknown",
    actorSubject: viewer.subject,
    actorRole: viewer.role,
    operation: change.operation,
    entityType: change.entityType,
    entityId: change.entityId,
    before: image(change.before, change.redact),
    after: image(change.after, change.redact),
  };
  await manager.getRepository(AuditEntry).insert(entry as never);
}
