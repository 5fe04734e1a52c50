import path from "node:path";

/** DejaVu Sans (from its npm package): every Vietnamese letter and tone mark, embeddable in PDF. */
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const FONT_REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
export const FONT_BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");
export const FONT_FAMILY = "DejaVu Sans";
