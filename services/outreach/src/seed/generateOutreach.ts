import { TrainingAudience, TrainingClassKind, TrainingClassStatus } from "../domain/enums";
import { ReportFigure } from "../domain/figures";
import { BAC_LIEU_PRE_2025_DISTRICTS, POST_2025_COMMUNES, PRE_2025_DISTRICTS } from "@camau/shared";
import { dayOf, isoOf } from "@camau/shared";
import { Random } from "@camau/shared";

/**
 * The outreach subgraph's demo dataset, generated in memory from a seed (pure: no I/O, no clock).
 *
 * Classes from 2019-01-01 to 2025-06-30 (the last day of the pre-2025 tree). The first half of
 * 2021 holds, by construction, exactly the article's 9 state-management classes and 56 outreach
 * and vocational classes that count (first day within 2021-01-01..2021-06-30, not cancelled),
 * plus two cancelled classes and two classes straddling the period's ends, which show the
 * counting rule without changing the figures. The article's eleven figures are recorded as the
 * published figures of that period.
 *
 * Then, on streams of their own (so the classes above stay as they were): old Bạc Liêu's classes
 * in its districts up to 2025-06-30, and the new province's classes from 2025-07-01 to
 * HISTORY_TO, placed in the new communes (no district).
 */

export const DEFAULT_SEED = 962021;
export const REPORT_FROM = "2021-01-01";
export const REPORT_TO = "2021-06-30";
export const DATASET_FROM = "2019-01-01";
export const DATASET_TO = "2025-06-30";
/** Last day of the history: the end of the last full month before the demo's "today" (2026-12-03). */
export const HISTORY_TO = "2026-11-30";

/** What the article says the Alliance did in the first half of 2021 (the provincial article the demo data reproduces). */
export const ARTICLE_CLASS_COUNTS = { stateManagement: 9, outreach: 56 } as const;

export const ARTICLE_PUBLISHER = "Liên minh Hợp tác xã tỉnh Cà Mau";
export const ARTICLE_REPORT = "Báo cáo tình hình KTTT 6 tháng đầu năm 2021";

/** The article's eleven figures, as published (the trade-promotion one is about the Hà Nội program). */
export const ARTICLE_PUBLISHED_FIGURES: readonly { figure: ReportFigure; value: number; province?: string; note: string }[] = [
  { figure: ReportFigure.COOPERATIVE_COUNT, value: 275, note: "toàn tỉnh Cà Mau có 275 HTX" },
  { figure: ReportFigure.COOPERATIVE_GROUP_COUNT, value: 961, note: "961 tổ hợp tác" },
  { figure: ReportFigure.MEMBER_COUNT, value: 14190, note: "với 14.190 thành viên" },
  { figure: ReportFigure.UNION_COUNT, value: 1, note: "01 Liên hiệp HTX" },
  { figure: ReportFigure.UNION_MEMBER_COOPERATIVE_COUNT, value: 5, note: "với 5 HTX thành viên tham gia" },
  { figure: ReportFigure.NEW_COOPERATIVE_COUNT, value: 16, note: "vận động thành lập mới 16 HTX" },
  { figure: ReportFigure.STATE_MANAGEMENT_CLASS_COUNT, value: 9, note: "mở 09 lớp bồi dưỡng nghiệp vụ quản lý nhà nước về KTTT cho cán bộ chủ chốt cấp xã" },
  { figure: ReportFigure.OUTREACH_CLASS_COUNT, value: 56, note: "mở 56 lớp tuyên truyền, truyền nghề" },
  { figure: ReportFigure.NEW_ALLIANCE_MEMBER_COUNT, value: 7, note: "Kết nạp thêm 07 thành viên mới" },
  {
    figure: ReportFigure.TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT,
    value: 10,
    province: "Hà Nội",
    note: "hỗ trợ 10 HTX có sản phẩm tiêu biểu, có thương hiệu, sản phẩm đạt OCOP của tỉnh tham gia chương trình xúc tiến thương mại, kết nối, tiêu thụ sản phẩm tại Hà Nội",
  },
  { figure: ReportFigure.FUNDED_PROJECT_COUNT, value: 22, note: "Quỹ hỗ trợ Phát triển hợp tác xã đã đầu tư hỗ trợ vốn cho 22 dự án" },
];

