import { defaultTerritory as territoryOfPeriodEnd, Territory } from "@camau/shared";
import { Period, REFORM_DATE } from "./periods";

export { Territory };

/** The province as it was at the end of the period: the territory a report covers by default. */
export function defaultTerritory(period: Period): Territory {
  return territoryOfPeriodEnd(period.to);
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
