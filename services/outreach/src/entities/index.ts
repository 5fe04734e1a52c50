import { AuditEntry } from "@camau/shared";
import { PublishedFigure } from "./PublishedFigure";
import { TrainingClass } from "./TrainingClass";
import { TrainingClassAttendance } from "./TrainingClassAttendance";

/** Every table of the outreach database (the audit log's table is the shared one). */
export const outreachEntities = [TrainingClass, TrainingClassAttendance, PublishedFigure, AuditEntry];
