// The intent-consistency rule: a conversation is off-intent when its intent is not in a classifier's top-k.
import { normalizeIntent } from '../../metrics/text-profile.js';

/** The first customer turn's text, what the classifier is asked about ('' when there is none). */
export function firstCustomerText(rec: Record<string, unknown>): string {
  const turns = Array.isArray(rec.turns) ? (rec.turns as Array<{ speaker?: unknown; text?: unknown }>) : [];
  const t = turns.find((x) => x !== null && typeof x === 'object' && x.speaker === 'customer');
  return typeof t?.text === 'string' ? t.text : '';
}

/** Per text, undefined when `intents[i]` is in the model's top k, else why not ("card_arrival not in top 3: a 0.61, …"). */
export async function offIntent(modelPath: string, texts: readonly string[], intents: readonly string[], topK: number): Promise<{ verdicts: Array<string | undefined>; unknown: string[] }> {
  // The ML code is heavy: loaded only when the rule is on.
  const { readTextClassifierFile } = await import('../../ml/model-file.js');
  const { predictProba } = await import('../../ml/text-classifier.js');
  const model = readTextClassifierFile(modelPath);
  const known = new Set(model.labels.map(normalizeIntent));
  const unknown = [...new Set(intents.filter((i) => !known.has(normalizeIntent(i))))].sort();
  const ranked = predictProba(model, texts, topK);
  const verdicts = ranked.map((top, i) => {
    const want = normalizeIntent(intents[i] as string);
    if (top.some((r) => normalizeIntent(r.label) === want)) return undefined;
    return `${intents[i]} not in top ${topK}: ${top.map((r) => `${r.label} ${r.p.toFixed(2)}`).join(', ')}`;
  });
  return { verdicts, unknown };
}
