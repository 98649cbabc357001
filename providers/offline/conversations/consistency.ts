// Small agreement rules between turns: one waiting time per conversation, and a problem read as a problem.
import { templateText, type Template } from './template.js';
import type { CompiledLang } from './grammar.js';
import { actionsSettle, amountAsMoved, doubtsOwnAction, lineHedges, type CardAction } from '../../../util/settled-facts.js';

const DAYS = /(\d+)(?:[–-]\d+)? (?:working |business )?(?:days|días)/gu;

/** Day counts a text states ("15 days", "10 días hábiles"). */
function dayCounts(text: string): Set<string> {
  return new Set([...text.matchAll(DAYS)].map((m) => m[1] as string));
}

const figures = new WeakMap<Template, Set<string>>();

/** Whether the answer `t` gives a number of days the agent has not given, after the agent gave another one. */
export function otherDays(agentSaid: string, t: Template): boolean {
  let mine = figures.get(t);
  if (!mine) figures.set(t, (mine = dayCounts(templateText(t))));
  if (mine.size === 0) return false;
  const said = dayCounts(agentSaid);
  if (said.size === 0) return false;
  return [...mine].some((d) => !said.has(d));
}

// What a customer writes when something went wrong, even under an intent that is a how-to question.
const PROBLEM: Record<'en' | 'es', RegExp> = {
  en: /\b(can'?t|cannot|won'?t|doesn'?t work|didn'?t work|not working|isn'?t working|declined|rejected|failed|fails|failing|keeps? failing|stopped working|wrong|missing|lost|stolen|blocked)\b/iu,
  es: /(?<!\p{L})(no (me )?(deja|funciona|puedo|llega|llegó|aparece)|rechaz\p{L}*|fall\p{L}*|perd[ií]\p{L}*|robaron|bloquead[oa])(?!\p{L})/iu,
};

export function reportsProblem(text: string, lang: 'en' | 'es'): boolean {
  return PROBLEM[lang].test(text);
}

// A question about what would happen, not about what did (review 2026-12-07, #11: "If I top up with a US card, will I
// be charged? The top up was £1,050."): it has no event behind it, so no amount, date or time of one.
const HYPOTHETICAL: Record<'en' | 'es', RegExp> = {
  en: /(?<!\p{L})(?:if I|what if|what happens if|suppose I|would I|will I be charged|is there a (?:fee|charge)|how much does it cost|what does it cost|do you charge|are there (?:any )?fees|is (?:it|topping up[^?]*) free)(?!\p{L})/iu,
  es: /(?<!\p{L})(?:si (?:recargo|pago|mando|envío|uso|saco|cambio|transfiero|meto)|¿y si|qué pasa si|¿hay (?:alguna )?comisión|¿cuánto cuesta|¿cobran|¿es gratis|¿tiene (?:algún )?costo)(?!\p{L})/iu,
};
// What makes a question report an event after all: "I topped up £50 by card and got less, is there a charge?".
const PAST_EVENT: Record<'en' | 'es', RegExp> = {
  en: /(?<!\p{L})(?:I (?:was|got|have been|'ve been|topped|added|tried|paid|sent|made|received|used|bought|withdrew|took|transferred|ordered)|was there|did I|there was|yesterday|today|ago|last (?:week|month)|\d)(?!\p{L})/iu,
  es: /(?<!\p{L})(?:me cobraron|recargué|pagué|mandé|envié|usé|saqué|intenté|cambié|transferí|metí|hubo|ayer|hoy|hace|la semana pasada|\d)(?!\p{L})/iu,
};

/** Whether an ask is about what would happen (a cost, a possibility), with no event of the customer's in it. */
export function hypotheticalAsk(ask: string, lang: 'en' | 'es'): boolean {
  return HYPOTHETICAL[lang].test(ask) && !PAST_EVENT[lang].test(ask);
}

/** What the conversation has settled so far: the customer's words, the amounts asked about as a ceiling, what the agent did. */
export interface Settled {
  /** What the customer's words settled (util/settled-facts.ts customerSettles). */
  said: number;
  ceilings: readonly string[];
  did: ReadonlySet<CardAction>;
}

const hedgeCache = new WeakMap<Template, number>();

/**
 * Whether an agent template hedges on or undoes what is settled (util/settled-facts.ts): a conditional the
 * customer's words answered, a ceiling amount read as the amount to move (`valueOf` gives the customer's value of a
 * slot the line uses), a doubt about the card state the agent itself set.
 */
export function hedgesOnSettled(s: Settled, t: Template, slots: ReadonlySet<string>, valueOf: (slot: string) => string | undefined): boolean {
  let h = hedgeCache.get(t);
  if (h === undefined) hedgeCache.set(t, (h = lineHedges(templateText(t))));
  if ((h & (s.said | actionsSettle(s.did))) !== 0) return true;
  if (s.ceilings.length === 0) return false;
  for (const slot of slots) {
    const v = valueOf(slot);
    if (v !== undefined && s.ceilings.includes(v) && amountAsMoved(templateText(t), `{${slot}}`)) return true;
  }
  return false;
}

/** The closing pools without the lines that doubt or undo the agent's own card action ("You can freeze or unfreeze…"). */
export function closingsAfter(L: CompiledLang, category: string, did: ReadonlySet<CardAction>): CompiledLang {
  if (did.size === 0) return L;
  const keep = (ts: readonly Template[]): Template[] => {
    const out = ts.filter((t) => doubtsOwnAction(did, templateText(t)) === undefined);
    return out.length > 0 ? out : [...ts];
  };
  const recap = L.closeRecap.get(category);
  return { ...L, closeRecap: recap ? new Map([[category, keep(recap)]]) : L.closeRecap, closeOffer: keep(L.closeOffer) };
}
