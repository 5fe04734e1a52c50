/** Normalises free text from a form before it is stored: NFC, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}
