import { Resvg } from "@resvg/resvg-js";
import { formatNumber } from "../domain/vietnameseNumbers";
import { DraftFigures } from "../figures/reportFigures";
import { FONT_BOLD, FONT_FAMILY, FONT_REGULAR } from "./fonts";

const WIDTH = 800;
const HEIGHT = 400;
const PLOT = { left: 70, right: 730, top: 50, bottom: 330 };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil((value * 1.1) / magnitude) * magnitude;
}

/** The main series as an SVG: cooperatives as bars (left axis), members as a line (right axis). */
export function seriesChartSvg(series: DraftFigures["series"]): string {
  const cooperativesMax = niceMax(Math.max(...series.map((s) => s.cooperativeCount)));
  const membersMax = niceMax(Math.max(...series.map((s) => s.memberCount)));
  const plotWidth = PLOT.right - PLOT.left;
  const plotHeight = PLOT.bottom - PLOT.top;
  const slot = plotWidth / series.length;
  const y = (value: number, max: number) => PLOT.bottom - (value / max) * plotHeight;
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${WIDTH / 2}" y="28" font-size="18" font-weight="bold" text-anchor="middle">Số HTX và số thành viên qua các kỳ</text>`);
  for (let i = 0; i <= 4; i++) {
    const gy = PLOT.bottom - (i / 4) * plotHeight;
    parts.push(`<line x1="${PLOT.left}" y1="${gy}" x2="${PLOT.right}" y2="${gy}" stroke="#dddddd"/>`);
    parts.push(`<text x="${PLOT.left - 6}" y="${gy + 4}" font-size="11" text-anchor="end" fill="#1f5fa8">${formatNumber((cooperativesMax * i) / 4, 0)}</text>`);
    parts.push(`<text x="${PLOT.right + 6}" y="${gy + 4}" font-size="11" fill="#c0392b">${formatNumber((membersMax * i) / 4, 0)}</text>`);
  }
  series.forEach((s, i) => {
    const x = PLOT.left + slot * i + slot * 0.2;
    const top = y(s.cooperativeCount, cooperativesMax);
    parts.push(`<rect x="${x}" y="${top}" width="${slot * 0.6}" height="${PLOT.bottom - top}" fill="#1f5fa8"/>`);
    parts.push(`<text x="${x + slot * 0.3}" y="${top - 4}" font-size="11" text-anchor="middle" fill="#1f5fa8">${formatNumber(s.cooperativeCount)}</text>`);
    parts.push(`<text x="${PLOT.left + slot * (i + 0.5)}" y="${PLOT.bottom + 18}" font-size="11" text-anchor="middle">${escapeXml(s.label)}</text>`);
  });
  const points = series.map((s, i) => `${PLOT.left + slot * (i + 0.5)},${y(s.memberCount, membersMax)}`).join(" ");
  parts.push(`<polyline points="${points}" fill="none" stroke="#c0392b" stroke-width="3"/>`);
  series.forEach((s, i) => parts.push(`<circle cx="${PLOT.left + slot * (i + 0.5)}" cy="${y(s.memberCount, membersMax)}" r="4" fill="#c0392b"/>`));
  parts.push(`<rect x="${PLOT.left}" y="${HEIGHT - 36}" width="14" height="14" fill="#1f5fa8"/><text x="${PLOT.left + 20}" y="${HEIGHT - 24}" font-size="12">Số HTX (trục trái)</text>`);
  parts.push(`<rect x="${PLOT.left + 220}" y="${HEIGHT - 31}" width="14" height="4" fill="#c0392b"/><text x="${PLOT.left + 240}" y="${HEIGHT - 24}" font-size="12">Số thành viên (trục phải)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">${parts.join("")}</svg>`;
}

/** The chart as a PNG, drawn by resvg with the embedded font (no system font needed). */
export function seriesChartPng(series: DraftFigures["series"]): Buffer {
  const resvg = new Resvg(seriesChartSvg(series), {
    font: { fontFiles: [FONT_REGULAR, FONT_BOLD], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "width", value: WIDTH },
  });
  return Buffer.from(resvg.render().asPng());
}

export const CHART_SIZE = { width: WIDTH, height: HEIGHT };
