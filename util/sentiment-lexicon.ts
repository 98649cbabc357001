// Words that carry a customer's feeling: what a reader takes as warmth or irritation, shared by generator and checks.

/** Irritation a content customer would not write ("Why on earth…?", "seriously", "?!"). */
export const IRRITATED: Record<'en' | 'es', RegExp> = {
  en: /(\bon earth\b|\bseriously\b|\bridiculous\b|\bunacceptable\b|\bfed up\b|\bsick of\b|\bannoy\w*|\bfrustrat\w*|\bugh\b|\bwit'?s end\b|\bfurious\b|\blivid\b|\bdisgrace\b|\bwasted\b|\bnot impressed\b|\bhad enough\b|\?!|!!)/iu,
  es: /((?<!\p{L})((?<!más )de una vez|harto|harta|molest[oa]|desesper\p{L}*|inaceptable|vergüenza|el colmo|furios[oa]|decepcionad[oa]|no hay derecho|falta de respeto|uf)(?!\p{L})|\?!|!!)/iu,
};

/** Warmth: thanks, praise, pleasure. A positive label needs at least one of these in the customer's words. */
export const WARM: Record<'en' | 'es', RegExp> = {
  en: /\b(thanks?|thank you|thx|cheers|appreciat\w*|lov(e|ing)|great|brilliant|awesome|perfect|pleased|happy|glad|impressed|satisf\w*|enjoy\w*|fan of|liked|no complaints|smooth|easy|wonderful|fantastic|amazing|lovely|helpful|excellent|nice|legend|star|seamless|painless|effortless|blown away|useful|made \w+ simple)\b/iu,
  es: /(?<!\p{L})(gracias|graci|agradec\p{L}*|encanta\p{L}*|genial|content[oa]|encantad[oa]|satisfech[oa]|maravilla|perfecto|excelente|estupendo|buenísimo|qué bien|muy bien|me gusta|gustado|no tengo quejas|fenomenal|súper|amables?|de lujo|chido|padrísimo|fantástico|todo bien|grax|guay|increíble|atentos|un encanto|sencillo|cómodo)(?!\p{L})/iu,
};

/**
 * Praise: warmth beyond a polite "thanks" or "ok". The 2026-12-02 review read "Ok thanks", "Sale, gracias" and
 * "Gracias, saludos" as neutral, so a positive label needs one of these in the customer's words.
 */
export const PRAISE: Record<'en' | 'es', RegExp> = {
  en: /\b(appreciat\w*|lov(e|ing|ely)|great|brilliant|awesome|perfect|pleased|happy|glad|impressed|satisf\w*|enjoy\w*|fan of|no complaints|smooth|easy|wonderful|fantastic|amazing|helpful|excellent|the best|seamless|painless|effortless|blown away|pleasure|super|useful)\b/iu,
  es: /(?<!\p{L})(agradec\p{L}*|se agradece|encanta\p{L}*|genial|content[oa]|encantad[oa]|satisfech[oa]|maravill\p{L}*|perfecto|excelente|estupendo|buenísimo|qué bien|me gusta|gustado|no tengo quejas|fenomenal|súper|amables?|de lujo|chido|padrísimo|fantástico|guay|atentos|un encanto|da gusto|muchísim[oa]s?|un montón|lo máximo|qué rápido|útil|clarísimo|sencillo|cómodo|muy bien|buen servicio|trato de siempre)(?!\p{L})/iu,
};
