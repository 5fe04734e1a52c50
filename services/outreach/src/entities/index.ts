import { PublishedFigure } from "./PublishedFigure";
import { TrainingClass } from "./TrainingClass";
import { TrainingClassAttendance } from "./TrainingClassAttendance";

/** Every table of the outreach database. */
export const outreachEntities = [TrainingClass, TrainingClassAttendance, PublishedFigure];