/** Rows shaped like the tables of the InitialOutreach migration (camelCase of the columns). */
export interface TrainingClassRow {
  id: string;
  kind: TrainingClassKind;
  title: string;
  organiser: string;
  coOrganisers: string[];
  districtCode: string | null;
  communeCode: string | null;
  startDate: string;
  endDate: string;
  audience: TrainingAudience;
  participantCount: number | null;
  status: TrainingClassStatus;
  cancelledOn: string | null;
  cancellationReason: string | null;
  /** Cooperatives (registry ids) that sent participants. */
  cooperativeIds: string[];
}

export interface PublishedFigureRow {
  id: string;
  reportTitle: string;
  reportReference: string | null;
  publisher: string;
  publishedOn: string | null;
  from: string;
  to: string;
  figure: ReportFigure;
  province: string | null;
  value: number;
  note: string | null;
}

export interface OutreachDataset {
  classes: TrainingClassRow[];
  publishedFigures: PublishedFigureRow[];
}

/**
 * Which registry cooperatives could send people to a class: those ACTIVE on a day, by district.
 * Built from the registry's own demo generator when it can be loaded (see seed/index.ts);
 * without it classes carry no attending cooperatives.
 */
export interface CooperativePool {
  activeOn(date: string, districtCode: string): Candidates;
  /** Those ACTIVE on a day whose place is now in a new commune (registered under it or its predecessors). */
  activeInNewCommune?(date: string, communeCode: string): Candidates;
}

/**
 * The cooperatives a class may draw its attendance from, in the pool's order. A pool may hold
 * them in a buffer of its own until its next answer (at national scale a district has thousands,
 * and every class asks): draw from an answer before asking again.
 */
export interface Candidates {
  readonly length: number;
  /** `count` of them, drawn as `Random.sample` draws from the list (the same draws), sorted. */
  sample(rng: Random, count: number): string[];
}

/** Candidates held in an array. */
export function candidatesOf(ids: readonly string[]): Candidates {
  return { length: ids.length, sample: (rng, count) => rng.sample(ids, count).sort() };
}

export const EMPTY_POOL: CooperativePool = { activeOn: () => candidatesOf([]) };

// ---------------------------------------------------------------------------------------------

const ALLIANCE = "Liên minh Hợp tác xã tỉnh Cà Mau";
const DPI = "Sở Kế hoạch và Đầu tư tỉnh Cà Mau";
const DARD = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Cà Mau";
const DOLISA = "Sở Lao động - Thương binh và Xã hội tỉnh Cà Mau";
const DOIT = "Sở Công Thương tỉnh Cà Mau";
const EXTENSION = "Trung tâm Khuyến nông tỉnh Cà Mau";
const FARMERS = "Hội Nông dân tỉnh Cà Mau";
const WOMEN = "Hội Liên hiệp Phụ nữ tỉnh Cà Mau";

/** People's Committee of a district, as written on invitations: "UBND huyện U Minh". */
function committeeOf(districtCode: string): string {
  const name = [...PRE_2025_DISTRICTS, ...BAC_LIEU_PRE_2025_DISTRICTS].find((d) => d.code === districtCode)!.name;
  return `UBND ${name.replace(/^Huyện/, "huyện").replace(/^Thành phố/, "thành phố").replace(/^Thị xã/, "thị xã")}`;
}

/** The district as it appears in a title: "huyện U Minh", "thành phố Cà Mau". */
function districtInTitle(districtCode: string): string {
  return committeeOf(districtCode).replace(/^UBND /, "");
}

