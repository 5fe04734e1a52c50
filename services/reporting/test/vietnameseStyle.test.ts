import { expect } from "chai";
import { lastPeriods, periodName, previousPeriod, samePeriodLastYear } from "../src/domain/periods";
import { defaultTerritory, Territory } from "../src/domain/territory";
import { describeChange, formatCount, formatMoney, formatNumber } from "../src/domain/vietnameseNumbers";
import { renderTemplate } from "../src/template/engine";

describe("reporting: the province's writing style", () => {
  it("writes numbers with dot thousands and a decimal comma, counts with two digits", () => {
    expect([formatNumber(14190), formatNumber(275), formatNumber(1234567), formatNumber(12.5), formatNumber(-2431)]).to.deep.equal(["14.190", "275", "1.234.567", "12,5", "-2.431"]);
    expect([formatCount(1), formatCount(9), formatCount(0), formatCount(10), formatCount(14190)]).to.deep.equal(["01", "09", "00", "10", "14.190"]);
  });

  it("writes money in đồng with words for large amounts", () => {
    expect(formatMoney(12_500_000_000)).to.equal("12,5 tỷ đồng");
    expect(formatMoney(850_000_000)).to.equal("850 triệu đồng");
    expect(formatMoney(18_704_000_000)).to.equal("18,7 tỷ đồng");
    expect(formatMoney(450_000)).to.equal("450.000 đồng");
  });

  it("writes how a figure moved", () => {
    expect(describeChange(275, 272, "HTX", "cùng kỳ năm 2020")).to.equal("tăng 3 HTX so với cùng kỳ năm 2020");
    expect(describeChange(14190, 15621, "thành viên", "cùng kỳ năm 2020")).to.equal("giảm 1.431 thành viên so với cùng kỳ năm 2020");
    expect(describeChange(5, 5, "HTX", "cùng kỳ năm 2020")).to.equal("bằng cùng kỳ năm 2020");
    expect(describeChange(3_000_000_000, 1_800_000_000, "đồng", "năm 2025")).to.equal("tăng 1,2 tỷ đồng so với năm 2025");
    expect(describeChange(5, null, "HTX", "cùng kỳ")).to.equal("");
  });

  it("names periods as officers do and finds the periods they compare with", () => {
    expect(periodName({ from: "2021-01-01", to: "2021-06-30" })).to.equal("6 tháng đầu năm 2021");
    expect(periodName({ from: "2021-07-01", to: "2021-12-31" })).to.equal("6 tháng cuối năm 2021");
    expect(periodName({ from: "2026-01-01", to: "2026-12-31" })).to.equal("năm 2026");
    expect(periodName({ from: "2024-03-01", to: "2024-05-31" })).to.equal("từ ngày 01/03/2024 đến ngày 31/05/2024");
    expect(samePeriodLastYear({ from: "2024-01-01", to: "2024-02-29" })).to.deep.equal({ from: "2023-01-01", to: "2023-02-28" });
    expect(previousPeriod({ from: "2021-01-01", to: "2021-06-30" })).to.deep.equal({ from: "2020-07-01", to: "2020-12-31" });
    expect(previousPeriod({ from: "2021-07-01", to: "2021-12-31" })).to.deep.equal({ from: "2021-01-01", to: "2021-06-30" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-12-31" })).to.deep.equal({ from: "2025-01-01", to: "2025-12-31" });
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-10" })).to.deep.equal({ from: "2024-02-20", to: "2024-02-29" });
    expect(lastPeriods({ from: "2021-01-01", to: "2021-06-30" }, 3).map((p) => p.from)).to.deep.equal(["2020-01-01", "2020-07-01", "2021-01-01"]);
  });

  it("covers the province of the period by default", () => {
    expect(defaultTerritory({ from: "2025-01-01", to: "2025-06-30" })).to.equal(Territory.OLD_CA_MAU);
    expect(defaultTerritory({ from: "2025-01-01", to: "2025-12-31" })).to.equal(Territory.CA_MAU);
  });

  it("renders templates with the filters, escapes values, and reads no files or undefined values", async () => {
    const values = { current: { memberCount: 14190, unionCount: 1 }, name: "A | B *x*" };
    expect(await renderTemplate("{{ current.memberCount | number }} / {{ current.unionCount | count2 }} / {{ name }}", values)).to.equal("14.190 / 01 / A \\| B \\*x\\*");
    for (const hostile of ["{% include 'package.json' %}", "{% render '/etc/passwd' %}", "{{ current.noSuchFigure }}", "{{ current.memberCount | no_such_filter }}", "{{ current.constructor }}"]) {
      let refused = false;
      try {
        await renderTemplate(hostile, values);
      } catch (error) {
        refused = (error as { extensions?: { code?: string } }).extensions?.code === "BAD_USER_INPUT";
      }
      expect(refused, hostile).to.equal(true);
    }
  });
});
