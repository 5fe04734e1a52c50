import { OPEN_DATASETS } from "@camau/shared";
import { expect } from "chai";
import { buildSchema, getNamedType, isObjectType } from "graphql";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cachePolicyOf } from "../src/cachePolicy";

const REPO = path.resolve(__dirname, "..", "..", "..");
const api = buildSchema(readFileSync(path.join(REPO, "schema", "api.graphql"), "utf8"), { assumeValidSDL: true });
/** The public fields as the gateway derives them from the subgraphs' cache hints. */
const CACHE_POLICY = cachePolicyOf(readFileSync(path.join(REPO, "gateway", "supergraph.graphql"), "utf8"));

/**
 * The tier the public fields (from the cache hints) give a schema coordinate (the exact entry, else the
 * type's wildcard); undefined: not public. That list was made from every read that consults the viewer.
 */
const tierOf = (type: string, field: string) => CACHE_POLICY[`${type}.${field}`] ?? CACHE_POLICY[`${type}.*`];

/** Fields that hold a person's data or a single borrower's finances, whatever the policy says. */
const PERSONAL = /(^|\.)members?\b|fullName|legalRepresentative|nationalId|dateOfBirth|birth|phone|email|salesRevenue|agreement|loan|repayment|disbursement|fundSummary|actor|note|createdBy|recordedBy|details/i;

describe("open data: every column is a public field of the API and none is personal", () => {
  for (const dataset of OPEN_DATASETS) {
    it(`${dataset.name}: each column names a public field reachable from ${dataset.type} without a role`, () => {
      expect(isObjectType(api.getType(dataset.type)), dataset.type).to.equal(true);
      for (const column of dataset.columns) {
        let type = api.getType(dataset.type);
        for (const part of column.field.split(".")) {
          if (!isObjectType(type)) expect.fail(`${column.name}: ${column.field} goes through a scalar`);
          const field = type.getFields()[part];
          expect(field, `${dataset.type}: ${column.field} is not a field of the API`).not.to.equal(undefined);
          expect(tierOf(type.name, part), `${type.name}.${part} is not in the gateway's public fields`).to.be.oneOf(["public", "report", "reference"]);
          type = getNamedType(field.type);
        }
        expect(isObjectType(type), `${column.name} must end on a scalar or enum`).to.equal(false);
        expect(column.field, `${dataset.name}.${column.name} looks personal`).not.to.match(PERSONAL);
        expect(column.name, `${dataset.name}.${column.name} looks personal`).not.to.match(PERSONAL);
      }
    });
  }

  it("leaves out the public fields that name a person (the legal representative) or hold free text (participation notes)", () => {
    const fields = OPEN_DATASETS.flatMap((d) => d.columns.map((c) => `${d.type}.${c.field}`));
    expect(fields).not.to.include("Cooperative.legalRepresentative");
    expect(fields).not.to.include("CooperativeUnion.legalRepresentative");
    expect(fields).not.to.include("Participation.note");
  });
});
