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

// Round 9 (review 2026-12-08 #55): the cues metrics/coherence/negative-label.ts reads, and the generator too (sympathy
// only for a feeling the customer wrote).
const NL = '\\p{L}';
const negRe = (body: string): RegExp => new RegExp(`(?<!${NL})(?:${body})(?!${NL})`, 'iu');

/** A negative cue a reader takes as displeasure or worry in a customer's words. */
export const NEGATIVE_CUE: Record<'en' | 'es', RegExp> = {
  en: negRe("annoy\\p{L}*|frustrat\\p{L}*|fed up|sick of|had enough|ridiculous|unacceptable|disgrace|not happy|unhappy|disappoint\\p{L}*|not impressed|not convinced|not good enough|doesn't (?:really )?help|seriously|on earth|worr\\p{L}*|nervous|anxious|scared|afraid|panick\\p{L}*|stress\\p{L}*|urgent\\p{L}*|asap|third time|again and again|keeps happening|nobody|no one|no-one|still|at my wit's end|furious|livid|ugh|fine\\.|okay, but|expected better|not ideal|shame|pity|waste|wasted|useless|terrible|awful|horrible|hate|got nowhere|can't believe|for ages|wearing thin|what is going on|how is this even allowed|absurd|angry|upset|straight answer|left guessing|not blown away|need help (?:quickly|fast|asap|now)|a pain|irritat\\p{L}*|don't answer|not explained"),
  es: negRe('molest\\p{L}*|frustra\\p{L}*|hart[oa]|el colmo|inaceptable|vergüenza|no hay derecho|decepcionad[oa]|no me hace gracia|no me convence|sin estar convencid[oa]|no me ayuda|no es suficiente|en serio|preocupad[oa]|preocupa|nervios[oa]|miedo|angusti\\p{L}*|urgente|cuanto antes|tercera vez|otra vez|una y otra vez|nadie|sigo|sigue|todavía|aún|furios[oa]|esperaba más|no es lo ideal|qué fastidio|fastidi\\p{L}*|qué pena|lástima|uf|desesper\\p{L}*|alma en vilo|pésim[oa]|horrible|fatal|cansad[oa]|ya no sé qué hacer|no me lo puedo creer|enojad[oa]|enfadad[oa]|falta de respeto|qué pasa con su servicio|cómo puede ser|no lo encuentro|y nada|toda la mañana|buen rato|adivinar|ayuda (?:rápido|cuanto antes|ya)|no es justo|no lo explica|no venga explicado|un rollo|un fastidio'),
};

