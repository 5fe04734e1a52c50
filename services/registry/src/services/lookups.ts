import { badInput } from "@camau/shared";
import { EntityManager } from "typeorm";
import { AdministrativeLevel } from "../domain/enums";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Sector } from "../entities/Sector";

/** The commune valid on a date, or BAD_USER_INPUT naming the input path. */
export async function communeOn(manager: EntityManager, communeCode: string, date: string, path: string): Promise<AdministrativeUnit> {
  const commune = await manager
    .getRepository(AdministrativeUnit)
    .createQueryBuilder("u")
    .where("u.code = :code AND u.level = :level", { code: communeCode, level: AdministrativeLevel.COMMUNE })
    .andWhere("u.valid_from <= :date AND (u.valid_to IS NULL OR u.valid_to >= :date)", { date })
    .getOne();
  if (!commune) throw badInput(path, `no commune ${communeCode} is valid on ${date}`);
  return commune;
}

/**
 * The district of a place in this commune: its parent before the July 2025 reform; none after,
 * when communes belong to the province directly (a place with a district is a pre-reform place).
 */
export function districtOfCommune(commune: AdministrativeUnit): string | null {
  return commune.codeSystem === "PRE_2025" ? commune.parentCode : null;
}

export async function requireSector(manager: EntityManager, code: string, path: string): Promise<Sector> {
  const sector = await manager.getRepository(Sector).findOneBy({ code });
  if (!sector) throw badInput(path, `unknown sector ${code}`);
  return sector;
}
