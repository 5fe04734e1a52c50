/** The shared audit log's table (audit_entry), as every subgraph has it in its own database. */
export { AuditLog1725000000000 } from "@camau/shared";
