import { AgreementKind, BudgetSource, MarkKind, OcopLevel, OcopProductGroup, ProgramKind } from "../domain/enums";
import { certificationInForce, defaultExpiry, levelForStars, OCOP_STAR_BANDS } from "../domain/ocop";
import { maximumSupport } from "../domain/participation";
import { COUNTERPARTIES, PRODUCT_KINDS, ProductKind, ProgramFacts, PROGRAM_PLANS, ProgramPlan } from "./catalogue";
import { Random } from "@camau/shared";

/**
 * The trade promotion demo dataset, generated in memory (pure: no I/O, no clock) from a seed and
 * the cooperatives of the registry's demo dataset that may make and sell products. Certifications
 * run from 2019 on; programs in 2020 and 2021 in Cà Mau, TP. Hồ Chí Minh, Cần Thơ and Hà Nội;
 * between 2021-01-01 and 2021-06-30 exactly one program is held in Hà Nội, and exactly 10
 * cooperatives with OCOP-rated or branded products take part in it.
 */

export const TRADE_SEED = "camau-trade-2021";

/** A cooperative of the registry's demo data that may take part (active through the demo years). */
export interface CandidateCooperative {
  id: string;
  name: string;
  sectorCode: string;
  districtCode: string | null;
}

export interface ProductRow {
  id: string;
  cooperativeId: string;
  name: string;
  productGroup: OcopProductGroup;
  description: string;
  brandName: string | null;
  markKind: MarkKind | null;
  markRegistrationNumber: string | null;
}

export interface CertificationRow {
  id: string;
  productId: string;
  stars: number;
  score: number;
  level: OcopLevel;
  decisionNumber: string;
  certifiedOn: string;
  expiresOn: string;
  recordedBy: string;
}

/** A program as loaded: the facts its plan gives, an id, and its policy in columns. */
export interface ProgramRow extends ProgramFacts {
  id: string;
  description: string | null;
  policyLegalBasis: string | null;
  policyPercentage: number | null;
  policyCapPerCooperative: number | null;
}

export interface ParticipationRow {
  id: string;
  programId: string;
  cooperativeId: string;
  boothCount: number;
  supportAmount: number;
  eligibleCost: number | null;
  salesRevenue: number;
  note: string | null;
  /** ISO timestamp: registration, two weeks before the program. */
  createdAt: string;
  resultsRecordedAt: string;
  productIds: string[];
}

export interface AgreementRow {
  id: string;
  participationId: string;
  counterparty: string;
  kind: AgreementKind;
  value: number | null;
  signedOn: string;
  description: string | null;
  position: number;
}

export interface TradeDataset {
  products: ProductRow[];
  certifications: CertificationRow[];
  programs: ProgramRow[];
  participations: ParticipationRow[];
  agreements: AgreementRow[];
}

/** Last day of the first demo certifications' renewals (the history after it: continueTrade.ts). */
const LAST_CERTIFICATION = "2024-12-31";
const SEED_SUBJECT = "seed";

