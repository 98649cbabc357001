// Tokenisation shared by every text metric, so profiles and datasets are measured the same way.

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased word tokens (letters/digits, inner apostrophes kept: "can't"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
