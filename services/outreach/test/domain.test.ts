import { todayInProvince } from "@camau/shared";
import { expect } from "chai";
import { dateProblems, refusal } from "../src/domain/classRules";
import { TrainingClassStatus } from "../src/domain/enums";
import { compare, derivedFieldOf, ReportFigure, requiredFigures } from "../src/domain/figures";
import { codeSystemOn, resolvePlace } from "../src/domain/places";

describe("outreach domain rules", () => {
  it("checks a class's place against the tree in force on its first day", () => {
    expect(resolvePlace("2021-03-01", "966", "32047")).to.deep.equal({ districtCode: "966", communeCode: "32047", problems: [] });
    expect(resolvePlace("2021-03-01", null, "32047").districtCode).to.equal("966");
    expect(resolvePlace("2021-03-01", "966", "32242").problems).to.deep.equal([{ path: "communeCode", message: "is not a commune of Huyện U Minh" }]);
    expect(resolvePlace("2021-03-01", "973", "32257").problems[0].path, "a code outside the reference data").to.equal("communeCode");
    expect(resolvePlace("2021-03-01", null, "31825").districtCode, "old Bạc Liêu's history").to.equal("954");
    expect(resolvePlace("2025-07-01", null, "32047").problems).to.deep.equal([]);
    expect(resolvePlace("2025-07-01", null, "32050").problems[0].path, "an old commune after the reform").to.equal("communeCode");
    expect(resolvePlace("2021-03-01", "965", null).problems[0].path).to.equal("districtCode");
    expect(resolvePlace("2025-06-30", "973", null).problems).to.deep.equal([]);
    expect(resolvePlace("2025-07-01", "973", null).problems[0].path).to.equal("districtCode");
    expect(resolvePlace("2025-07-01", null, "32044")).to.deep.equal({ districtCode: null, communeCode: "32044", problems: [] });
    expect([codeSystemOn("2025-06-30"), codeSystemOn("2025-07-01")]).to.deep.equal(["PRE_2025", "POST_2025"]);
  });

  it("checks dates and the class state machine", () => {
    expect(dateProblems("2021-01-02", "2021-01-01")).to.have.length(1);
    expect(dateProblems("2021-01-01", "2021-01-01")).to.deep.equal([]);
    expect(dateProblems("2021-01-01", "2022-01-02")).to.deep.equal([]);
    expect(dateProblems("2021-01-01", "2022-01-03")).to.have.length(1);
    expect(refusal("cancel", TrainingClassStatus.SCHEDULED)).to.equal(null);
    expect(refusal("cancel", TrainingClassStatus.HELD)).to.be.a("string");
    expect(refusal("update", TrainingClassStatus.CANCELLED)).to.be.a("string");
    expect(refusal("recordAttendance", TrainingClassStatus.HELD)).to.equal(null);
    expect(todayInProvince(Date.parse("2021-06-30T17:30:00Z"))).to.equal("2021-07-01");
  });

  it("compares published with derived values", () => {
    expect(compare(275, 275)).to.deep.equal({ derivedValue: 275, difference: 0, status: "MATCHES" });
    expect(compare(167, 150)).to.deep.equal({ derivedValue: 150, difference: -17, status: "DIFFERS" });
    expect(compare(10, null)).to.deep.equal({ derivedValue: null, difference: null, status: "NOT_DERIVED" });
    expect(derivedFieldOf(ReportFigure.TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT, "Hà Nội")).to.equal('tradePromotionSupportedCooperativeCount(province: "Hà Nội")');
    expect(derivedFieldOf(ReportFigure.COOPERATIVE_COUNT, null)).to.equal("cooperativeCount");
  });

  it("requires only argument-less figures of subgraphs registered in the catalog", () => {
    expect(requiredFigures(["registry", "outreach"])).to.have.length(7);
    expect(requiredFigures(["registry", "outreach", "fund", "trade"])).to.include(ReportFigure.FUNDED_PROJECT_COUNT);
    expect(requiredFigures(["registry", "outreach", "fund", "trade"])).not.to.include(ReportFigure.TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT);
    expect(requiredFigures(["registry", "outreach", "fund", "trade"])).not.to.include(ReportFigure.OUTREACH_CLASS_COUNT);
  });
});
