import { BudgetSource, ProgramKind } from "../domain/enums";
import { caMauProgramPolicy, PRODUCT_KINDS, ProgramPlan } from "./catalogue";
import { addDays, CandidateCooperative, CertificationRow, certificationRow, dayBetween, decisionNumbers, holdPrograms, makeProduct, TradeDataset } from "./generateTrade";
import { Random } from "@camau/shared";

/**
 * The trade history after the first demo years, up to HISTORY_TO: OCOP renewals of the products
 * whose certificates expire in 2025 and 2026, new products of the new province's cooperatives
 * (old Bạc Liêu's among them) with their first rating, and the programs of 2025-H2 and 2026.
 * Drawn on a stream of its own after the rest, so the earlier rows (and 2021-H1) stay as they were.
 */

/** Last day of the history: the end of the last full month before the demo's "today" (2026-12-03). */
export const HISTORY_TO = "2026-11-30";
const RENEWALS_FROM = "2025-01-01";

const INDUSTRY_TRADE = "Sở Công Thương tỉnh Cà Mau";
const ALLIANCE = "Liên minh Hợp tác xã tỉnh Cà Mau";
const PROGRAM_POLICY = (year: number) => caMauProgramPolicy(year, 15_000_000);

/** The new province's programs, from the reform on. */
export const PROGRAM_PLANS_AFTER_REFORM: readonly ProgramPlan[] = [
  {
    key: "ocop-fair-2025", name: "Hội chợ sản phẩm OCOP tỉnh Cà Mau năm 2025", kind: ProgramKind.FAIR, organiser: INDUSTRY_TRADE,
    venue: "Quảng trường Hùng Vương, phường An Xuyên", province: "Cà Mau", startsOn: "2025-12-12", endsOn: "2025-12-18",
    budget: 1_500_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: PROGRAM_POLICY(2025), participants: [12, 18], ocopOrBrandedOnly: true, agreements: [0, 1],
  },
  {
    key: "hcmc-week-2025", name: "Tuần lễ sản phẩm OCOP tỉnh Cà Mau tại TP. Hồ Chí Minh năm 2025", kind: ProgramKind.PRODUCT_WEEK, organiser: INDUSTRY_TRADE,
    venue: "Nhà Văn hóa Thanh niên, TP. Hồ Chí Minh", province: "TP. Hồ Chí Minh", startsOn: "2025-10-08", endsOn: "2025-10-12",
    budget: 700_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: PROGRAM_POLICY(2025), participants: [8, 12], ocopOrBrandedOnly: true, agreements: [0, 2],
  },
  {
    key: "tet-fair-2026", name: "Hội chợ Xuân Bính Ngọ tỉnh Cà Mau 2026", kind: ProgramKind.FAIR, organiser: INDUSTRY_TRADE,
    venue: "Công viên Bạc Liêu, phường Bạc Liêu", province: "Cà Mau", startsOn: "2026-01-30", endsOn: "2026-02-08",
    budget: 1_400_000_000, budgetSource: BudgetSource.MIXED, policy: PROGRAM_POLICY(2026), participants: [14, 20], agreements: [0, 1],
  },
  {
    key: "hanoi-week-2026", name: "Tuần lễ sản phẩm OCOP và đặc sản tỉnh Cà Mau tại Hà Nội năm 2026", kind: ProgramKind.PRODUCT_WEEK, organiser: INDUSTRY_TRADE,
    venue: "Trung tâm Triển lãm Giảng Võ, Hà Nội", province: "Hà Nội", startsOn: "2026-04-16", endsOn: "2026-04-20",
    budget: 900_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: PROGRAM_POLICY(2026), participants: [10, 14], ocopOrBrandedOnly: true, agreements: [0, 2],
  },
  {
    key: "ecommerce-2026", name: "Đưa sản phẩm OCOP Cà Mau lên sàn thương mại điện tử năm 2026", kind: ProgramKind.ECOMMERCE, organiser: ALLIANCE,
    venue: "Sàn thương mại điện tử", province: "Cà Mau", startsOn: "2026-05-01", endsOn: "2026-06-30",
    budget: 300_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: null, participants: [15, 25], agreements: [0, 0],
  },
  {
    key: "cantho-connection-2026", name: "Hội nghị kết nối cung cầu hàng hóa vùng Đồng bằng sông Cửu Long năm 2026", kind: ProgramKind.TRADE_CONNECTION_CONFERENCE, organiser: INDUSTRY_TRADE,
    venue: "Trung tâm Hội nghị thành phố Cần Thơ", province: "Cần Thơ", startsOn: "2026-09-10", endsOn: "2026-09-11",
    budget: 400_000_000, budgetSource: BudgetSource.PROVINCIAL_BUDGET, policy: PROGRAM_POLICY(2026), participants: [8, 12], agreements: [1, 3],
  },
];

/**
 * Continues a dataset to HISTORY_TO. `recent` are the cooperatives of the new province that may make
 * products now (ACTIVE at the end of the history, in producing sectors), both old provinces'.
 */
export function continueTrade(dataset: TradeDataset, recent: readonly CandidateCooperative[], seed: string, scale = 1): TradeDataset {
  const rng = new Random(seed, "after-2024");
  const decide = decisionNumbers(rng, scale, dataset.certifications);
  const certification = (productId: string, stars: number, certifiedOn: string) => certificationRow(rng, productId, stars, certifiedOn, decide);

  // Renewals: a product whose latest certificate expires from 2025 on is mostly re-rated a little before.
  const latest = new Map<string, CertificationRow>();
  for (const c of dataset.certifications) if ((latest.get(c.productId)?.certifiedOn ?? "") < c.certifiedOn) latest.set(c.productId, c);
  const stillMade = new Set(recent.map((c) => c.id));
  const makerOf = new Map(dataset.products.map((p) => [p.id, p.cooperativeId]));
  for (const last of [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    let current = last;
    for (;;) {
      const next = addDays(current.expiresOn, -rng.int(0, 60));
      if (next < RENEWALS_FROM || next > HISTORY_TO || !stillMade.has(makerOf.get(current.productId)!) || !rng.chance(0.75)) break;
      const stars = current.stars < 5 && rng.chance(current.stars === 3 ? 0.25 : 0.06) ? current.stars + 1 : current.stars;
      current = certification(current.productId, stars, next);
      dataset.certifications.push(current);
    }
  }

  // New products, first rated in 2025 or 2026.
  const made = new Set(dataset.products.map((p) => p.cooperativeId));
  for (const kind of PRODUCT_KINDS) {
    const makers = recent.filter((c) => kind.sectors.includes(c.sectorCode) && !made.has(c.id));
    const count = Math.min(makers.length, Math.max(1, Math.round(kind.makers * 0.3 * scale)));
    for (const maker of rng.sample(makers, count)) {
      made.add(maker.id);
      const product = makeProduct(rng, kind, maker, rng.pick(kind.names));
      dataset.products.push(product);
      if (rng.chance(Math.max(0.5, kind.ocopChance))) dataset.certifications.push(certification(product.id, rng.chance(0.75) ? 3 : 4, dayBetween(rng, "2025-03-01", "2026-10-31")));
    }
  }

  // Programs of 2025-H2 and 2026: the makers of the whole province take part.
  const inPool = new Set(recent.map((c) => c.id));
  const products = dataset.products.filter((p) => inPool.has(p.cooperativeId));
  holdPrograms(rng, PROGRAM_PLANS_AFTER_REFORM, products, dataset.certifications, scale, dataset);
  return dataset;
}
