import { DirectoryUnavailableError, GATEWAY_SECRET_HEADER, gatewaySecret, HttpCooperativeDirectory, READ_PRIMARY_HEADER } from "@camau/shared";
import { SubgraphUnderTest } from "@camau/shared/testing";
import { registrySubgraph } from "@camau/registry/dist/src/subgraph.js";
import { expect } from "chai";
import http from "node:http";
import { AddressInfo } from "node:net";
import { createFundSubgraph } from "../src/subgraph";
import { code, SUBMIT, tokens, Workflow } from "./support";

describe("fund: the cooperative directory (registry client)", function () {
  this.timeout(180_000);

  describe("HTTP contract, against a stand-in registry", () => {
    let server: http.Server;
    let url: string;
    const requests: { headers: http.IncomingHttpHeaders; body: any }[] = [];
    let reply: (body: any) => { status: number; json?: unknown; delayMs?: number } = () => ({ status: 200, json: { data: { _entities: [null] } } });

    before(async () => {
      server = http.createServer((req, res) => {
        let raw = "";
        req.on("data", (chunk) => (raw += chunk));
        req.on("end", () => {
          const body = JSON.parse(raw);
          requests.push({ headers: req.headers, body });
          const answer = reply(body);
          setTimeout(() => {
            res.writeHead(answer.status, { "content-type": "application/json" });
            res.end(JSON.stringify(answer.json ?? {}));
          }, answer.delayMs ?? 0);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("asks for one Cooperative entity with the gateway secret and maps the answer", async () => {
      const id = "2a9d537a-8935-4166-abc8-71ac7dcc76c7";
      reply = () => ({ status: 200, json: { data: { _entities: [{ id, status: "ACTIVE", sector: { code: "SALT", name: "Diêm nghiệp" }, address: { districtCode: "973", communeCode: "32248" }, district: { name: "Huyện Ngọc Hiển" } }] } } });
      const found = await new HttpCooperativeDirectory(url).find(id);
      expect(found).to.deep.equal({ id, status: "ACTIVE", sectorCode: "SALT", sectorName: "Diêm nghiệp", districtCode: "973", districtName: "Huyện Ngọc Hiển", communeCode: "32248" });
      const last = requests[requests.length - 1];
      expect(last.headers[GATEWAY_SECRET_HEADER]).to.equal(gatewaySecret());
      // The check decides a write: the registry answers it from its primary, not a lagging replica.
      expect(last.headers[READ_PRIMARY_HEADER]).to.equal("true");
      expect(last.body.query).to.match(/_entities\(representations: \$representations\)/);
      expect(last.body.query).to.match(/\.\.\. on Cooperative \{ id status sector \{ code name \} address \{ districtCode communeCode \} district \{ name \} \}/);
      expect(last.body.variables).to.deep.equal({ representations: [{ __typename: "Cooperative", id }] });
    });

    it("gives null for a cooperative the registry does not know", async () => {
      reply = () => ({ status: 200, json: { data: { _entities: [null] } } });
      expect(await new HttpCooperativeDirectory(url).find("00000000-0000-4000-8000-000000000000")).to.equal(null);
    });

    it("fails clearly when the registry errs, refuses, or is too slow", async () => {
      reply = () => ({ status: 200, json: { errors: [{ message: "boom" }] } });
      await new HttpCooperativeDirectory(url).find("x").then(() => expect.fail("no error"), (e) => expect(e).to.be.instanceOf(DirectoryUnavailableError));
      reply = () => ({ status: 401, json: {} });
      await new HttpCooperativeDirectory(url).find("x").then(() => expect.fail("no error"), (e) => expect(String(e)).to.match(/HTTP 401/));
      reply = () => ({ status: 200, json: { data: { _entities: [null] } }, delayMs: 500 });
      await new HttpCooperativeDirectory(url, 100).find("x").then(() => expect.fail("no error"), (e) => expect(String(e)).to.match(/did not answer/));
      await new HttpCooperativeDirectory("http://127.0.0.1:1/graphql", 1000).find("x").then(() => expect.fail("no error"), (e) => expect(e).to.be.instanceOf(DirectoryUnavailableError));
    });
  });

  describe("against the real registry subgraph", () => {
    let registry: SubgraphUnderTest;
    let fund: SubgraphUnderTest;
    let cooperativeId: string;
    let communeCode: string;

    before(async () => {
      registry = await SubgraphUnderTest.start(registrySubgraph);
      const units = await registry.query(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`);
      communeCode = units.data!.administrativeUnits.find((u: { parentCode: string }) => u.parentCode === "970").code;
      const registered = await registry.query(
        `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperative { id } } }`,
        {
          input: {
            code: "2009000001",
            name: "Hợp tác xã Thủy sản Tân Thuận",
            foundedOn: "2019-03-01",
            governingLaw: "LAW_2012",
            sectorCode: "FISHERIES",
            businessLines: ["0321"],
            address: { street: "Ấp Hiệp Bình", communeCode },
            charterCapital: 2_000_000_000,
            legalRepresentative: "Lê Văn Tâm",
            isNewModel: false,
            foundingMembers: Array.from({ length: 7 }, (_, i) => ({ kind: "INDIVIDUAL", fullName: `Thành viên ${i + 1}`, membershipType: "OFFICIAL", capitalContributed: 10_000_000 })),
          },
        },
        tokens.officer(),
      );
      expect(registered.errors, JSON.stringify(registered.errors)).to.equal(undefined);
      cooperativeId = registered.data!.registerCooperative.cooperative.id;
      fund = await SubgraphUnderTest.start(createFundSubgraph({ directory: new HttpCooperativeDirectory(registry.server.url) }));
    });
    after(async () => {
      await fund?.stop();
      await registry?.stop();
    });

    it("reads status, sector and district of a registered cooperative", async () => {
      const found = await new HttpCooperativeDirectory(registry.server.url).find(cooperativeId);
      expect(found).to.deep.equal({ id: cooperativeId, status: "ACTIVE", sectorCode: "FISHERIES", sectorName: "Thủy sản", districtCode: "970", districtName: "Huyện Đầm Dơi", communeCode });
      expect(await new HttpCooperativeDirectory(registry.server.url).find("00000000-0000-4000-8000-000000000000")).to.equal(null);
    });

    it("lets the fund accept an application of an ACTIVE cooperative and refuse it once suspended", async () => {
      const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => fund.query(query, variables, token);
      const productId = await Workflow.productId(q, "PHUONG-AN-SXKD");
      const input = { cooperativeId, productId, projectName: "Nuôi cua biển", purpose: "Mua con giống", requestedAmount: 200_000_000, requestedTermMonths: 12 };
      const accepted = await q(SUBMIT, { input }, tokens.manager(cooperativeId));
      expect(accepted.errors, JSON.stringify(accepted.errors)).to.equal(undefined);
      expect(accepted.data!.submitLoanApplication.application.borrower).to.deep.equal({ sectorCode: "FISHERIES", sectorName: "Thủy sản", districtCode: "970", districtName: "Huyện Đầm Dơi" });
      const suspended = await registry.query(`mutation ($input: ChangeCooperativeStatusInput!) { changeCooperativeStatus(input: $input) { cooperative { status } } }`, { input: { id: cooperativeId, status: "SUSPENDED", effectiveOn: "2024-01-01" } }, tokens.officer());
      expect(suspended.errors).to.equal(undefined);
      const refused = await q(SUBMIT, { input }, tokens.manager(cooperativeId));
      expect(code(refused)).to.equal("CONFLICT");
      expect(refused.errors![0].message).to.match(/SUSPENDED in the registry/);
      expect(code(await q(SUBMIT, { input: { ...input, cooperativeId: "00000000-0000-4000-8000-000000000000" } }, tokens.officer()))).to.equal("NOT_FOUND");
    });

    it("gives every cooperative's place, asks the registry one small question per use while its cooperatives are unchanged, and follows a move", async () => {
      const directory = new HttpCooperativeDirectory(registry.server.url);
      const held = await directory.places();
      expect(held.get(cooperativeId)).to.deep.equal({ districtCode: "970", communeCode });
      // However many cooperatives the registry holds, an unchanged registry costs it one statement
      // (when its cooperatives last changed), not one lookup per cooperative.
      const before = await registry.sqlStatements();
      expect(await directory.places()).to.equal(held);
      expect((await registry.sqlStatements()) - before).to.equal(1);

      const units = await registry.query(`{ administrativeUnits(level: COMMUNE, asOf: "2021-01-01") { code parentCode } }`);
      const elsewhere = units.data!.administrativeUnits.find((u: { parentCode: string }) => u.parentCode === "966").code;
      const current = await registry.query(`query ($id: ID!) { cooperative(id: $id) { version } }`, { id: cooperativeId }, tokens.officer());
      const moved = await registry.query(
        `mutation ($input: UpdateCooperativeInput!) { updateCooperative(input: $input) { cooperative { address { districtCode communeCode } } } }`,
        { input: { id: cooperativeId, version: current.data!.cooperative.version, address: { street: "Ấp 3", communeCode: elsewhere } } },
        tokens.officer(),
      );
      expect(moved.errors, JSON.stringify(moved.errors)).to.equal(undefined);
      // The use right after the change may still answer from the held copy while the new one downloads.
      let place = (await directory.places()).get(cooperativeId);
      for (let attempt = 0; attempt < 100 && place?.communeCode !== elsewhere; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        place = (await directory.places()).get(cooperativeId);
      }
      expect(place).to.deep.equal(moved.data!.updateCooperative.cooperative.address);
    });
  });
});