/** "Hợp tác xã Thủy sản Tân Ân" → "Thủy sản Tân Ân", for a cooperative's own trademark. */
function shortName(name: string): string {
  return name.replace(/^(Hợp tác xã|HTX)\s+/i, "").trim();
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day from `from` to `to`, both included. */
export function dayBetween(rng: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

function scoreFor(rng: Random, stars: number): number {
  const band = OCOP_STAR_BANDS[stars];
  return rng.int(band.minScore, band.maxScore);
}

/**
 * How many more products each kind has per unit of scale above 1: the province registers few
 * products for its cooperatives, the country many (about 30,000 at scale 100, national size).
 */
const PRODUCT_GROWTH_PER_SCALE = 4.9;

/** Makers of a kind at a scale; exactly the catalogue's count at scale 1 (the province's demo data). */
function makersAtScale(kind: ProductKind, scale: number): number {
  return scale === 1 ? kind.makers : Math.max(1, Math.round(kind.makers * (1 + (scale - 1) * PRODUCT_GROWTH_PER_SCALE)));
}

/**
 * `scale` 1 (the default) is the province's demo data, unchanged; a larger scale (with the
 * registry's cooperatives at the same scale) has more makers per product kind and each program
 * held `scale` times (the copies numbered "(đợt 2)", ...), drawn from the same random stream.
 */
export function generateTrade(cooperatives: readonly CandidateCooperative[], seed: string = TRADE_SEED, scale = 1): TradeDataset {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`trade seed: scale must be a positive integer, not ${scale}`);
  const rng = new Random(seed);
  const { products, certifications } = makeProducts(rng, PRODUCT_KINDS, cooperatives, scale, decisionNumbers(rng, scale));
  const programs: ProgramRow[] = [];
  const participations: ParticipationRow[] = [];
  const agreements: AgreementRow[] = [];
  holdPrograms(rng, PROGRAM_PLANS, products, certifications, scale, { programs, participations, agreements });
  return { products, certifications, programs, participations, agreements };
}

/** Draws OCOP decision numbers, none twice in a year nor as one of the certifications already made. */
export function decisionNumbers(rng: Random, scale: number, made: readonly CertificationRow[] = []): (level: OcopLevel, year: string) => string {
  const taken = new Set(made.map((c) => `${c.certifiedOn.slice(0, 4)}:${c.decisionNumber}`));
  return (level, year) => {
    for (;;) {
      // The number ranges widen with the scale, so a year never runs out of free numbers.
      const number = level === OcopLevel.NATIONAL ? `${rng.int(1000, 1000 + 4200 * scale)}/QĐ-BNN-VPĐP` : `${rng.int(100, 100 + 2800 * scale)}/QĐ-UBND`;
      if (!taken.has(`${year}:${number}`)) {
        taken.add(`${year}:${number}`);
        return number;
      }
    }
  };
}

/** One OCOP certification of a product, rated on `certifiedOn` for the default term. */
export function certificationRow(rng: Random, productId: string, stars: number, certifiedOn: string, decide: (level: OcopLevel, year: string) => string): CertificationRow {
  const level = levelForStars(stars);
  return { id: rng.uuid(), productId, stars, score: scoreFor(rng, stars), level, decisionNumber: decide(level, certifiedOn.slice(0, 4)), certifiedOn, expiresOn: defaultExpiry(certifiedOn), recordedBy: SEED_SUBJECT };
}

/**
 * The products of the kinds, each kind going to cooperatives of its sectors, preferring those
 * whose name says they make it (in the order of the kind's name patterns), then those of its
 * districts; each rated (with its renewals to LAST_CERTIFICATION) by its kind's chance.
 */
export function makeProducts(
  rng: Random,
  kinds: readonly ProductKind[],
  cooperatives: readonly CandidateCooperative[],
  scale: number,
  decide: (level: OcopLevel, year: string) => string,
): Pick<TradeDataset, "products" | "certifications"> {
  const products: ProductRow[] = [];
  const certifications: CertificationRow[] = [];
  const productCount = new Map<string, number>();
  for (const kind of kinds) {
    const eligible = cooperatives.filter((c) => kind.sectors.includes(c.sectorCode) && (productCount.get(c.id) ?? 0) < 3);
    const local = (c: CandidateCooperative) => c.districtCode !== null && kind.districts.includes(c.districtCode);
    const tiers: CandidateCooperative[][] = [];
    for (const pattern of kind.makerNames) {
      tiers.push(eligible.filter((c) => pattern.test(c.name) && local(c)), eligible.filter((c) => pattern.test(c.name)));
    }
    if (!kind.onlyNamed) tiers.push(eligible.filter(local), eligible);
    const makers: CandidateCooperative[] = [];
    const chosen = new Set<CandidateCooperative>();
    const wanted = makersAtScale(kind, scale);
    for (const tier of tiers) {
      const fresh = tier.filter((c) => !chosen.has(c));
      const picked = rng.sample(fresh, Math.min(fresh.length, wanted - makers.length));
      picked.forEach((c) => chosen.add(c));
      makers.push(...picked);
    }
    makers.forEach((maker, i) => {
      productCount.set(maker.id, (productCount.get(maker.id) ?? 0) + 1);
      // The first maker sells under the kind's best-known name ("Mật ong U Minh Hạ"), others under any.
      const product = makeProduct(rng, kind, maker, i === 0 ? kind.names[0] : rng.pick(kind.names));
      products.push(product);
      if (rng.chance(kind.ocopChance)) certifications.push(...certify(rng, product.id, decide));
    });
  }
  return { products, certifications };
}

/**
 * Holds the programs of the plans (each `scale` times) with participants drawn from the makers of
 * the products, appending programs, participations and agreements to `out`.
 */
export function holdPrograms(
  rng: Random,
  plans: readonly ProgramPlan[],
  products: readonly ProductRow[],
  certifications: readonly CertificationRow[],
  scale: number,
  out: Pick<TradeDataset, "programs" | "participations" | "agreements">,
): void {
  const exhibitors = new Exhibitors(products, certifications);
  for (const plan of plans) {
    const pool = exhibitors.pool(plan);
    // At scale 1 the program is held once; at larger scales `scale` times (national size).
    for (let copy = 0; copy < scale; copy++) {
      const { kind, organiser, venue, province, startsOn, endsOn, budget, budgetSource } = plan;
      const program: ProgramRow = {
        id: rng.uuid(),
        key: copy === 0 ? plan.key : `${plan.key}-${copy + 1}`,
        name: copy === 0 ? plan.name : `${plan.name} (đợt ${copy + 1})`,
        ...{ kind, organiser, venue, province, startsOn, endsOn, budget, budgetSource },
        description: plan.description ?? null,
        policyLegalBasis: plan.policy?.legalBasis ?? null,
        policyPercentage: plan.policy?.percentage ?? null,
        policyCapPerCooperative: plan.policy?.capPerCooperative ?? null,
      };
      out.programs.push(program);
      takePart(rng, plan, program.id, exhibitors, out, pool);
    }
  }
}

/** The makers of some products, with what each may show at a program. */
export class Exhibitors {
  private readonly productsOf = new Map<string, ProductRow[]>();
  private readonly certificationsOf = new Map<string, CertificationRow[]>();

  constructor(products: readonly ProductRow[], certifications: readonly CertificationRow[]) {
    for (const p of products) this.productsOf.set(p.cooperativeId, [...(this.productsOf.get(p.cooperativeId) ?? []), p]);
    for (const c of certifications) this.certificationsOf.set(c.productId, [...(this.certificationsOf.get(c.productId) ?? []), c]);
  }

  /** Products a cooperative may show: OCOP-rated on the first day or branded, when the plan asks for it. */
  showable(plan: ProgramPlan, cooperativeId: string): ProductRow[] {
    return (this.productsOf.get(cooperativeId) ?? []).filter(
      (p) => !plan.ocopOrBrandedOnly || p.brandName !== null || certificationInForce(this.certificationsOf.get(p.id) ?? [], plan.startsOn) !== null,
    );
  }

  /** Makers with something to show at a program of the plan. */
  pool(plan: ProgramPlan): string[] {
    return [...this.productsOf.keys()].filter((id) => this.showable(plan, id).length > 0);
  }
}

/**
 * The participations (with their agreements) of the plan's number of exhibitors in one program,
 * appended to `out`. Support follows the plan's policy (none without one).
 */
export function takePart(
  rng: Random,
  plan: ProgramPlan,
  programId: string,
  exhibitors: Exhibitors,
  out: Pick<TradeDataset, "participations" | "agreements">,
  pool: readonly string[] = exhibitors.pool(plan),
): void {
  const count = typeof plan.participants === "number" ? plan.participants : rng.int(plan.participants[0], plan.participants[1]);
  if (pool.length < count) throw new Error(`trade seed: only ${pool.length} cooperatives can take part in ${plan.key}, ${count} needed`);
  rng.sample(pool, count).forEach((cooperativeId, i) => {
    const own = exhibitors.showable(plan, cooperativeId);
    const shown = rng.sample(own, Math.min(own.length, rng.int(1, 2)));
    const booths = plan.kind === ProgramKind.ECOMMERCE || plan.kind === ProgramKind.RETAIL_LISTING ? 0 : rng.int(1, 2);
    const eligibleCost = plan.policy ? rng.money(4_000_000, 30_000_000) : null;
    const limit = maximumSupport(plan.policy, eligibleCost) ?? eligibleCost ?? 0;
    const supportAmount = plan.policy ? Math.floor(Math.min(limit, eligibleCost ?? limit) / 100_000) * 100_000 : 0;
    const participation: ParticipationRow = {
      id: rng.uuid(),
      programId,
      cooperativeId,
      boothCount: booths,
      supportAmount,
      eligibleCost,
      salesRevenue: rng.money(plan.kind === ProgramKind.RETAIL_LISTING ? 40_000_000 : 8_000_000, plan.kind === ProgramKind.RETAIL_LISTING ? 250_000_000 : 160_000_000),
      note: null,
      createdAt: `${addDays(plan.startsOn, -14)}T09:${String(i).padStart(2, "0")}:00.000+07:00`,
      resultsRecordedAt: `${addDays(plan.endsOn, 3)}T15:00:00.000+07:00`,
      productIds: shown.map((p) => p.id),
    };
    out.participations.push(participation);
    const agreementCount = rng.int(plan.agreements[0], plan.agreements[1]);
    rng.sample(COUNTERPARTIES, agreementCount).forEach((counterparty, position) => {
      const kind = rng.pick(counterparty.kinds);
      out.agreements.push({
        id: rng.uuid(),
        participationId: participation.id,
        counterparty: counterparty.name,
        kind,
        value: kind === AgreementKind.MEMORANDUM_OF_UNDERSTANDING || kind === AgreementKind.OTHER ? null : rng.money(50_000_000, 900_000_000, 1_000_000),
        signedOn: dayBetween(rng, plan.startsOn, plan.endsOn),
        description: `Cung ứng ${shown.map((p) => p.name).join(", ")}`,
        position,
      });
    });
  });
}

export function makeProduct(rng: Random, kind: ProductKind, maker: CandidateCooperative, name: string): ProductRow {
  let brandName: string | null = null;
  let markKind: MarkKind | null = null;
  let markRegistrationNumber: string | null = null;
  if (rng.chance(kind.brandChance)) {
    if (kind.sharedMark && rng.chance(0.8)) {
      ({ name: brandName, kind: markKind, registrationNumber: markRegistrationNumber } = kind.sharedMark);
    } else if (rng.chance(0.6)) {
      brandName = shortName(maker.name);
      markKind = MarkKind.TRADEMARK;
      markRegistrationNumber = `Số ${rng.int(300_000, 480_000)}`;
    } else {
      brandName = shortName(maker.name);
      markKind = MarkKind.UNREGISTERED_BRAND;
    }
  }
  return {
    id: rng.uuid(),
    cooperativeId: maker.id,
    name,
    productGroup: kind.group,
    description: kind.description,
    brandName,
    markKind,
    markRegistrationNumber,
  };
}

/** A product's certifications: a first rating in 2019–early 2021, then renewals (sometimes upgrades). */
function certify(rng: Random, productId: string, decide: (level: OcopLevel, year: string) => string): CertificationRow[] {
  const rows: CertificationRow[] = [];
  let stars = rng.chance(0.7) ? 3 : 4;
  let certifiedOn = dayBetween(rng, "2019-03-01", "2021-03-31");
  for (;;) {
    const row = certificationRow(rng, productId, stars, certifiedOn, decide);
    rows.push(row);
    // Renewed (re-rated) a little before expiry, some with one star more; a 5th star only nationally.
    const next = addDays(row.expiresOn, -rng.int(0, 60));
    if (next > LAST_CERTIFICATION || !rng.chance(0.65)) break;
    if (stars < 5 && rng.chance(stars === 3 ? 0.3 : 0.08)) stars += 1;
    certifiedOn = next;
  }
  return rows;
}
