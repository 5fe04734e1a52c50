import { OpenDataSource } from "@camau/shared";
import { REFORM_DATE } from "./domain/places";

/** Tables whose changes the open data (and the report's figures) follow: every table of outreach's records. */
export const OUTREACH_TRACKED_TABLES = ["training_class", "training_class_attendance", "published_figure"] as const;

const DATE = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;

/** Outreach's open datasets (columns as in OPEN_DATASETS), in key order. */
export const outreachOpenData: readonly OpenDataSource[] = [
  {
    name: "training-classes",
    tables: ["training_class", "training_class_attendance"],
    sql: `
      SELECT c.id, c.title, c.kind, c.audience, c.organiser,
             CASE WHEN c.start_date < DATE '${REFORM_DATE}' THEN 'PRE_2025' ELSE 'POST_2025' END AS "codeSystem",
             c.district_code AS "districtCode", c.commune_code AS "communeCode", ${DATE("c.start_date", "startDate")}, ${DATE("c.end_date", "endDate")},
             c.participant_count AS "participantCount",
             (SELECT count(*)::int FROM training_class_attendance a WHERE a.class_id = c.id) AS "cooperativeCount",
             c.status, ${DATE("c.cancelled_on", "cancelledOn")}
        FROM training_class c ORDER BY c.id`,
  },
];
