/** Trims and NFC-normalises a name, collapsing runs of spaces. */
export function cleanText(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}
