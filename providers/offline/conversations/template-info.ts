// What a compiled template says, computed once per template: its text, the facts it states, and its tone.
import { IRRITATED, WARM } from '../../../util/sentiment-lexicon.js';
import { factsOf, type Facts } from './facts.js';
import { KNOWN_EVENT } from './acts.js';
import { templateText, type Template } from './template.js';

export interface TemplateInfo {
  facts: Facts;
  irritated: boolean;
  warm: boolean;
  /** Voices worry ("which worries me", "me preocupa"): not a positive customer's words. */
  worried: boolean;
  /** Reports an event the customer knows the cause of ("Me lo robaron"): no confused opener before it. */
  knownEvent: boolean;
  /** Offers to explain ("Happy to explain", "te lo aclaro"): an answer to a question or a confusion only. */
  explains: boolean;
}

const EXPLAINS = /(explain|clear that up|walk you through|glad you asked|great question|explico|aclaro|buena pregunta|paso a paso)/iu;

const WORRIED: Record<'en' | 'es', RegExp> = {
  en: /\b(worr(?:y|ies|ied|ying)|nervous|anxious|scared|afraid|panick\w*|stress\w*)\b/iu,
  es: /(?<!\p{L})(preocup\p{L}*|nervios\p{L}*|miedo|asustad\p{L}*|angusti\p{L}*|inquiet\p{L}*)(?!\p{L})/iu,
};

/** Whether a text voices worry ("I'm worried", "estoy nerviosa"): what "I feel better now" presupposes. */
export const voicesWorry = (text: string, lang: 'en' | 'es'): boolean => WORRIED[lang].test(text);

// Giving up on the bank: no positive or neutral customer says it (review 2026-12-07 #33, "I'm done with this service").
const FED_UP: Record<'en' | 'es', RegExp> = {
  en: /\b(done with (?:this|you)|had it with|never again|worst (?:bank|service|app))\b/iu,
  es: /(?<!\p{L})(no quiero saber nada|me tienen hart\p{L}|nunca más|el peor (?:banco|servicio))(?!\p{L})/iu,
};

// Templates live for the whole process (the grammar is compiled once), so per-conversation filters stay cheap.
const cache = new WeakMap<Template, TemplateInfo>();

/** A template belongs to one language, so its tone is cached with the language of its first use. */
export function templateInfo(t: Template, lang: 'en' | 'es'): TemplateInfo {
  let i = cache.get(t);
  if (!i) {
    const text = templateText(t);
    i = { facts: factsOf(text), irritated: IRRITATED[lang].test(text) || FED_UP[lang].test(text), warm: WARM[lang].test(text), worried: WORRIED[lang].test(text), knownEvent: KNOWN_EVENT[lang].test(text), explains: EXPLAINS.test(text) };
    cache.set(t, i);
  }
  return i;
}

// Filtered lists, kept per source list: the same intent's asks are filtered for thousands of conversations.
const calm = new WeakMap<readonly Template[], Template[]>();
const serene = new WeakMap<readonly Template[], Template[]>();

/**
 * The templates without irritation ("Where on earth…?"), for customers who are not unhappy; `unworried` also drops
 * worry ("I'm worried somebody could get in"), for positive ones, when the intent has asks without it.
 */
export function calmOnly(ts: readonly Template[], lang: 'en' | 'es', unworried = false): Template[] {
  let out = calm.get(ts);
  if (!out) calm.set(ts, (out = ts.filter((t) => !templateInfo(t, lang).irritated)));
  if (!unworried) return out;
  let s = serene.get(ts);
  if (!s) {
    const kept = out.filter((t) => !templateInfo(t, lang).worried);
    serene.set(ts, (s = kept.length > 0 ? kept : out));
  }
  return s;
}
