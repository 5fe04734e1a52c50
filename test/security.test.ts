import { Role, signToken } from "@camau/shared";
import { expect } from "chai";
import { e2eStack, graphql } from "./support/stack";

/**
 * Issue 6 through the gateway, as a client: a COOPERATIVE_MANAGER kept to its own cooperative by
 * every path the public API offers, the audit logs of every subgraph for ADMIN only, and errors
 * that carry nothing of the inside. (services/<name>/test/security.test.ts has the full matrix.)
 */
const MEMBERS = "members(first: 5) { edges { node { fullName nationalId dateOfBirth phone } } }";
const INTERNALS = /SELECT |INSERT |violates|relation "|\/work\/|node_modules|\.js:\d|\.ts:\d|at .*\(|127\.0\.0\.1|localhost|ECONNREFUSED/;

describe("end to end: access control, audit log and masking through the gateway", function () {
  this.timeout(240_000);
  let union: { id: string; members: { id: string; code: string }[] };

  before(async () => {
    await e2eStack();
    const found = await graphql<{ cooperativeUnions: { edges: { node: { id: string; memberships: { cooperative: { id: string; code: string } }[] } }[] } }>(
      `{ cooperativeUnions(first: 1) { edges { node { id memberships { cooperative { id code } } } } } }`,
    );
    const node = found.data!.cooperativeUnions.edges[0].node;
    union = { id: node.id, members: node.memberships.map((m) => m.cooperative) };
  });

  const managerOf = (id: string) => signToken({ sub: `manager-of-${id}`, role: Role.COOPERATIVE_MANAGER, cooperativeId: id });

  describe("a COOPERATIVE_MANAGER reaches its own cooperative's members only", () => {
    it("by aliases", async () => {
      const [own, other] = union.members;
      const response = await graphql<Record<string, { members: unknown }>>(
        `query ($own: ID!, $other: ID!) { mine: cooperative(id: $own) { ${MEMBERS} } theirs: cooperative(id: $other) { ${MEMBERS} } also: cooperativeByCode(code: "${other.code}") { ${MEMBERS} } }`,
        { own: own.id, other: other.id },
        managerOf(own.id),
      );
      expect(response.data!.mine.members).not.to.equal(null);
      expect(response.data!.theirs.members).to.equal(null);
      expect(response.data!.also.members).to.equal(null);
      expect(response.errors!.map((e) => e.extensions!.code)).to.deep.equal(["FORBIDDEN", "FORBIDDEN"]);
    });

    it("by nested fields: own cooperative → union → the other members → their members", async () => {
      const [own] = union.members;
      const response = await graphql<{ cooperative: { unionMembership: { union: { memberships: { cooperative: { id: string; members: unknown } }[] } } } }>(
        `query ($own: ID!) { cooperative(id: $own) { unionMembership { union { memberships { cooperative { id ${MEMBERS} } } } } } }`,
        { own: own.id },
        managerOf(own.id),
      );
      const visible = response.data!.cooperative.unionMembership.union.memberships.filter((m) => m.cooperative.members !== null).map((m) => m.cooperative.id);
      expect(visible).to.deep.equal([own.id]);
      expect(response.errors!.every((e) => e.extensions!.code === "FORBIDDEN")).to.equal(true);
    });

    it("by the list of cooperatives", async () => {
      const [own] = union.members;
      const response = await graphql<{ cooperatives: { edges: { node: { id: string; members: unknown } }[] } }>(`{ cooperatives(first: 50) { edges { node { id ${MEMBERS} } } } }`, {}, managerOf(own.id));
      const visible = response.data!.cooperatives.edges.filter((e) => e.node.members !== null).map((e) => e.node.id);
      expect(visible.every((id) => id === own.id)).to.equal(true);
    });

    it("not by _entities, which the gateway does not expose", async () => {
      const [, other] = union.members;
      const response = await graphql(`{ _entities(representations: [{ __typename: "Cooperative", id: "${other.id}" }]) { ... on Cooperative { ${MEMBERS} } } }`, {}, managerOf(union.members[0].id));
      expect(response.status).to.equal(400);
      expect(response.errors![0].extensions!.code).to.equal("GRAPHQL_VALIDATION_FAILED");
      expect(response.data ?? null).to.equal(null);
    });
  });

  describe("audit log", () => {
    const AUDIT = `{ registryAuditLog(first: 5) { totalCount edges { node { service operation entityType actorRole } } } outreachAuditLog(first: 5) { totalCount } }`;

    it("records a change made through the gateway, readable by ADMIN in every subgraph's log", async () => {
      const created = await graphql<{ createTrainingClass: { trainingClass: { id: string } } }>(
        `mutation ($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { trainingClass { id } } }`,
        { input: { kind: "OUTREACH", title: "Lớp tuyên truyền kiểm toán", organiser: "Liên minh Hợp tác xã tỉnh Cà Mau", coOrganisers: [], districtCode: "966", communeCode: "32047", startDate: "2022-03-10", endDate: "2022-03-11", audience: "COOPERATIVE_MEMBERS" } },
        signToken({ sub: "officer-audit", role: Role.OFFICER }),
      );
      expect(created.errors).to.equal(undefined);
      const log = await graphql<{ outreachAuditLog: { edges: { node: Record<string, unknown> }[] } }>(
        `query ($id: ID!) { outreachAuditLog(filter: { entityId: $id }) { edges { node { service actorSubject actorRole operation entityType entityId } } } registryAuditLog(first: 1) { totalCount } }`,
        { id: created.data!.createTrainingClass.trainingClass.id },
        signToken({ sub: "admin-e2e", role: Role.ADMIN }),
      );
      expect(log.errors).to.equal(undefined);
      expect(log.data!.outreachAuditLog.edges[0].node).to.deep.equal({
        service: "outreach",
        actorSubject: "officer-audit",
        actorRole: "OFFICER",
        operation: "createTrainingClass",
        entityType: "TrainingClass",
        entityId: created.data!.createTrainingClass.trainingClass.id,
      });
    });

    for (const role of [Role.OFFICER, Role.FUND_OFFICER, Role.FUND_APPROVER]) {
      it(`refuses ${role} with FORBIDDEN`, async () => {
        const response = await graphql(AUDIT, {}, signToken({ sub: "someone", role }));
        expect(response.data ?? null).to.equal(null);
        expect(response.errors![0].extensions!.code).to.equal("FORBIDDEN");
      });
    }

    it("refuses a caller without a token with UNAUTHENTICATED", async () => {
      const response = await graphql(AUDIT);
      expect(response.errors![0].extensions!.code).to.equal("UNAUTHENTICATED");
    });
  });

  describe("errors carry nothing of the inside", () => {
    const probes: [string, string, string][] = [
      ["a malformed id", `{ cooperative(id: "1 OR 1=1; --") { id } }`, "BAD_USER_INPUT"],
      ["a forged cursor", `{ cooperatives(after: "eyJ4IjoxfQ") { totalCount } }`, "BAD_USER_INPUT"],
      ["a malformed date literal", `{ collectiveEconomyReport(from: "2021-13-01", to: "2021-06-30") { cooperativeCount } }`, "GRAPHQL_VALIDATION_FAILED"],
      ["an unknown field", `{ cooperatives { edges { node { passwordHash } } } }`, "GRAPHQL_VALIDATION_FAILED"],
      ["a syntax error", `{ cooperatives { `, "GRAPHQL_PARSE_FAILED"],
    ];
    for (const [what, query, code] of probes) {
      it(`${what}: ${code}, no SQL, stack, path or host`, async () => {
        const response = await graphql(query);
        expect(response.errors![0].extensions!.code).to.equal(code);
        expect(JSON.stringify(response)).not.to.match(INTERNALS);
        for (const error of response.errors!) expect(Object.keys(error.extensions ?? {})).not.to.include.members(["stacktrace", "exception"]);
      });
    }
  });
});
