import { addSearch, areaFilterSql, BadUserInputError, CooperativeKey, inVietnameseOrder, isUuid, PageArgs, paginate, registryCooperative, relevanceOrder, requireUuid, SortKey, toConnection, CacheHint } from "@camau/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from "type-graphql";
import { OutreachContext } from "../context";
import { TrainingClassOrderField } from "../domain/enums";
import { codeSystemOn, districtByCode } from "../domain/places";
import { TrainingClass } from "../entities/TrainingClass";
import { TrainingClassFilter, TrainingClassOrder } from "../inputs/TrainingClassFilter";
import { TrainingClassConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

const BY_TITLE: SortKey<TrainingClass> = { expression: inVietnameseOrder("tc.title"), direction: "ASC", valueOf: (c) => c.title };

const ORDER_COLUMNS: Record<Exclude<TrainingClassOrderField, TrainingClassOrderField.RELEVANCE>, { expression: string; valueOf: (c: TrainingClass) => string | number }> = {
  [TrainingClassOrderField.START_DATE]: { expression: "tc.start_date", valueOf: (c) => c.startDate },
  [TrainingClassOrderField.END_DATE]: { expression: "tc.end_date", valueOf: (c) => c.endDate },
  [TrainingClassOrderField.TITLE]: BY_TITLE,
};

@Resolver(() => TrainingClass)
export class TrainingClassResolver {
  @Directive(CacheHint.public)
  @Query(() => TrainingClass, { nullable: true, description: "A class by id; null when there is none." })
  trainingClass(@Arg("id", () => ID, { description: "Class id (UUID)." }) id: string, @Ctx() ctx: OutreachContext): Promise<TrainingClass | null> {
    return ctx.loaders.trainingClassById.load(requireUuid(id, "id"));
  }

  @Directive(CacheHint.public)
  @Query(() => TrainingClassConnection, { description: "Classes, filtered and sorted, one page at a time (default: by first day, oldest first; by relevance when searching)." })
  async trainingClasses(
    @Arg("filter", () => TrainingClassFilter, { nullable: true, description: "Conditions the classes must meet." }) filter: TrainingClassFilter | null,
    @Arg("orderBy", () => [TrainingClassOrder], { nullable: true, description: "Sort keys, first one first (default: first day ascending; RELEVANCE when `filter.search` is given)." }) orderBy: TrainingClassOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OutreachContext,
  ) {
    const f = filter ?? {};
    if (f.from && f.to && f.from > f.to) throw new BadUserInputError("filter.from is after filter.to", [{ path: "filter.from", message: "is after to" }]);
    const qb = ctx.dataSource.getRepository(TrainingClass).createQueryBuilder("tc");
    if (f.from) qb.andWhere("tc.start_date >= :from", { from: f.from });
    if (f.to) qb.andWhere("tc.start_date <= :to", { to: f.to });
    if (f.kinds?.length) qb.andWhere("tc.kind IN (:...kinds)", { kinds: f.kinds });
    for (const area of areaFilterSql("tc", f)) qb.andWhere(area.sql, area.params);
    if (f.statuses?.length) qb.andWhere("tc.status IN (:...statuses)", { statuses: f.statuses });
    if ((orderBy?.length ?? 0) > 3) throw new BadUserInputError("orderBy takes at most 3 keys", [{ path: "orderBy", message: "at most 3 keys" }]);
    const order = orderBy?.length ? orderBy : [{ field: f.search ? TrainingClassOrderField.RELEVANCE : TrainingClassOrderField.START_DATE, direction: "ASC" }];
    // After the other filters, so that the search's candidates are those of the filtered list.
    const relevance = f.search ? await addSearch(qb, "tc", f.search, { ranked: order.some((o) => o.field === TrainingClassOrderField.RELEVANCE) }) : undefined;
    const keys: SortKey<TrainingClass>[] = order.flatMap((o) =>
      o.field === TrainingClassOrderField.RELEVANCE
        ? relevanceOrder(relevance, BY_TITLE, o.direction as "ASC" | "DESC", "orderBy")
        : [{ ...ORDER_COLUMNS[o.field], direction: o.direction as "ASC" | "DESC" }],
    );
    return toConnection(await paginate(qb, page, keys, "tc.id"));
  }

  @FieldResolver(() => String, { nullable: true, description: "Name of the district (pre-2025 tree), e.g. Huyện U Minh." })
  districtName(@Root() c: TrainingClass): string | null {
    return districtByCode(c.districtCode)?.name ?? null;
  }

  @FieldResolver(() => String, { description: "Code system of the district and commune: PRE_2025 for classes starting before 2025-07-01, POST_2025 after the reform." })
  codeSystem(@Root() c: TrainingClass): string {
    return codeSystemOn(c.startDate);
  }

  @FieldResolver(() => [Cooperative], { nullable: "items", description: "Cooperatives that sent participants (HTX có người tham gia); resolved by the registry. Items are nullable, as every reference to another subgraph: a cooperative the registry does not know is null, with a NOT_FOUND error, and the rest of the answer stays." })
  async cooperatives(@Root() c: TrainingClass, @Ctx() ctx: OutreachContext): Promise<CooperativeKey[]> {
    return (await ctx.loaders.attendanceByClass.load(c.id)).map((a) => registryCooperative(a.cooperativeId));
  }

  @FieldResolver(() => Int, { description: "Number of cooperatives that sent participants." })
  async cooperativeCount(@Root() c: TrainingClass, @Ctx() ctx: OutreachContext): Promise<number> {
    return (await ctx.loaders.attendanceByClass.load(c.id)).length;
  }
}

/** Entity reference resolver: other subgraphs may hand the gateway `{ id }` of a class. */
export const trainingClassReference = {
  TrainingClass: {
    __resolveReference: (ref: { id: string }, ctx: OutreachContext) => (isUuid(ref.id) ? ctx.loaders.trainingClassById.load(ref.id.toLowerCase()) : null),
  },
};
