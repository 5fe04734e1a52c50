import { expect } from "chai";
import { classifyNodeId, globalId, parseGlobalId } from "../src/graphql/globalIds";

describe("global ids", () => {
  it("read back the type and key they were made from", () => {
    const id = globalId("CollectiveEconomyReport", "2021-01-01", "2021-06-30", "OLD_CA_MAU");
    expect(parseGlobalId(id)).to.deep.equal({ typename: "CollectiveEconomyReport", key: ["2021-01-01", "2021-06-30", "OLD_CA_MAU"] });
    expect(classifyNodeId(id)).to.deep.include({ kind: "global", typename: "CollectiveEconomyReport" });
  });

  it("leave a stored object's UUID as it is", () => {
    expect(classifyNodeId("0A1B2C3D-0000-4000-8000-000000000001")).to.deep.equal({ kind: "uuid", uuid: "0a1b2c3d-0000-4000-8000-000000000001" });
  });

  it("refuse what they did not make: damaged, forged or foreign ids", () => {
    const id = globalId("CollectiveEconomyReport", "2021-01-01", "2021-06-30");
    const forged = (parts: unknown) => "n1." + Buffer.from(JSON.stringify(parts)).toString("base64url");
    for (const bad of [id.slice(0, -3), "n1.", "n1.%%%", forged({ a: 1 }), forged(["Report"]), forged(["lowercase", "x"]), forged(["Report", 1]), "n1." + "A".repeat(600), "Q29vcGVyYXRpdmU6MQ==", ""]) {
      expect(parseGlobalId(bad), bad).to.equal(null);
      expect(classifyNodeId(bad).kind, bad).to.equal("invalid");
    }
  });
});
