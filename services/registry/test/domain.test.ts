import { expect } from "chai";
import { canBeClassifiedForYear, foundingMembersProblem, isGoodOrFair, ratingForScore } from "@camau/shared";
import { GoverningLaw, LegalStatus, MembershipType, Rating } from "../src/domain/enums";
import { canTransition, isTerminal } from "../src/domain/statusTransitions";

describe("registry domain rules", () => {
  describe("classification bands (Circular 01/2020)", () => {
    const cases: [number, Rating][] = [
      [100, Rating.GOOD], [80, Rating.GOOD], [79, Rating.FAIR], [65, Rating.FAIR],
      [64, Rating.AVERAGE], [50, Rating.AVERAGE], [49, Rating.WEAK], [0, Rating.WEAK],
    ];
    for (const [score, rating] of cases) {
      it(`rates ${score} as ${rating}`, () => expect(ratingForScore(score)).to.equal(rating));
    }
    it("refuses scores outside 0–100 and fractions", () => {
      for (const score of [-1, 101, 70.5, Number.NaN]) expect(() => ratingForScore(score)).to.throw(/0 to 100/);
    });
    it("counts GOOD and FAIR as 'khá, mạnh'", () => {
      expect([Rating.GOOD, Rating.FAIR, Rating.AVERAGE, Rating.WEAK].filter(isGoodOrFair)).to.deep.equal([Rating.GOOD, Rating.FAIR]);
    });
    it("does not rate a cooperative operating under 12 months", () => {
      expect(canBeClassifiedForYear("2020-03-01", 2020)).to.equal(false);
      expect(canBeClassifiedForYear("2019-12-31", 2020)).to.equal(true);
      expect(canBeClassifiedForYear("2020-01-01", 2020)).to.equal(false);
    });
  });

  describe("legal status transitions", () => {
    it("allows suspension and return to activity", () => {
      expect(canTransition(LegalStatus.ACTIVE, LegalStatus.SUSPENDED)).to.equal(true);
      expect(canTransition(LegalStatus.SUSPENDED, LegalStatus.ACTIVE)).to.equal(true);
    });
    it("dissolves only through IN_DISSOLUTION", () => {
      expect(canTransition(LegalStatus.ACTIVE, LegalStatus.DISSOLVED)).to.equal(false);
      expect(canTransition(LegalStatus.IN_DISSOLUTION, LegalStatus.DISSOLVED)).to.equal(true);
      expect(canTransition(LegalStatus.IN_DISSOLUTION, LegalStatus.ACTIVE)).to.equal(false);
    });
    it("treats dissolved, bankrupt and revoked as final", () => {
      for (const status of [LegalStatus.DISSOLVED, LegalStatus.BANKRUPT, LegalStatus.REVOKED]) {
        expect(isTerminal(status)).to.equal(true);
        for (const to of Object.values(LegalStatus)) expect(canTransition(status, to)).to.equal(false);
      }
      expect(isTerminal(LegalStatus.ACTIVE)).to.equal(false);
    });
  });

  describe("founding members", () => {
    const officials = (n: number) => Array.from({ length: n }, () => MembershipType.OFFICIAL);
    it("needs 5 official members under the 2023 law and 7 under the 2012 law", () => {
      expect(foundingMembersProblem(GoverningLaw.LAW_2023, officials(5))).to.equal(null);
      expect(foundingMembersProblem(GoverningLaw.LAW_2023, officials(4))).to.match(/at least 5/);
      expect(foundingMembersProblem(GoverningLaw.LAW_2012, officials(6))).to.match(/at least 7/);
      expect(foundingMembersProblem(GoverningLaw.LAW_2012, officials(7))).to.equal(null);
    });
    it("does not count associate members", () => {
      const types = [...officials(4), MembershipType.ASSOCIATE_WITH_CAPITAL, MembershipType.ASSOCIATE_WITHOUT_CAPITAL];
      expect(foundingMembersProblem(GoverningLaw.LAW_2023, types)).to.match(/got 4/);
    });
  });
});
