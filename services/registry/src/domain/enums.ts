import { registerLabelledEnum } from "@camau/shared";

/** The registry's vocabulary that demo data writes too is defined in shared, beside the rules it needs. */
export { LegalStatus, GoverningLaw, MemberKind, MembershipType, Rating, GroupStatus, CooperativeEventKind } from "@camau/shared";

/** Level of an administrative unit. */
export enum AdministrativeLevel {
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
}
registerLabelledEnum(AdministrativeLevel, {
  name: "AdministrativeLevel",
  description: "Level of an administrative unit (cấp hành chính).",
  labels: {
    PROVINCE: { en: "Province", vi: "Tỉnh, thành phố trực thuộc trung ương", detail: "a province or centrally-run city" },
    DISTRICT: { en: "District", vi: "Huyện, thành phố thuộc tỉnh", detail: "district, town or provincial city; abolished on 1 July 2025" },
    COMMUNE: { en: "Commune", vi: "Xã, phường, thị trấn", detail: "commune, ward or township" },
  },
});
