import { groupLoader, nestedPageLoader, rowLoader, Territory, territorySql, unplacedInTerritorySql } from "@camau/shared";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { PublishedFigure } from "../entities/PublishedFigure";
import { TrainingClass } from "../entities/TrainingClass";
import { TrainingClassAttendance } from "../entities/TrainingClassAttendance";

/** Key of a report period: `from|to`. */
export const periodKey = (from: string, to: string) => `${from}|${to}`;

/** Key of a report: `from|to|territory`. */
export const reportKey = (r: { from: string; to: string; territory: Territory }) => `${r.from}|${r.to}|${r.territory}`;

/** Counts of classes the report shows for one period. */
export interface ClassCounts {
  stateManagement: number;
  outreach: number;
}

/**
 * The report's class counts for many periods in one statement: classes whose first day falls
 * within the period, cancelled ones excluded. OUTREACH and VOCATIONAL together make the
 * article's "lớp tuyên truyền, truyền nghề".
 *
 * Territory: a class counts where it was held (its district before the reform, its new commune
 * after); a class with no place is the province's own (see unplacedInTerritory).
 */
function classCountsLoader(ds: DataSource): DataLoader<string, ClassCounts> {
  return new DataLoader<string, ClassCounts>(async (keys) => {
    const counts = new Map<string, ClassCounts>();
    // One statement per territory asked (at most three), every period of it at once.
    for (const territory of new Set(keys.map((k) => k.split("|")[2] as Territory))) {
      const periods = keys.map((k) => k.split("|")).filter((p) => p[2] === territory);
      const place = territorySql("tc", territory, 3);
      const rows: { from_date: string; to_date: string; state_management: string; outreach: string }[] = await ds.query(
        `SELECT p.from_date::text AS from_date, p.to_date::text AS to_date,
                count(tc.id) FILTER (WHERE tc.kind = 'STATE_MANAGEMENT') AS state_management,
                count(tc.id) FILTER (WHERE tc.kind IN ('OUTREACH', 'VOCATIONAL')) AS outreach
           FROM unnest($1::date[], $2::date[]) AS p(from_date, to_date)
           LEFT JOIN training_class tc
             ON tc.start_date BETWEEN p.from_date AND p.to_date AND tc.status <> 'CANCELLED'
            AND (${place.sql}
                 OR (tc.district_code IS NULL AND tc.commune_code IS NULL AND ${unplacedInTerritorySql("tc.start_date", 5)}))
          GROUP BY p.from_date, p.to_date`,
        [periods.map((p) => p[0]), periods.map((p) => p[1]), ...place.params, territory],
      );
      for (const r of rows) counts.set(`${periodKey(r.from_date, r.to_date)}|${territory}`, { stateManagement: Number(r.state_management), outreach: Number(r.outreach) });
    }
    return keys.map((k) => counts.get(k) ?? { stateManagement: 0, outreach: 0 });
  });
}

/**
 * DataLoaders of one request. Every cross-entity field and every reference goes through one of
 * these, so a page of 100 classes with their cooperatives costs what a page of 5 costs.
 */
export function createLoaders(ds: DataSource) {
  const trainingClassById = rowLoader<string, TrainingClass>((ids) => ds.getRepository(TrainingClass).findBy({ id: In([...ids]) }), (c) => c.id);
  return {
    trainingClassById,
    attendanceByClass: groupLoader<string, TrainingClassAttendance>(
      (ids) => ds.getRepository(TrainingClassAttendance).find({ where: { classId: In([...ids]) }, order: { cooperativeId: "ASC" } }),
      (a) => a.classId,
    ),
    classCountsByPeriod: classCountsLoader(ds),
    publishedFiguresByPeriod: groupLoader<string, PublishedFigure>(
      (keys) => {
        const periods = keys.map((k) => k.split("|"));
        return ds
          .getRepository(PublishedFigure)
          .createQueryBuilder("f")
          .where("(f.period_from, f.period_to) IN (SELECT * FROM unnest(:froms::date[], :tos::date[]))", {
            froms: periods.map((p) => p[0]),
            tos: periods.map((p) => p[1]),
          })
          .orderBy("f.figure")
          .addOrderBy("f.publisher")
          .addOrderBy("f.report_title")
          .addOrderBy("f.id")
          .getMany();
      },
      (f) => periodKey(f.from, f.to),
    ),
    /** Classes a cooperative sent participants to, newest first; cancelled classes are not listed. */
    classesOfCooperative: nestedPageLoader<TrainingClass>(ds, {
      entity: TrainingClass,
      link: { table: "training_class_attendance", childColumn: "class_id" },
      parentColumn: "cooperative_id",
      sortKeys: [{ expression: "w.start_date", direction: "DESC", valueOf: (c) => c.startDate }],
      where: "w.status <> 'CANCELLED'",
    }),
  };
}

export type OutreachLoaders = ReturnType<typeof createLoaders>;
