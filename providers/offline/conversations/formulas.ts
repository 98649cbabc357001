// Agent formulas said once per turn: a turn stitched from parts must not thank, apologise or "see it" twice
// ("Hello, thanks for getting in touch. Thank you!", "Thanks, I can see it now. I can see the last attempt failed").

// Families of stock phrases; two parts of one turn from the same family read as template-stitched (2026-12-02 review).
const FAMILIES: readonly RegExp[] = [
  /(?<!\p{L})(thank|thanks|thx|gracias|agradec\p{L}*)(?!\p{L})/iu,
  /(?<!\p{L})(sorry|apologi[sz]e|lament\p{L}*|siento|disculp\p{L}*|perdón)(?!\p{L})/iu,
  /(?<!\p{L})(i can see|i see|ya lo veo|veo que|veo el|veo la|veo los|veo las)(?!\p{L})/iu,
  /(?<!\p{L})(happy to|glad to|glad i could|happy i could|con gusto|encantad[oa] de|me alegra)(?!\p{L})/iu,
  /(?<!\p{L})(help you|i can help|te ayudo|le ayudo|ayudarte|ayudarle)(?!\p{L})/iu,
];

function families(text: string): number {
  let mask = 0;
  FAMILIES.forEach((re, i) => {
    if (re.test(text)) mask |= 1 << i;
  });
  return mask;
}

/**
 * Drops the optional parts of a turn that repeat a family already said. `core` is the index of the part that must
 * stay (the answer itself): optional parts before it give way to it as well as to each other.
 */
export function dropRepeatedFormulas(parts: readonly string[], core = -1): string[] {
  const coreMask = core >= 0 ? families(parts[core] ?? '') : 0;
  let said = 0;
  return parts.map((p, i) => {
    if (p === '') return p;
    const m = families(p);
    if (i === core) {
      said |= m;
      return p;
    }
    const clash = (m & said) !== 0 || (i < core && (m & coreMask) !== 0);
    if (clash) return '';
    said |= m;
    return p;
  });
}
