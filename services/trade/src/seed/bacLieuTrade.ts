import { Random } from "@camau/shared";
import { BAC_LIEU_PRODUCT_KINDS, PROGRAM_PLANS, ProgramPlan } from "./catalogue";
import { CandidateCooperative, decisionNumbers, Exhibitors, makeProducts, takePart, TradeDataset } from "./generateTrade";

/**
 * Old Bạc Liêu's trade history before the merger: its own product kinds, made by its cooperatives
 * and rated by its own People's Committee from 2019 on (with renewals to 2024), and its
 * cooperatives at the programs of those years that were open to every province (organised neither
 * by old Cà Mau's agencies nor its Alliance: the regional fairs and conferences, AgroViet), where
 * old Cà Mau's support policies did not pay for them. Drawn on a stream of its own and added after
 * the rest, so old Cà Mau's rows (and the 2021-H1 figures) stay exactly as they were.
 */
export function withBacLieuHistory(dataset: TradeDataset, cooperatives: readonly CandidateCooperative[], seed: string, scale = 1): TradeDataset {
  const rng = new Random(seed, "bac-lieu");
  const { products, certifications } = makeProducts(rng, BAC_LIEU_PRODUCT_KINDS, cooperatives, scale, decisionNumbers(rng, scale, dataset.certifications));
  const exhibitors = new Exhibitors(products, certifications);
  for (const plan of PROGRAM_PLANS.filter(openToEveryProvince)) {
    const asVisitors: ProgramPlan = { ...plan, policy: null, participants: [1, 3] };
    const pool = exhibitors.pool(asVisitors);
    // Every copy of the program at larger scales.
    for (const program of dataset.programs.filter((p) => p.key === plan.key || p.key.startsWith(`${plan.key}-`))) {
      takePart(rng, asVisitors, program.id, exhibitors, dataset, pool);
    }
  }
  dataset.products.push(...products);
  dataset.certifications.push(...certifications);
  return dataset;
}

/** A program old Cà Mau's own agencies did not organise. */
function openToEveryProvince(plan: ProgramPlan): boolean {
  return !plan.organiser.endsWith("tỉnh Cà Mau");
}
