import { kindOf, Period, periodName } from "../domain/periods";
import { areaUnitName, territoryName } from "../domain/territory";
import { DraftFigures } from "../figures/reportFigures";

/** Officers' narrative sections of a draft, by section. */
export interface Narrative {
  difficulties: string;
  nextTasks: string;
}

/** Where the chart goes in a draft: the exports put the picture there, the HTML links it. */
export const CHART_IMAGE_SOURCE = "chart.png";

/** Names of the published figures, as a report's reconciliation table lists them. */
const PUBLISHED_FIGURE_NAMES: Record<string, string> = {
  COOPERATIVE_COUNT: "Số HTX",
  COOPERATIVE_GROUP_COUNT: "Số tổ hợp tác",
  MEMBER_COUNT: "Số thành viên",
  UNION_COUNT: "Số Liên hiệp HTX",
  UNION_MEMBER_COOPERATIVE_COUNT: "HTX thành viên của Liên hiệp",
  NEW_COOPERATIVE_COUNT: "HTX thành lập mới",
  STATE_MANAGEMENT_CLASS_COUNT: "Lớp bồi dưỡng QLNN về KTTT",
  OUTREACH_CLASS_COUNT: "Lớp tuyên truyền, truyền nghề",
  NEW_ALLIANCE_MEMBER_COUNT: "Thành viên mới của Liên minh",
  TRADE_PROMOTION_SUPPORTED_COOPERATIVE_COUNT: "HTX được hỗ trợ xúc tiến thương mại",
  FUNDED_PROJECT_COUNT: "Dự án được Quỹ hỗ trợ vốn",
};

const RATING_NAMES: Record<string, string> = { GOOD: "Tốt", FAIR: "Khá", AVERAGE: "Trung bình", WEAK: "Yếu" };

function dayMonthYear(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** "cùng kỳ năm 2020" for a half-year or other dates; "năm 2020" for a year. */
function samePeriodName(period: Period, lastYear: Period): string {
  return kindOf(period) === "YEAR" ? periodName(lastYear) : `cùng kỳ năm ${lastYear.from.slice(0, 4)}`;
}

/**
 * The values a template sees: the figures as read from the graph and the names of the periods
 * and units. Templates choose wording only; every number they print comes from here.
 */
export function draftValues(figures: DraftFigures, narrative: Narrative): Record<string, unknown> {
  const { period } = figures;
  return {
    period: { name: periodName(period), from: dayMonthYear(period.from), to: dayMonthYear(period.to), kind: kindOf(period), year: Number(period.from.slice(0, 4)) },
    territory: { code: figures.territory, name: territoryName(figures.territory, period) },
    areaUnit: areaUnitName(period),
    current: figures.current,
    lastYear: { name: samePeriodName(period, figures.samePeriodLastYear.period), period: periodName(figures.samePeriodLastYear.period), figures: figures.samePeriodLastYear.figures },
    previous: { name: periodName(figures.previousPeriod.period), figures: figures.previousPeriod.figures },
    bySector: figures.bySector,
    byArea: figures.byArea,
    ratings: figures.ratings.map((r) => ({ ...r, name: r.rating ? (RATING_NAMES[r.rating] ?? r.rating) : "Chưa xếp loại" })),
    fund: figures.fund,
    tradePromotionByProvince: figures.tradePromotionByProvince,
    published: figures.published.map((p) => ({ ...p, name: `${PUBLISHED_FIGURE_NAMES[p.figure] ?? p.figure}${p.province ? ` (${p.province})` : ""}` })),
    series: figures.series,
    narrative,
    chart: `![Số HTX và thành viên qua các kỳ](${CHART_IMAGE_SOURCE})`,
  };
}
