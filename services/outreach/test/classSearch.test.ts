import { expect } from "chai";
import { judgeSearch, SubgraphUnderTest } from "@camau/shared/testing";
import { createClass, startOutreach } from "./support";

/** Class titles of the search tests: key → title. */
const TITLES: Record<string, string> = {
  law: "Tuyên truyền Luật Hợp tác xã năm 2012 tại huyện U Minh",
  shrimp: "Tập huấn kỹ thuật nuôi tôm lúa-tôm",
  managers: "Bồi dưỡng cán bộ quản lý HTX nông nghiệp",
  weaving: "Truyền nghề đan đát lục bình",
  credit: "Giới thiệu mô hình QTDND cho tổ hợp tác",
  accounting: "đào tạo kế toán hợp tác xã",
};

const JUDGED = [
  { query: "luat hop tac xa", expected: ["law"] },
  { query: "HTX nong nghiep", expected: ["managers"] },
  { query: "quan ly hop tac xa", expected: ["managers"] },
  { query: "lua-tom", expected: ["shrimp"] },
  { query: "nuoi tom", expected: ["shrimp"] },
  { query: "dan dat luc binh", expected: ["weaving"] },
  { query: "boi duonng can bo", expected: ["managers"] },
  { query: "quy tin dung nhan dan", expected: ["credit"] },
  { query: "THT", expected: ["credit"] },
  { query: "hop tac xa", expected: ["law", "managers", "accounting"] },
];

describe("outreach subgraph: class titles searched and sorted as a Vietnamese user expects", function () {
  let outreach: SubgraphUnderTest;
  const keyOfTitle = new Map(Object.entries(TITLES).map(([key, title]) => [title, key]));

  before(async function () {
    this.timeout(120_000);
    outreach = await startOutreach();
    for (const title of Object.values(TITLES)) await createClass(outreach, { title });
  });

  after(async () => {
    await outreach?.stop();
  });

  const titles = async (filter: Record<string, unknown>, orderBy?: unknown) => {
    const result = await outreach.query(`query ($f: TrainingClassFilter, $o: [TrainingClassOrder!]) { trainingClasses(filter: $f, orderBy: $o, first: 100) { edges { node { title } } } }`, { f: filter, o: orderBy });
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    return result.data!.trainingClasses.edges.map((e: { node: { title: string } }) => e.node.title as string);
  };

  it("finds the judged classes by title: abbreviations, punctuation, typos", async () => {
    const { results, precision } = await judgeSearch("class titles", JUDGED, async (q) => (await titles({ search: q })).map((t: string) => keyOfTitle.get(t)!));
    for (const r of results) expect(r.recall, `recall of ${r.query}: found ${r.found}`).to.equal(1);
    expect(precision).to.be.at.least(0.95);
  });

  it("ranks whole words first when searching, and sorts titles in Vietnamese order case-insensitively on request", async () => {
    // Both words whole in "đào tạo kế toán", only inside words elsewhere.
    const daoTao = await titles({ search: "dao tao" });
    expect(daoTao[0]).to.equal(TITLES.accounting);
    const byTitle = await titles({}, [{ field: "TITLE" }]);
    expect(byTitle).to.deep.equal([TITLES.managers, TITLES.accounting, TITLES.credit, TITLES.shrimp, TITLES.weaving, TITLES.law]);
    // Near spellings count only when the words as typed find nothing: "tuyen" is in one title as typed
    // (and one letter from "truyền" of another); "truyen ngeh" is in none as typed, near "Truyền nghề".
    expect(await titles({ search: "tuyen" })).to.deep.equal([TITLES.law]);
    expect(await titles({ search: "truyen ngeh" })).to.deep.equal([TITLES.weaving]);
    const refused = await outreach.query(`{ trainingClasses(orderBy: [{ field: RELEVANCE }]) { edges { node { id } } } }`);
    expect(refused.errors![0].extensions!.code).to.equal("BAD_USER_INPUT");
  });
});
