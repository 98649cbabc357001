// Dialect leakage: a word or turn of phrase that belongs to the other variety of the same language
// (es-MX "vale", "coche"; es-ES "sin costo", "quedo atenta"; en-US "cash machine", "cheers").

// Each list names forms a reader of that locale would flag as foreign; regional doublets both sides use are left out.
const FOREIGN: Record<string, RegExp> = {
  'es-MX': /(?<!\p{L})(vale(?! la pena)|coches?|vosotros|os (?:lo|la)|ordenador|m[oó]vil(?:es)?|se me ha olvidado|hazte|sobre las \d|guay|mola)(?!\p{L})/iu,
  'es-ES': /(?<!\p{L})(sin costo|quedo atent[oa]|ubicar|okey|como a las \d|ahorita|celular(?:es)?|platicar|checar|chido|padrísimo|órale|qué onda)(?!\p{L})|(?:^|[.!?¡]\s*)listo(?=[,.!]|$)/imu,
  'en-US': /\b(cash machines?|pocket money|cheers|nice one|lovely|sorted|post ?code|in the post|mum|fortnight|whilst|apologis\w*)\b/iu,
  'en-GB': /\b(checking account|zip ?code|in the mail|mom|apologiz\w*)\b/iu,
};

/** The first foreign form in a conversation of `dialect`, with its turn, or undefined. */
export function dialectLeak(turns: ReadonlyArray<{ text: string }>, dialect: string | undefined): string | undefined {
  const re = dialect === undefined ? undefined : FOREIGN[dialect];
  if (!re) return undefined;
  for (const t of turns) {
    const m = re.exec(t.text);
    if (m) return `"${m[0]}" in ${dialect}: ${t.text}`;
  }
  return undefined;
}
