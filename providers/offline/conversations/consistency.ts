// Small agreement rules between turns: one waiting time per conversation, and a problem read as a problem.
import { templateText, type Template } from './template.js';

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
