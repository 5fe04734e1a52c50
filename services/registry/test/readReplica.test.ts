import { expect } from "chai";
import { GATEWAY_SECRET_HEADER, gatewaySecret, READ_PRIMARY_HEADER, RunningServer, runSubgraph } from "@camau/shared";
import { GraphQLResponse, ReplicatedPostgres, sqlStatementsByPool, startReplicatedDatabase, testTokens } from "@camau/shared/testing";
import { registrySubgraph } from "../src/subgraph";

const REGISTER = `mutation ($input: RegisterCooperativeInput!) {
  registerCooperative(input: $input) { cooperative { id code name } }
}`;
const BY_ID = `query ($id: ID!) { cooperative(id: $id) { id code name } }`;

describe("registry subgraph: reads from a streaming replica", function () {
  this.timeout(120_000);
  let pair: ReplicatedPostgres;
  let server: RunningServer;
  let communeCode: string;
  let urls: { primary: string; standby: string };

  const call = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret(), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const asOfficer = { authorization: `Bearer ${testTokens.officer()}` };
  const counts = () => sqlStatementsByPool(server.url);
  const input = (code: string) => ({
    code,
    name: `Hợp tác xã Thử ${code}`,
    foundedOn: "2020-02-15",
    governingLaw: "LAW_2012",
    sectorCode: "AGRICULTURE",
    businessLines: ["0112"],
    address: { street: "Ấp 1", communeCode },
    charterCapital: 1_500_000_000,
    legalRepresentative: "Nguyễn Văn Thử",
    isNewModel: true,
    foundingMembers: Array.from({ length: 7 }, (_, i) => ({
      kind: "INDIVIDUAL",
      fullName: `Thành viên ${i + 1}`,
      membershipType: "OFFICIAL",
      capitalContributed: 10_000_000,
      nationalId: `0960000000${i}0`.slice(0, 12),
      dateOfBirth: "1980-05-01",
    })),
  });

  before(async function () {
    ({ pair, urls } = await startReplicatedDatabase(this, "registry-replica", "camau_registry"));
    server = await runSubgraph(registrySubgraph, { databaseUrl: urls.primary, databaseReadUrl: urls.standby, port: 0, migrate: true, log: () => undefined });
    await pair.waitForReplay();
    const units = await call(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`);
    communeCode = units.data!.administrativeUnits.find((u: { parentCode: string }) => u.parentCode === "968").code;
  });

  after(async function () {
    await server?.stop();
    await pair?.stop();
  });

  it("prints one statement counter per pool on /metrics", async () => {
    const text = await (await fetch(new URL("/metrics", server.url))).text();
    expect(text).to.match(/^sql_statements_total\{service="registry",pool="primary"\} \d+$/m);
    expect(text).to.match(/^sql_statements_total\{service="registry",pool="replica"\} \d+$/m);
  });

  it("serves anonymous reads from the replica and sends nothing to the primary", async () => {
    const before = await counts();
    const result = await call(`{ cooperatives(first: 5) { totalCount edges { node { id name } } } sectors { code } }`);
    expect(result.errors).to.equal(undefined);
    const after = await counts();
    expect(after.replica).to.be.greaterThan(before.replica);
    expect(after.primary).to.equal(before.primary);
  });

  it("runs a mutation on the primary, and the signed-in caller's read after it sees the write", async () => {
    const before = await counts();
    const created = await call(REGISTER, { input: input("2009000001") }, asOfficer);
    expect(created.errors).to.equal(undefined);
    const { id, code } = created.data!.registerCooperative.cooperative;
    expect(code).to.equal("2009000001");
    const readBack = await call(BY_ID, { id }, asOfficer);
    expect(readBack.data!.cooperative).to.include({ id, code });
    const after = await counts();
    expect(after.replica).to.equal(before.replica);
    // Anonymous readers see it once the standby has replayed it.
    await pair.waitForReplay();
    expect((await call(BY_ID, { id })).data!.cooperative).to.include({ id, code });
  });

  it("reads the primary for a trusted caller asking for it (the fund's borrower check)", async () => {
    const before = await counts();
    await call(`{ sectors { code } }`, {}, { [READ_PRIMARY_HEADER]: "true" });
    const after = await counts();
    expect(after.primary).to.be.greaterThan(before.primary);
    expect(after.replica).to.equal(before.replica);
  });

  it("keeps serving public reads when the primary is down, stays ready, and fails writes with DATABASE_UNAVAILABLE", async () => {
    await pair.stopPrimary();
    const ready = await fetch(new URL("/ready", server.url));
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.include({ status: "ready", databases: { primary: "down", replica: "up" } });

    const read = await call(`{ cooperatives(first: 5) { totalCount } }`);
    expect(read.errors).to.equal(undefined);
    expect(read.data!.cooperatives.totalCount).to.be.greaterThan(0);

    const write = await call(REGISTER, { input: input("2009000002") }, asOfficer);
    expect(write.data).to.equal(null);
    expect(write.errors).to.have.length(1);
    const [error] = write.errors!;
    expect(error.extensions?.code).to.equal("DATABASE_UNAVAILABLE");
    expect(error.message).to.equal("The database is unavailable; try again later");
    expect(error.extensions?.correlationId).to.be.a("string");
    expect(JSON.stringify(error)).not.to.match(/127\.0\.0\.1|ECONNREFUSED|postgres/i);
  });

  it("starts while the primary is down (nothing to migrate): serves public reads, and takes writes once the primary is back", async () => {
    const lines: string[] = [];
    const late = await runSubgraph(registrySubgraph, { databaseUrl: urls.primary, databaseReadUrl: urls.standby, port: 0, migrate: false, log: (line) => lines.push(line) });
    const callLate = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      (await (
        await fetch(late.url, { method: "POST", headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: gatewaySecret(), ...headers }, body: JSON.stringify({ query, variables }) })
      ).json()) as GraphQLResponse;
    try {
      expect(lines.join("\n")).to.match(/primary database unreachable/);
      const ready = await fetch(new URL("/ready", late.url));
      expect(ready.status).to.equal(200);
      expect(await ready.json()).to.deep.include({ databases: { primary: "down", replica: "up" } });
      expect((await callLate(`{ cooperatives(first: 5) { totalCount } }`)).errors).to.equal(undefined);
      const refused = await callLate(REGISTER, { input: input("2009000003") }, asOfficer);
      expect(refused.errors?.map((e) => e.extensions?.code)).to.deep.equal(["DATABASE_UNAVAILABLE"]);

      await pair.startPrimary();
      const deadline = Date.now() + 30_000;
      let written: GraphQLResponse | undefined;
      while (Date.now() < deadline) {
        written = await callLate(REGISTER, { input: input("2009000003") }, asOfficer);
        if (!written.errors) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(written?.errors).to.equal(undefined);
      expect(written?.data!.registerCooperative.cooperative.code).to.equal("2009000003");
      expect(await (await fetch(new URL("/ready", late.url))).json()).to.deep.include({ databases: { primary: "up", replica: "up" } });
    } finally {
      await late.stop();
    }
  });
});
