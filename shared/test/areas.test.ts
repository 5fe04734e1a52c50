import { expect } from "chai";
import {
  communeCodesMatching,
  defaultTerritory,
  newCommuneCodesOf,
  oldTerritoryOfPlace,
  placeInTerritory,
  predecessorCodes,
  reportAreaOf,
  successorCodes,
  Territory,
  unplacedInTerritory,
} from "../src";

describe("places across the 2025 reform", () => {
  it("covers the province of the period by default", () => {
    expect([defaultTerritory("2021-06-30"), defaultTerritory("2025-06-30"), defaultTerritory("2025-07-01")]).to.deep.equal([Territory.OLD_CA_MAU, Territory.OLD_CA_MAU, Territory.CA_MAU]);
  });

  it("puts each of the 64 new units in exactly one old province: 39 of old Cà Mau, 25 of old Bạc Liêu", () => {
    const caMau = newCommuneCodesOf(Territory.OLD_CA_MAU);
    const bacLieu = newCommuneCodesOf(Territory.OLD_BAC_LIEU);
    expect([caMau.length, bacLieu.length]).to.deep.equal([39, 25]);
    expect(caMau.filter((c) => bacLieu.includes(c))).to.deep.equal([]);
    expect([...caMau, ...bacLieu].sort()).to.deep.equal(newCommuneCodesOf(Territory.CA_MAU).sort());
  });

  it("finds a new commune's records under its predecessors, a split commune's under each successor", () => {
    // Xã Tạ An Khương (32155) was split between the new Tạ An Khương (32155) and Đầm Dơi (32152).
    expect(successorCodes("32155")).to.deep.equal(["32155", "32152"]);
    expect(communeCodesMatching(["32152"]).pre2025).to.include.members(["32152", "32173", "32174", "32155"]);
    expect(communeCodesMatching(["32155"]).pre2025).to.include.members(["32155", "32158", "32170"]);
    // An old commune's code alone finds only what was registered under it.
    expect(communeCodesMatching(["32050"])).to.deep.equal({ pre2025: ["32050"], post2025: [] });
    expect(predecessorCodes("32002")).to.have.members(["32005", "32011", "32002", "31999", "32022", "32023"]);
  });

  it("places a record by its district before the reform and by its new commune after", () => {
    expect(oldTerritoryOfPlace("966", "32047")).to.equal(Territory.OLD_CA_MAU);
    expect(oldTerritoryOfPlace("954", "31825")).to.equal(Territory.OLD_BAC_LIEU);
    expect(oldTerritoryOfPlace(null, "31825")).to.equal(Territory.OLD_BAC_LIEU);
    expect(oldTerritoryOfPlace(null, "32047")).to.equal(Territory.OLD_CA_MAU);
    expect(placeInTerritory(Territory.CA_MAU, "954", "31825")).to.equal(true);
    expect(placeInTerritory(Territory.OLD_CA_MAU, "954", "31825")).to.equal(false);
    expect([unplacedInTerritory(Territory.OLD_CA_MAU, "2021-01-01"), unplacedInTerritory(Territory.OLD_CA_MAU, "2026-01-01"), unplacedInTerritory(Territory.CA_MAU, "2026-01-01")]).to.deep.equal([true, false, true]);
  });

  it("counts a record under the unit of the period: its district before the reform, its new commune after", () => {
    expect(reportAreaOf("2021-06-30", "970", "32155")).to.deep.equal({ code: "970", name: "Huyện Đầm Dơi", level: "DISTRICT" });
    expect(reportAreaOf("2026-06-30", "970", "32173")?.code).to.equal("32152");
    expect(reportAreaOf("2026-06-30", "970", "32155")?.code, "a split commune: its first successor").to.equal("32155");
    expect(reportAreaOf("2026-06-30", null, "32047")?.code).to.equal("32047");
  });
});
