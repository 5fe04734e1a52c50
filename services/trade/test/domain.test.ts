import { expect } from "chai";
import { addMonths } from "@camau/shared";
import { OcopLevel } from "../src/domain/enums";
import { certificationInForce, certificationProblems, defaultExpiry, levelForStars, starsForScore, starsInForce } from "../src/domain/ocop";
import { maximumSupport, shownProductsProblems, supportProblem } from "../src/domain/participation";

describe("trade domain rules", () => {
  describe("OCOP certification", () => {
    const ok = { stars: 4, score: 75, certifiedOn: "2020-05-01" };
    const fields = (draft: Parameters<typeof certificationProblems>[0]) => certificationProblems(draft).map((p) => p.path);

    it("accepts each star band at both of its ends", () => {
      for (const [stars, score] of [[3, 50], [3, 69], [4, 70], [4, 89], [5, 90], [5, 100]]) {
        expect(certificationProblems({ stars, score, certifiedOn: "2021-01-01" }), `${stars}★ ${score}`).to.deep.equal([]);
      }
    });

    it("refuses a score outside the stars' band", () => {
      for (const [stars, score] of [[3, 49], [3, 70], [4, 69], [4, 90], [5, 89]]) {
        expect(fields({ stars, score, certifiedOn: "2021-01-01" }), `${stars}★ ${score}`).to.deep.equal(["score"]);
      }
    });

    it("refuses stars outside 3–5 and scores outside 0–100", () => {
      expect(fields({ ...ok, stars: 2 })).to.include("stars");
      expect(fields({ ...ok, stars: 6 })).to.include("stars");
      expect(fields({ ...ok, score: 101 })).to.include("score");
    });

    it("refuses a 5-star provincial and a 3- or 4-star national certification", () => {
      const fiveProvincial = certificationProblems({ stars: 5, score: 95, level: OcopLevel.PROVINCIAL, certifiedOn: "2022-01-01" });
      expect(fiveProvincial).to.have.length(1);
      expect(fiveProvincial[0].path).to.equal("level");
      expect(fiveProvincial[0].message).to.match(/national council/);
      expect(fields({ stars: 4, score: 80, level: OcopLevel.NATIONAL, certifiedOn: "2022-01-01" })).to.deep.equal(["level"]);
      expect(fields({ stars: 5, score: 95, level: OcopLevel.NATIONAL, certifiedOn: "2022-01-01" })).to.deep.equal([]);
      expect(levelForStars(3)).to.equal(OcopLevel.PROVINCIAL);
      expect(levelForStars(4)).to.equal(OcopLevel.PROVINCIAL);
      expect(levelForStars(5)).to.equal(OcopLevel.NATIONAL);
    });

    it("refuses certificates before the OCOP program and expiries not after certification or beyond 36 months", () => {
      expect(fields({ ...ok, certifiedOn: "2017-12-31" })).to.deep.equal(["certifiedOn"]);
      expect(fields({ ...ok, expiresOn: "2020-05-01" })).to.deep.equal(["expiresOn"]);
      expect(fields({ ...ok, expiresOn: "2023-05-02" })).to.deep.equal(["expiresOn"]);
      expect(fields({ ...ok, expiresOn: "2023-05-01" })).to.deep.equal([]);
      expect(fields({ ...ok, expiresOn: "2022-05-01" })).to.deep.equal([]);
    });

    it("expires 36 months after certification, clamping to the end of a shorter month", () => {
      expect(defaultExpiry("2019-06-15")).to.equal("2022-06-15");
      expect(defaultExpiry("2020-02-29")).to.equal("2023-02-28");
      expect(addMonths("2021-01-31", 1)).to.equal("2021-02-28");
      expect(addMonths("2021-11-30", 3)).to.equal("2022-02-28");
    });

    it("maps scores to stars", () => {
      expect([49, 50, 69, 70, 89, 90, 100].map(starsForScore)).to.deep.equal([null, 3, 3, 4, 4, 5, 5]);
    });

    it("gives the stars in force on a date: the latest certification in force, both ends inclusive", () => {
      const history = [
        { stars: 3, certifiedOn: "2019-05-10", expiresOn: "2022-05-10" },
        { stars: 4, certifiedOn: "2021-03-01", expiresOn: "2024-03-01" },
        { stars: 3, certifiedOn: "2024-02-20", expiresOn: "2027-02-20" },
      ];
      expect(starsInForce(history, "2019-05-09")).to.equal(null);
      expect(starsInForce(history, "2019-05-10")).to.equal(3);
      expect(starsInForce(history, "2021-02-28")).to.equal(3);
      expect(starsInForce(history, "2021-03-01")).to.equal(4); // the upgrade supersedes the earlier certificate
      expect(starsInForce(history, "2024-02-20")).to.equal(3); // so does a re-rating with fewer stars
      expect(starsInForce(history, "2027-02-20")).to.equal(3);
      expect(starsInForce(history, "2027-02-21")).to.equal(null);
      expect(starsInForce([{ stars: 3, certifiedOn: "2019-01-01", expiresOn: "2020-01-01" }], "2020-06-01")).to.equal(null);
      expect(certificationInForce([], "2021-01-01")).to.equal(null);
    });
  });

  describe("participation", () => {
    const policy = { legalBasis: "Kế hoạch 2021", percentage: 70, capPerCooperative: 10_000_000 };

    it("allows support up to the cap and the policy's share of eligible costs", () => {
      expect(supportProblem(policy, 10_000_000, null)).to.equal(null);
      expect(supportProblem(policy, 10_000_001, null)).to.match(/cap of 10000000/);
      expect(supportProblem(policy, 7_000_000, 10_000_000)).to.equal(null);
      expect(supportProblem(policy, 7_000_001, 10_000_000)).to.match(/70%/);
      expect(maximumSupport(policy, 100_000_000)).to.equal(10_000_000);
      expect(maximumSupport({ ...policy, capPerCooperative: null }, null)).to.equal(null);
    });

    it("allows no support without a policy, but zero always", () => {
      expect(supportProblem(null, 1, null)).to.match(/no support policy/);
      expect(supportProblem(null, 0, null)).to.equal(null);
    });

    it("accepts only the cooperative's own products, each once", () => {
      const found = [
        { id: "a", cooperativeId: "c1" },
        { id: "b", cooperativeId: "c2" },
      ];
      expect(shownProductsProblems("c1", ["a"], found)).to.deep.equal([]);
      expect(shownProductsProblems("c1", ["a", "b", "x", "a"], found)).to.deep.equal([
        { path: "1", message: "is not a product of this cooperative" },
        { path: "2", message: "no product x" },
        { path: "3", message: "is listed twice" },
      ]);
    });
  });
});
