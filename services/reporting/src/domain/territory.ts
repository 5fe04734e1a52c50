import { registerEnumType } from "type-graphql";
import { Period, REFORM_DATE } from "./periods";

/** The report's territory, as the report query of the graph takes it. */
export enum Territory {
  CA_MAU = "CA_MAU",
  OLD_CA_MAU = "OLD_CA_MAU",
  OLD_BAC_LIEU = "OLD_BAC_LIEU",
}

registerEnumType(Territory, {
  name: "Territory",
  description: "The territory a report covers (địa bàn).",
  valuesConfig: {
    CA_MAU: { description: "The province of Cà Mau since 1 July 2025: old Cà Mau and old Bạc Liêu." },
    OLD_CA_MAU: { description: "The province of Cà Mau as it was before 1 July 2025." },
    OLD_BAC_LIEU: { description: "The province of Bạc Liêu as it was before 1 July 2025." },
  },
});

/** The province as it was at the end of the period: the territory a report covers by default. */
export function defaultTerritory(period: Period): Territory {
  return period.to < REFORM_DATE ? Territory.OLD_CA_MAU : Territory.CA_MAU;
}

/** How a report names its territory: the province of the period plainly, an older one as such. */
export function territoryName(territory: Territory, period: Period): string {
  const beforeReform = period.to < REFORM_DATE;
  switch (territory) {
    case Territory.CA_MAU:
      return "tỉnh Cà Mau";
    case Territory.OLD_CA_MAU:
      return beforeReform ? "tỉnh Cà Mau" : "địa bàn tỉnh Cà Mau cũ";
    case Territory.OLD_BAC_LIEU:
      return beforeReform ? "tỉnh Bạc Liêu" : "địa bàn tỉnh Bạc Liêu cũ";
  }
}

/** The administrative units a period's breakdown uses: districts before the reform, communes after. */
export function areaUnitName(period: Period): string {
  return period.to < REFORM_DATE ? "huyện, thành phố" : "xã, phường";
}
