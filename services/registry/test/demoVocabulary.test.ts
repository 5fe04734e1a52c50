import { registryVocabulary as demo } from "@camau/demo-data";
import { expect } from "chai";
import { canBeClassifiedForYear, CURRENT_SCHEME, ratingForScore } from "../src/domain/classification";
import * as enums from "../src/domain/enums";
import { MIN_UNION_MEMBERS } from "../src/domain/foundingRules";

/** The demo generator cannot import the registry; its copy of the registry's values and rules must agree. */
describe("demo data's registry vocabulary", () => {
  for (const name of ["LegalStatus", "GoverningLaw", "MemberKind", "MembershipType", "Rating", "GroupStatus", "CooperativeEventKind"] as const) {
    it(`${name} has the registry's values`, () => {
      expect(Object.values(demo[name]).sort()).to.deep.equal(Object.values(enums[name]).sort());
    });
  }

  it("rates every score as the registry's current scheme does", () => {
    expect(demo.CURRENT_SCHEME).to.equal(CURRENT_SCHEME);
    for (let score = 0; score <= 100; score++) expect(demo.ratingForScore(score), `score ${score}`).to.equal(ratingForScore(score));
  });

  it("classifies from the first anniversary as the registry does", () => {
    for (const [founded, year] of [["2019-12-31", 2020], ["2020-01-01", 2020], ["2020-01-01", 2021], ["2020-02-29", 2020], ["2020-02-29", 2021], ["2021-06-30", 2021]] as const) {
      expect(demo.canBeClassifiedForYear(founded, year), `${founded} ${year}`).to.equal(canBeClassifiedForYear(founded, year));
    }
  });

  it("needs the registry's minimum union members", () => {
    expect(demo.MIN_UNION_MEMBERS).to.deep.equal(MIN_UNION_MEMBERS);
  });
});
