// Dialect leakage: a word or turn of phrase that belongs to the other variety of the same language
// (es-MX "vale", "coche", "caducidad", "el terminal"; es-ES "sin costo", "retiro", "ya lo intenté", "ya envié"; en-US
// "cash machine", "sort code", "Hiya", "on holiday").

// Each list names forms a reader of that locale would flag as foreign; regional doublets both sides use are left out
// (-ize is also British, Oxford spelling: en-GB does not flag "recognize"; en-US does flag "recognise").
const FOREIGN: Record<string, RegExp> = {
  'es-MX': /(?<!\p{L})(vale(?! la pena)|coches?|vosotros|os (?:lo|la)|ordenador|m[oó]vil(?:es)?|se me ha olvidado|hazte|sobre las \d|guay|mola|no hay derecho|carn[ée]t? de conducir|meter billetes|caducidad|añadir dinero|el terminal|alquiler de (?:vehículos|coches))(?!\p{L})|\d,\d{1,2} ?%/iu,
  'es-ES': /(?<!\p{L})(sin costo|quedo atent[oa]|ubicar|okey|como a las \d|ahorita|celular(?:es)?|platicar|checar|chido|padrísimo|órale|qué onda|retiros?|tasa de cambio|costos?|rentar|renta de autos|declinaron|buena tarde|regresé|que quedó resuelto|mi contador|ya (?:(?:lo|la|me|se) )?(?:intenté|escalé|cerré|envié|revisé|pasé|bloqueé|hice))(?!\p{L})|(?:^|[.!?¡]\s*)listo(?=[,.!]|$)/imu,
  'en-US': /\b(cash machines?|pocket money|cheers|nice one|lovely|sorted|post ?code|in the post|mum|fortnight|whilst|apologis\w*|working days?|chip and PIN|mandates?|Direct Debit Guarantee|(?:un)?authoris\w*|recognis\w*|finalis\w*|brilliant|hiya|sort code|my mobile|speak soon|on holiday|stop (?:this|it) happening)\b/iu,
  'en-GB': /\b(checking account|zip ?code|in the mail|mom|apologiz\w*|business days?)\b/iu,
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
