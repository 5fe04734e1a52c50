export * from "./AuditEntry";
export * from "./auditLogResolver";
export * from "./migration";
export * from "./recordAudit";
export * from "./redaction";
export * from "./diff";
export * from "./staffOnly";
