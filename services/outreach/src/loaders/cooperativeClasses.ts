import { BadUserInputError, decodeCursor, encodeCursor, isCalendarDate, isUuid, PageArgs, PageInfo, pageSize } from "@camau/shared";
import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { TrainingClass } from "../entities/TrainingClass";

export interface CooperativeClassesKey {
  cooperativeId: string;
  page: PageArgs;
}

export interface ClassPage {
  edges: { cursor: string; node: TrainingClass }[];
  pageInfo: PageInfo;
}

/** Cursor of a class in a cooperative's list: its first day and id (newest first, then id). */
const CURSOR_SCOPE = "cooperative classes: start_date DESC, id";
export const cooperativeClassCursor = (c: TrainingClass) => encodeCursor([c.startDate, c.id], CURSOR_SCOPE);

function readCursor(cursor: string, argument: string): [string, string] {
  const [startDate, id] = decodeCursor(cursor, 2, argument, CURSOR_SCOPE);
  if (typeof startDate !== "string" || typeof id !== "string" || !isCalendarDate(startDate) || !isUuid(id)) {
    throw new BadUserInputError(`${argument}: not a cursor of this list`, [{ path: argument, message: "not a cursor of this list" }]);
  }
  return [startDate, id];
}

/**
 * One page of classes for each of many cooperatives, in one statement per distinct set of page
 * arguments (a gateway asking `trainingClasses(first: 3)` for 100 cooperatives sends one).
 * Keyset pagination within each cooperative by a window function; newest class first.
 */
export async function classesOfCooperatives(
  ds: DataSource,
  keys: readonly CooperativeClassesKey[],
  classById: DataLoader<string, TrainingClass | null>,
): Promise<(ClassPage | Error)[]> {
  const results: (ClassPage | Error)[] = new Array(keys.length);
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const signature = JSON.stringify([k.page.first ?? null, k.page.after ?? null, k.page.last ?? null, k.page.before ?? null]);
    groups.set(signature, [...(groups.get(signature) ?? []), i]);
  });
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const args = keys[indexes[0]].page;
      try {
        const { size, backward } = pageSize(args);
        const cooperativeIds = [...new Set(indexes.map((i) => keys[i].cooperativeId))];
        const params: unknown[] = [cooperativeIds];
        const conditions: string[] = [];
        if (args.after) {
          const [s, id] = readCursor(args.after, "after");
          params.push(s, id);
          conditions.push(`(tc.start_date < $${params.length - 1}::date OR (tc.start_date = $${params.length - 1}::date AND tc.id > $${params.length}::uuid))`);
        }
        if (args.before) {
          const [s, id] = readCursor(args.before, "before");
          params.push(s, id);
          conditions.push(`(tc.start_date > $${params.length - 1}::date OR (tc.start_date = $${params.length - 1}::date AND tc.id < $${params.length}::uuid))`);
        }
        let rows: { cooperative_id: string; id: string }[] = [];
        if (size > 0) {
          params.push(size + 1);
          rows = await ds.query(
            `SELECT x.cooperative_id, x.id FROM (
               SELECT a.cooperative_id, tc.id,
                      row_number() OVER (PARTITION BY a.cooperative_id ORDER BY tc.start_date ${backward ? "ASC" : "DESC"}, tc.id ${backward ? "DESC" : "ASC"}) AS rn
                 FROM training_class_attendance a JOIN training_class tc ON tc.id = a.class_id
                WHERE a.cooperative_id = ANY($1::uuid[]) AND tc.status <> 'CANCELLED'
                  ${conditions.map((c) => `AND ${c}`).join(" ")}
             ) x
             WHERE x.rn <= $${params.length}
             ORDER BY x.cooperative_id, x.rn`,
            params,
          );
        }
        const classes = await classById.loadMany([...new Set(rows.map((r) => r.id))]);
        const byId = new Map<string, TrainingClass>();
        for (const c of classes) if (c && !(c instanceof Error)) byId.set(c.id, c);
        const perCooperative = new Map<string, TrainingClass[]>();
        for (const r of rows) {
          const c = byId.get(r.id);
          if (c) perCooperative.set(r.cooperative_id, [...(perCooperative.get(r.cooperative_id) ?? []), c]);
        }
        for (const i of indexes) {
          const all = perCooperative.get(keys[i].cooperativeId) ?? [];
          const more = all.length > size;
          const page = all.slice(0, size);
          if (backward) page.reverse();
          const edges = page.map((node) => ({ node, cursor: cooperativeClassCursor(node) }));
          results[i] = {
            edges,
            pageInfo: {
              hasNextPage: backward ? !!args.before : more,
              hasPreviousPage: backward ? more : !!args.after,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges[edges.length - 1]?.cursor ?? null,
            },
          };
        }
      } catch (error) {
        for (const i of indexes) results[i] = error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
  return results;
}
