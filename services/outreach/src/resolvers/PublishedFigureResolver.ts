import { PageArgs, paginate, requireUuid, toConnection, CacheHint } from "@camau/shared";
import { Arg, Args, Ctx, ID, Query, Resolver, Directive } from "type-graphql";
import { OutreachContext } from "../context";
import { cleanText } from "../domain/classRules";
import { PublishedFigure } from "../entities/PublishedFigure";
import { PublishedFigureFilter } from "../inputs/PublishedFigureInputs";
import { PublishedFigureConnection } from "./connections";
@Resolver(() => PublishedFigure)
export class PublishedFigureResolver {
  @Directive(CacheHint.report)
  @Query(() => PublishedFigure, { nullable: true, description: "A published figure by id; null when there is none." })
  publishedFigure(@Arg("id", () => ID, { description: "Published figure id (UUID)." }) id: string, @Ctx() ctx: OutreachContext): Promise<PublishedFigure | null> {
    return ctx.dataSource.getRepository(PublishedFigure).findOneBy({ id: requireUuid(id, "id") });
  }

  @Directive(CacheHint.report)
  @Query(() => PublishedFigureConnection, { description: "Published figures as recorded, by period (latest first), then figure. Compare them with the derived ones through `collectiveEconomyReport(from, to) { publishedFigures }`." })
  async publishedFigures(
    @Arg("filter", () => PublishedFigureFilter, { nullable: true, description: "Conditions the figures must meet." }) filter: PublishedFigureFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OutreachContext,
  ) {
    const f = filter ?? {};
    const qb = ctx.dataSource.getRepository(PublishedFigure).createQueryBuilder("f");
    if (f.from) qb.andWhere("f.period_from >= :from", { from: f.from });
    if (f.to) qb.andWhere("f.period_to <= :to", { to: f.to });
    if (f.figures?.length) qb.andWhere("f.figure IN (:...figures)", { figures: f.figures });
    if (f.publisher) qb.andWhere("f.publisher = :publisher", { publisher: cleanText(f.publisher) });
    return toConnection(
      await paginate(
        qb,
        page,
        [
          { expression: "f.period_to", direction: "DESC", valueOf: (x) => x.to },
          { expression: "f.period_from", direction: "DESC", valueOf: (x) => x.from },
          { expression: "f.figure", direction: "ASC", valueOf: (x) => x.figure },
        ],
        "f.id",
      ),
    );
  }
}
