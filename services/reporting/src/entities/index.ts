import { AuditEntry } from "@camau/shared";
import { ReportNarrative } from "./ReportNarrative";
import { ReportTemplateVersion } from "./ReportTemplateVersion";

export const reportingEntities = [ReportTemplateVersion, ReportNarrative, AuditEntry];
