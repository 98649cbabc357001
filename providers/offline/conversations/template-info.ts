// What a compiled template says, computed once per template: its text, the facts it states, and its tone.
import { IRRITATED, WARM } from '../../../util/sentiment-lexicon.js';
import { factsOf, type Facts } from './facts.js';
import { templateText, type Template } from './template.js';

export interface TemplateInfo {
  facts: Facts;
  irritated: boolean;
  warm: boolean;
}

// Templates live for the whole process (the grammar is compiled once), so per-conversation filters stay cheap.
const cache = new WeakMap<Template, TemplateInfo>();

/** A template belongs to one language, so its tone is cached with the language of its first use. */
export function templateInfo(t: Template, lang: 'en' | 'es'): TemplateInfo {
  let i = cache.get(t);
  if (!i) {
    const text = templateText(t);
    i = { facts: factsOf(text), irritated: IRRITATED[lang].test(text), warm: WARM[lang].test(text) };
    cache.set(t, i);
  }
  return i;
}

// Filtered lists, kept per source list: the same intent's asks are filtered for thousands of conversations.
const calm = new WeakMap<readonly Template[], Template[]>();

/** The templates without irritation ("Where on earth…?"), for customers who are not unhappy. */
export function calmOnly(ts: readonly Template[], lang: 'en' | 'es'): Template[] {
  let out = calm.get(ts);
  if (!out) calm.set(ts, (out = ts.filter((t) => !templateInfo(t, lang).irritated)));
  return out;
}
