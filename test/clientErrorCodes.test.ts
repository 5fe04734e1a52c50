import { expect } from "chai";
import { createHash } from "node:crypto";
import { e2eStack } from "./support/stack";

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * A client's mistake is said as the client's, with one code per situation whatever way the
 * request took: a persisted query whose hash does not fit, and a value that does not fit its
 * scalar, written in the document or sent as a variable (both HTTP 400).
 */
describe("end to end: client mistakes get a client error code", function () {
  let url: string;
  before(async function () {
    this.timeout(240_000);
    url = (await e2eStack()).gatewayUrl;
  });

  const post = async (body: Record<string, unknown>): Promise<Answer> => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  };

  describe("persisted queries", () => {
    const query = `query Sectors { sectors { code } }`;
    const rightHash = createHash("sha256").update(query).digest("hex");

    it("answers a hash that is not the query's SHA-256 with HTTP 400 BAD_REQUEST and says what to hash", async () => {
      for (const sha256Hash of [createHash("sha256").update(`${query} `).digest("hex"), rightHash.toUpperCase(), "not-a-hash"]) {
        const answer = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
        expect(answer.status, sha256Hash).to.equal(400);
        expect(answer.body.errors).to.have.length(1);
        expect(answer.body.errors![0].extensions!.code).to.equal("BAD_REQUEST");
        expect(answer.body.errors![0].message).to.include("SHA-256 of the query");
      }
    });

    it("answers an unknown persisted-query version with HTTP 400 BAD_REQUEST", async () => {
      const answer = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: rightHash } } });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors![0]).to.deep.include({ message: "Unsupported persisted query version: send persistedQuery.version 1" });
      expect(answer.body.errors![0].extensions!.code).to.equal("BAD_REQUEST");
    });

    it("still registers and answers with the right hash", async () => {
      const answer = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: rightHash } } });
      expect(answer.status).to.equal(200);
      expect(answer.body.errors).to.equal(undefined);
    });
  });

  describe("a value that does not fit its scalar", () => {
    const literal = (from: string) => `{ collectiveEconomyReport(from: ${JSON.stringify(from)}, to: "2021-06-30") { cooperativeCount } }`;
    const withVariable = `query Report($from: Date!) { collectiveEconomyReport(from: $from, to: "2021-06-30") { cooperativeCount } }`;

    for (const bad of ["2021-02-30", "2021-13-01", "01/01/2021", "yesterday"]) {
      it(`answers the invalid Date ${JSON.stringify(bad)} with HTTP 400 BAD_USER_INPUT as a literal and as a variable`, async () => {
        const asLiteral = await post({ query: literal(bad) });
        const asVariable = await post({ query: withVariable, variables: { from: bad } });
        for (const answer of [asLiteral, asVariable]) {
          expect(answer.status).to.equal(400);
          expect(answer.body.data).to.equal(undefined);
          expect(answer.body.errors!.map((e) => e.extensions!.code)).to.deep.equal(["BAD_USER_INPUT"]);
          expect(answer.body.errors![0].message).to.include("Date must be a calendar date written YYYY-MM-DD");
        }
      });
    }

    it("answers a wrong type written in the document (a number for a Date) with BAD_USER_INPUT too", async () => {
      const answer = await post({ query: `{ collectiveEconomyReport(from: 20210101, to: "2021-06-30") { cooperativeCount } }` });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
    });

    it("keeps GRAPHQL_VALIDATION_FAILED for what is not a value: an unknown field, a missing argument", async () => {
      const unknown = await post({ query: `{ collectiveEconomyReport(from: "2021-01-01", to: "2021-06-30") { nope } }` });
      const missing = await post({ query: `{ collectiveEconomyReport(to: "2021-06-30") { cooperativeCount } }` });
      for (const answer of [unknown, missing]) {
        expect(answer.status).to.equal(400);
        expect(answer.body.errors![0].extensions!.code).to.equal("GRAPHQL_VALIDATION_FAILED");
      }
    });
  });
});
