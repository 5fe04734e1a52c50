import { AuditEntry } from "@camau/shared";
import { AdministrativeUnit } from "./AdministrativeUnit";
import { AdministrativeUnitSuccession } from "./AdministrativeUnitSuccession";
import { Classification } from "./Classification";
import { Cooperative } from "./Cooperative";
import { CooperativeEvent } from "./CooperativeEvent";
import { CooperativeGroup } from "./CooperativeGroup";
import { CooperativeUnion } from "./CooperativeUnion";
import { Member } from "./Member";
import { Sector } from "./Sector";
import { UnionMembership } from "./UnionMembership";
import { VsicSectorMapping } from "./VsicSectorMapping";

/** Every table of the registry's database. */
export const registryEntities = [
  AdministrativeUnit,
  AdministrativeUnitSuccession,
  AuditEntry,
  Classification,
  Cooperative,
  CooperativeEvent,
  CooperativeGroup,
  CooperativeUnion,
  Member,
  Sector,
  UnionMembership,
  VsicSectorMapping,
];
