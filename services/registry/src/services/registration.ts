import { LegalStatus } from "../domain/enums";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { RegisteredOrganisation } from "../entities/RegisteredOrganisation";
import { RegisterCooperativeInput } from "../inputs/CooperativeInputs";
import { districtOfCommune } from "./lookups";

/** What registering a cooperative and a union have in common in their input. */
type Registration = Pick<RegisterCooperativeInput, "code" | "name" | "foreignName" | "abbreviation" | "foundedOn" | "governingLaw" | "address" | "charterCapital" | "legalRepresentative">;

/** The registration columns of a new cooperative or union: ACTIVE from its founding, at its head-office commune. */
export function registrationColumns(input: Registration, commune: AdministrativeUnit): Partial<RegisteredOrganisation> {
  return {
    code: input.code,
    name: input.name.normalize("NFC"),
    foreignName: input.foreignName ?? null,
    abbreviation: input.abbreviation ?? null,
    status: LegalStatus.ACTIVE,
    statusSince: input.foundedOn,
    foundedOn: input.foundedOn,
    governingLaw: input.governingLaw,
    street: input.address.street ?? null,
    communeCode: commune.code,
    districtCode: districtOfCommune(commune),
    addressCodeSystem: commune.codeSystem,
    charterCapital: input.charterCapital,
    legalRepresentative: input.legalRepresentative,
  };
}
