// Negative labels the words do not carry: a conversation labelled negative whose customer never writes displeasure,
// worry or a problem that persists (review 2026-12-08 #55: "¿Por qué no aparece en el saldo el efectivo que
// deposité?" labelled negative).

type T = ReadonlyArray<{ speaker: string; text: string }>;

const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

/** A negative cue a reader takes as displeasure or worry in a customer's words. */
export const NEGATIVE_CUE: Record<'en' | 'es', RegExp> = {
  en: re("annoy\\p{L}*|frustrat\\p{L}*|fed up|sick of|had enough|ridiculous|unacceptable|disgrace|not happy|unhappy|disappoint\\p{L}*|not impressed|not convinced|not good enough|doesn't (?:really )?help|seriously|on earth|worr\\p{L}*|nervous|anxious|scared|afraid|panick\\p{L}*|stress\\p{L}*|urgent\\p{L}*|asap|third time|again and again|keeps happening|nobody|no one|no-one|still|at my wit's end|furious|livid|ugh|fine\\.|okay, but|expected better|not ideal|shame|pity|waste|wasted|useless|terrible|awful|horrible|hate|got nowhere|can't believe|for ages|wearing thin|what is going on|how is this even allowed|absurd|angry|upset|straight answer|left guessing|not blown away|need help (?:quickly|fast|asap|now)|a pain|irritat\\p{L}*|don't answer|not explained"),
  es: re('molest\\p{L}*|frustra\\p{L}*|hart[oa]|el colmo|inaceptable|vergüenza|no hay derecho|decepcionad[oa]|no me hace gracia|no me convence|sin estar convencid[oa]|no me ayuda|no es suficiente|en serio|preocupad[oa]|preocupa|nervios[oa]|miedo|angusti\\p{L}*|urgente|cuanto antes|tercera vez|otra vez|una y otra vez|nadie|sigo|sigue|todavía|aún|furios[oa]|esperaba más|no es lo ideal|qué fastidio|fastidi\\p{L}*|qué pena|lástima|uf|desesper\\p{L}*|alma en vilo|pésim[oa]|horrible|fatal|cansad[oa]|ya no sé qué hacer|no me lo puedo creer|enojad[oa]|enfadad[oa]|falta de respeto|qué pasa con su servicio|cómo puede ser|no lo encuentro|y nada|toda la mañana|buen rato|adivinar|ayuda (?:rápido|cuanto antes|ya)|no es justo|no lo explica|no venga explicado|un rollo|un fastidio'),
};

/** Why the customer's words do not carry a negative label, or undefined (also for other labels). */
export function negativeLabelUnsaid(turns: T, language: string, sentiment: string | undefined): string | undefined {
  if (sentiment !== 'negative') return undefined;
  const lang = language === 'es' ? 'es' : 'en';
  const said = turns.filter((t) => t.speaker === 'customer').map((t) => t.text);
  return said.some((s) => NEGATIVE_CUE[lang].test(s) || /\?!|!!/u.test(s)) ? undefined : `no negative cue: ${said.join(' / ')}`;
}
