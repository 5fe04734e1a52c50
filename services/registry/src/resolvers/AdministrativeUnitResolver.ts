import { predecessorCodes, successorCodes } from "@camau/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RegistryContext } from "../context";
import { AdministrativeLevel } from "../domain/enums";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { unitKey } from "../loaders";

/** The reform's succession on the units themselves (the rule: @camau/shared's reference/areas.ts). */
@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @FieldResolver(() => [AdministrativeUnit], {
    description:
      "For a commune of the pre-2025 tree: the new commune-level units it became (part of) on 2025-07-01, two or more when the reform split it. Empty for other units.",
  })
  async successors(@Root() u: AdministrativeUnit, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit[]> {
    if (u.codeSystem !== "PRE_2025" || u.level !== AdministrativeLevel.COMMUNE) return [];
    return present(await Promise.all(successorCodes(u.code).map((code) => ctx.loaders.unitByKey.load(unitKey("POST_2025", code)))));
  }

  @FieldResolver(() => [AdministrativeUnit], {
    description: "For a commune-level unit since 2025-07-01: the old communes, wards and townships it was formed from (whole or in part). Empty for other units.",
  })
  async predecessors(@Root() u: AdministrativeUnit, @Ctx() ctx: RegistryContext): Promise<AdministrativeUnit[]> {
    if (u.codeSystem !== "POST_2025" || u.level !== AdministrativeLevel.COMMUNE) return [];
    return present(await Promise.all(predecessorCodes(u.code).map((code) => ctx.loaders.unitByKey.load(unitKey("PRE_2025", code)))));
  }
}

function present(units: (AdministrativeUnit | null | undefined)[]): AdministrativeUnit[] {
  return units.filter((u): u is AdministrativeUnit => !!u).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