/** A few communes of each district (GSO codes of the reference data in @camau/shared; a test checks each lies in its district). */
const COMMUNES: Record<string, readonly string[]> = {
  "964": ["32008", "32026", "32032", "32035", "32038"],
  "966": ["32044", "32047", "32053", "32056", "32062"],
  "967": ["32065", "32068", "32077", "32083", "32092"],
  "968": ["32095", "32098", "32104", "32110", "32122"],
  "969": ["32128", "32130", "32134", "32140", "32149"],
  "970": ["32152", "32155", "32167", "32179", "32185"],
  "971": ["32197", "32200", "32206", "32191", "32203"],
  "972": ["32221", "32224", "32227", "32215", "32218"],
  "973": ["32242", "32236", "32239", "32245", "32248"],
};

/** Share of classes by district: where the cooperatives are. */
const DISTRICT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["964", 12], ["966", 11], ["967", 12], ["968", 15], ["969", 11], ["970", 13], ["971", 8], ["972", 9], ["973", 9],
];

interface Topic {
  title: string;
  audience: readonly TrainingAudience[];
  /** First day the topic makes sense (a law or decree in force). */
  from?: string;
  until?: string;
}

const OUTREACH_TOPICS: readonly Topic[] = [
  { title: "Tuyên truyền Luật Hợp tác xã năm 2012 và các văn bản hướng dẫn", audience: [TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC], until: "2024-06-30" },
  { title: "Tuyên truyền Luật Hợp tác xã năm 2023", audience: [TrainingAudience.COOPERATIVE_MANAGERS, TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC], from: "2023-07-01" },
  { title: "Tuyên truyền về kinh tế tập thể, hợp tác xã cho người dân", audience: [TrainingAudience.PUBLIC] },
  { title: "Tuyên truyền vận động thành lập tổ hợp tác, hợp tác xã", audience: [TrainingAudience.PUBLIC] },
  { title: "Tuyên truyền mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị sản phẩm", audience: [TrainingAudience.COOPERATIVE_MANAGERS, TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Tuyên truyền chính sách hỗ trợ hợp tác xã theo Nghị định 45/2021/NĐ-CP", audience: [TrainingAudience.COOPERATIVE_MANAGERS], from: "2021-05-15" },
  { title: "Tuyên truyền Chương trình Mỗi xã một sản phẩm (OCOP)", audience: [TrainingAudience.COOPERATIVE_MANAGERS, TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Tuyên truyền chuyển đổi số và thương mại điện tử trong hợp tác xã", audience: [TrainingAudience.COOPERATIVE_MANAGERS], from: "2022-01-01" },
  { title: "Tuyên truyền nâng cao năng lực quản trị, kế toán hợp tác xã", audience: [TrainingAudience.COOPERATIVE_MANAGERS] },
];

const VOCATIONAL_TOPICS: readonly Topic[] = [
  { title: "Truyền nghề đan đát lục bình", audience: [TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC] },
  { title: "Truyền nghề nuôi ong mật dưới tán rừng tràm", audience: [TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Truyền nghề nuôi tôm quảng canh cải tiến", audience: [TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Truyền nghề nuôi cua biển kết hợp tôm", audience: [TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Truyền nghề chế biến khô cá, khô tôm", audience: [TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC] },
  { title: "Truyền nghề làm bánh phồng tôm", audience: [TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC] },
  { title: "Truyền nghề trồng lúa trên đất nuôi tôm", audience: [TrainingAudience.COOPERATIVE_MEMBERS] },
  { title: "Truyền nghề làm mắm ba khía", audience: [TrainingAudience.COOPERATIVE_MEMBERS, TrainingAudience.PUBLIC] },
  { title: "Truyền nghề đan lưới, sửa chữa ngư cụ", audience: [TrainingAudience.PUBLIC] },
];

const CANCELLATION_REASONS = [
  "Thay đổi kế hoạch do ảnh hưởng của dịch COVID-19",
  "Không đủ số lượng học viên đăng ký",
  "Trùng lịch với kế hoạch của địa phương",
  "Thời tiết bất lợi (triều cường, mưa bão)",
];

interface HalfYearPlan {
  from: number;
  to: number;
  stateManagement: number;
  outreach: number;
  cancelled: number;
}

/**
 * Half-years of the dataset with how many classes each holds. The report half-year is exact (the
 * article's counts times the scale); `scale` 1 is the province's demo data.
 */
function halfYears(rng: Random, scale = 1): HalfYearPlan[] {
  const plans: HalfYearPlan[] = [];
  for (let year = 2019; year <= 2025; year++) {
    for (const [from, to] of [[`${year}-01-01`, `${year}-06-30`], [`${year}-07-01`, `${year}-12-31`]] as const) {
      if (from > DATASET_TO) continue;
      if (from === REPORT_FROM) {
        plans.push({
          from: dayOf(from),
          to: dayOf(to),
          stateManagement: ARTICLE_CLASS_COUNTS.stateManagement * scale,
          outreach: ARTICLE_CLASS_COUNTS.outreach * scale,
          cancelled: 2 * scale,
        });
        continue;
      }
      // Fewer classes in 2020 and the second half of 2021 (COVID-19 restrictions).
      const covid = year === 2020 || from === "2021-07-01";
      plans.push({
        from: dayOf(from),
        to: dayOf(to),
        stateManagement: (covid ? rng.int(3, 6) : rng.int(6, 11)) * scale,
        outreach: (covid ? rng.int(20, 35) : rng.int(40, 65)) * scale,
        cancelled: (covid ? rng.int(2, 5) : rng.int(0, 2)) * scale,
      });
    }
  }
  return plans;
}

/** Old Bạc Liêu's districts and their communes (every commune of the reference data). */
const BAC_LIEU_COMMUNES: Record<string, readonly string[]> = Object.fromEntries(BAC_LIEU_PRE_2025_DISTRICTS.map((d) => [d.code, d.communes.map(([code]) => code)]));
const BAC_LIEU_ALLIANCE = "Liên minh Hợp tác xã tỉnh Bạc Liêu";
const BAC_LIEU_DPI = "Sở Kế hoạch và Đầu tư tỉnh Bạc Liêu";
/** From 1 March 2025 the departments of planning and finance merged (Sở Tài chính). */
const FINANCE = "Sở Tài chính tỉnh Cà Mau";

/** A place of a class after the reform: a new commune, its People's Committee and its name in a title. */
function newCommunePlace(rng: Random): { communeCode: string; committee: string; where: string } {
  const [communeCode, name] = rng.pick(POST_2025_COMMUNES);
  const where = name.replace(/^Xã/, "xã").replace(/^Phường/, "phường");
  return { communeCode, committee: `UBND ${where}`, where };
}

class OutreachDataGenerator {
  private readonly rng: Random;

  constructor(
    private readonly seed: number,
    private readonly pool: CooperativePool,
    private readonly scale = 1,
  ) {
    this.rng = new Random(seed, "outreach");
  }

  generate(): OutreachDataset {
    const classes: TrainingClassRow[] = [];
    let n = 0;
    for (const plan of halfYears(this.rng, this.scale)) {
      const kinds: TrainingClassKind[] = [
        ...Array<TrainingClassKind>(plan.stateManagement).fill(TrainingClassKind.STATE_MANAGEMENT),
        ...Array.from({ length: plan.outreach }, () => (this.rng.chance(0.6) ? TrainingClassKind.OUTREACH : TrainingClassKind.VOCATIONAL)),
      ];
      for (const kind of kinds) classes.push(this.heldClass(n++, kind, this.rng.day(plan.from, plan.to), plan.to));
      for (let i = 0; i < plan.cancelled; i++) {
        const kind = i % 2 === 0 ? TrainingClassKind.OUTREACH : TrainingClassKind.STATE_MANAGEMENT;
        classes.push(this.cancelledClass(n++, kind, this.rng.day(plan.from, plan.to)));
      }
    }
    // Two classes straddling the ends of the report period: the one starting on 2020-12-28
    // counts in 2020 (its first day), the one starting on 2021-06-28 counts in the first half of
    // 2021. The second replaces one of that half-year's outreach classes, keeping the count at 56.
    classes.push(this.heldClass(n++, TrainingClassKind.OUTREACH, dayOf("2020-12-28"), dayOf("2021-01-08"), true));
    const inReport = classes.findIndex((c) => c.kind === TrainingClassKind.OUTREACH && c.status === TrainingClassStatus.HELD && c.startDate >= REPORT_FROM && c.startDate <= REPORT_TO);
    classes[inReport] = this.heldClass(n++, TrainingClassKind.OUTREACH, dayOf("2021-06-28"), dayOf("2021-07-03"), true);
    classes.push(...this.bacLieuClasses(), ...this.classesAfterReform());
    classes.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
    return { classes, publishedFigures: this.publishedFigures() };
  }

  /** Old Bạc Liêu's classes, 2019 to 2025-06-30, by its own Alliance, in its districts. */
  private bacLieuClasses(): TrainingClassRow[] {
    const rng = new Random(this.seed, "outreach", "bac-lieu");
    const classes: TrainingClassRow[] = [];
    let n = 0;
    for (const plan of halfYears(rng, 1)) {
      const count = Math.round((plan.stateManagement + plan.outreach) * 0.6) * this.scale;
      for (let i = 0; i < count; i++) {
        const kind = i < Math.round(plan.stateManagement * 0.6) * this.scale ? TrainingClassKind.STATE_MANAGEMENT : rng.chance(0.6) ? TrainingClassKind.OUTREACH : TrainingClassKind.VOCATIONAL;
        const c = this.heldClass(`bac-lieu:${n++}`, kind, rng.day(plan.from, plan.to), plan.to, false, false);
        const districtCode = rng.pick(BAC_LIEU_PRE_2025_DISTRICTS).code;
        const committee = committeeOf(districtCode);
        const swap = (x: string) => (x === ALLIANCE ? BAC_LIEU_ALLIANCE : x === DPI ? BAC_LIEU_DPI : x.startsWith("UBND ") ? committee : x.replace("tỉnh Cà Mau", "tỉnh Bạc Liêu"));
        classes.push({
          ...c,
          title: c.title.replace(/(tại|cấp xã) .*?( năm \d{4})?$/, (_, lead: string, year?: string) => `${lead} ${districtInTitle(districtCode)}${year ?? ""}`),
          organiser: swap(c.organiser),
          coOrganisers: c.coOrganisers.map(swap),
          districtCode,
          communeCode: rng.pick(BAC_LIEU_COMMUNES[districtCode]),
          cooperativeIds: this.attending(rng, c.startDate, districtCode, c.audience, c.participantCount ?? 0),
        });
      }
    }
    return classes;
  }

  /** The new province's classes from 2025-07-01 to HISTORY_TO, in the new communes (no district level). */
  private classesAfterReform(): TrainingClassRow[] {
    const rng = new Random(this.seed, "outreach", "after-reform");
    const classes: TrainingClassRow[] = [];
    const last = dayOf(HISTORY_TO);
    let n = 0;
    for (const [from, to] of [["2025-07-01", "2025-12-31"], ["2026-01-01", "2026-06-30"], ["2026-07-01", "2026-12-31"]] as const) {
      const start = dayOf(from);
      const end = Math.min(dayOf(to), last);
      // Both old provinces' classes, in a half-year that may be cut short by HISTORY_TO.
      const share = (end - start + 1) / (dayOf(to) - start + 1);
      const stateManagement = Math.round(rng.int(8, 16) * share) * this.scale;
      const outreach = Math.round(rng.int(60, 100) * share) * this.scale;
      const cancelled = rng.int(0, 3) * this.scale;
      for (let i = 0; i < stateManagement + outreach + cancelled; i++) {
        const kind = i < stateManagement ? TrainingClassKind.STATE_MANAGEMENT : rng.chance(0.6) ? TrainingClassKind.OUTREACH : TrainingClassKind.VOCATIONAL;
        const day = rng.day(start, end);
        const c = this.heldClass(`after-reform:${n++}`, kind, day, last, false, false);
        const place = newCommunePlace(rng);
        const swap = (x: string) => (x.startsWith("UBND ") ? place.committee : x === DPI ? FINANCE : x);
        const title = c.title.replace(/(tại|cấp xã) .*?( năm \d{4})?$/, (_, lead: string, year?: string) => `${lead} ${place.where}${year ?? ""}`);
        const row: TrainingClassRow = {
          ...c,
          title,
          organiser: swap(c.organiser),
          coOrganisers: c.coOrganisers.map(swap),
          districtCode: null,
          communeCode: place.communeCode,
          cooperativeIds: this.attendingInCommune(rng, c.startDate, place.communeCode, c.audience, c.participantCount ?? 0),
        };
        if (i >= stateManagement + outreach) {
          classes.push({ ...row, participantCount: null, status: TrainingClassStatus.CANCELLED, cancelledOn: isoOf(day - rng.int(1, 10)), cancellationReason: rng.pick(CANCELLATION_REASONS.slice(1)), cooperativeIds: [] });
        } else classes.push(row);
      }
    }
    return classes;
  }

  private attendingInCommune(rng: Random, date: string, communeCode: string, audience: TrainingAudience, participants: number): string[] {
    const candidates = this.pool.activeInNewCommune?.(date, communeCode);
    if (!candidates?.length || audience === TrainingAudience.COMMUNE_OFFICIALS) return [];
    const wanted = audience === TrainingAudience.PUBLIC ? rng.int(0, 3) : rng.int(2, 8);
    return candidates.sample(rng, Math.min(wanted, candidates.length, participants));
  }

  private district(rng: Random): string {
    return rng.weighted(DISTRICT_WEIGHTS);
  }

  private topic(rng: Random, topics: readonly Topic[], date: string): Topic {
    const open = topics.filter((t) => (!t.from || t.from <= date) && (!t.until || date <= t.until));
    return rng.pick(open);
  }

  /**
   * A class held from `start`; its last day is at most `lastEnd`, or exactly `lastEnd` when `straddles`.
   * Without `attendance` its cooperatives are left empty for the caller to fill (or not): drawing
   * them is the last use of the class's own stream, so skipping it changes no other value.
   */
  private heldClass(n: number | string, kind: TrainingClassKind, start: number, lastEnd: number, straddles = false, attendance = true): TrainingClassRow {
    const rng = new Random(this.seed, "class", n);
    const id = rng.uuid();
    const districtCode = this.district(rng);
    const communeCode = rng.pick(COMMUNES[districtCode]);
    const startDate = isoOf(start);
    const where = districtInTitle(districtCode);
    const year = startDate.slice(0, 4);
    let title: string;
    let organiser: string;
    let coOrganisers: string[];
    let audience: TrainingAudience;
    let days: number;
    let participants: number;
    if (kind === TrainingClassKind.STATE_MANAGEMENT) {
      title = `Bồi dưỡng nghiệp vụ quản lý nhà nước về kinh tế tập thể cho cán bộ chủ chốt cấp xã ${where} năm ${year}`;
      organiser = ALLIANCE;
      coOrganisers = [DPI, committeeOf(districtCode)];
      audience = TrainingAudience.COMMUNE_OFFICIALS;
      days = rng.int(1, 3);
      participants = rng.int(35, 80);
    } else if (kind === TrainingClassKind.OUTREACH) {
      const topic = this.topic(rng, OUTREACH_TOPICS, startDate);
      title = `${topic.title} tại ${where}`;
      organiser = rng.chance(0.7) ? ALLIANCE : committeeOf(districtCode);
      coOrganisers = [organiser === ALLIANCE ? committeeOf(districtCode) : ALLIANCE, ...(rng.chance(0.4) ? [rng.pick([DARD, FARMERS, WOMEN, DOIT])] : [])];
      audience = rng.pick(topic.audience);
      days = rng.int(1, 2);
      participants = rng.int(40, 150);
    } else {
      const topic = this.topic(rng, VOCATIONAL_TOPICS, startDate);
      title = `${topic.title} tại ${where}`;
      organiser = ALLIANCE;
      coOrganisers = [rng.pick([DOLISA, EXTENSION, DARD]), committeeOf(districtCode)];
      audience = rng.pick(topic.audience);
      days = rng.int(5, 30);
      participants = rng.int(20, 40);
    }
    const end = straddles ? lastEnd : Math.max(start, Math.min(start + days - 1, lastEnd));
    const cooperativeIds = attendance ? this.attending(rng, startDate, districtCode, audience, participants) : [];
    return {
      id,
      kind,
      title,
      organiser,
      coOrganisers,
      districtCode,
      communeCode,
      startDate,
      endDate: isoOf(end),
      audience,
      participantCount: participants,
      status: TrainingClassStatus.HELD,
      cancelledOn: null,
      cancellationReason: null,
      cooperativeIds,
    };
  }

  private cancelledClass(n: number | string, kind: TrainingClassKind, start: number): TrainingClassRow {
    const held = this.heldClass(n, kind, start, start + 30, false, false);
    const rng = new Random(this.seed, "cancel", n);
    return {
      ...held,
      participantCount: null,
      status: TrainingClassStatus.CANCELLED,
      cancelledOn: isoOf(start - rng.int(1, 10)),
      cancellationReason: rng.pick(CANCELLATION_REASONS),
      cooperativeIds: [],
    };
  }

  /** Cooperatives that sent participants: several for classes meant for cooperatives, a few for public ones. */
  private attending(rng: Random, date: string, districtCode: string, audience: TrainingAudience, participants: number): string[] {
    const candidates = this.pool.activeOn(date, districtCode);
    if (!candidates.length) return [];
    const wanted =
      audience === TrainingAudience.COOPERATIVE_MANAGERS || audience === TrainingAudience.COOPERATIVE_MEMBERS
        ? rng.int(2, 10)
        : audience === TrainingAudience.PUBLIC
          ? rng.int(0, 3)
          : 0; // commune officials come from communes, not cooperatives
    return candidates.sample(rng, Math.min(wanted, candidates.length, participants));
  }

  private publishedFigures(): PublishedFigureRow[] {
    const rng = new Random(this.seed, "published");
    return ARTICLE_PUBLISHED_FIGURES.map((f) => ({
      id: rng.uuid(),
      reportTitle: ARTICLE_REPORT,
      reportReference: null,
      publisher: ARTICLE_PUBLISHER,
      publishedOn: null,
      from: REPORT_FROM,
      to: REPORT_TO,
      figure: f.figure,
      province: f.province ?? null,
      value: f.value,
      note: f.note,
    }));
  }
}

/** The outreach demo dataset for a seed (and scale: 1 is the province), with attendance drawn from a pool of registry cooperatives. */
export function generateOutreach(options: { seed?: number; pool?: CooperativePool; scale?: number } = {}): OutreachDataset {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`outreach seed: scale must be a positive integer, not ${scale}`);
  return new OutreachDataGenerator(options.seed ?? DEFAULT_SEED, options.pool ?? EMPTY_POOL, scale).generate();
}
