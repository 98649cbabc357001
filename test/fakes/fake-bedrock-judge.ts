// What the fake Bedrock "model" answers to a judge prompt: rubric scores from simple text signals, answered untidily.
import type { Rng } from '../../util/rng.js';
import { detectLanguage } from '../../metrics/language.js';
import { tokenize } from '../../metrics/text.js';
import { loadData } from '../../util/paths.js';

interface JudgedRecord {
  record_id: string;
  intent: string;
  language: string;
  turns: Array<{ speaker: string; text: string }>;
}

/** Records are embedded in judge prompts as `<record>{json}</record>` (see providers/llm/judge-prompt.ts). */
export function recordsInPrompt(text: string): JudgedRecord[] {
  const out: JudgedRecord[] = [];
  for (const m of text.matchAll(/<record>(\{.*?\})<\/record>/g)) {
    try {
      const r = JSON.parse(m[1] as string) as Partial<JudgedRecord>;
      if (typeof r.record_id === 'string') out.push({ record_id: r.record_id, intent: String(r.intent ?? ''), language: String(r.language ?? ''), turns: Array.isArray(r.turns) ? r.turns : [] });
    } catch {
      // A record the fake cannot read goes unanswered, like a model skipping one.
    }
  }
  return out;
}

/** Criteria the prompt's rubric lists (`- realism: …`). */
export function criteriaInPrompt(text: string): string[] {
  return [...text.matchAll(/^- ([a-z_]+): /gm)].map((m) => m[1] as string);
}

// Nonsense tokens: no vowel, or a run of five consonants ("qwrtz", "xkcdfg").
const GIBBERISH = /^[^aeiouyáéíóúü]+$|[bcdfghjklmnpqrstvwxzñ]{5}/i;

let intentWords: Map<string, string[]> | undefined;
/** Word stems of an intent's name and catalogue descriptions: what a conversation about it tends to mention. */
function wordsOf(intent: string): string[] {
  if (!intentWords) {
    intentWords = new Map();
    for (const i of loadData<{ intents: Array<{ name: string; description_en: string; description_es: string }> }>('intents.json').intents) {
      const words = [...i.name.split('_'), ...tokenize(i.description_en), ...tokenize(i.description_es)].filter((w) => w.length >= 4);
      intentWords.set(i.name, [...new Set(words.map((w) => w.slice(0, 5)))]);
    }
  }
  return intentWords.get(intent) ?? [];
}

/** Scores 0–10 per criterion, the way a strict reviewer would react to the same signals. */
export function scoreRecord(r: JudgedRecord): Record<string, number> {
  const tokens = r.turns.flatMap((t) => tokenize(t.text));
  const nonsense = tokens.length === 0 ? 1 : tokens.filter((t) => /\p{L}/u.test(t) && GIBBERISH.test(t)).length / tokens.length;
  const repeated = new Set(r.turns.map((t) => t.text.trim().toLowerCase())).size < r.turns.length;
  const realism = Math.max(0, Math.min(10, Math.round(10 - 30 * nonsense - (repeated ? 3 : 0))));
  const stems = new Set(tokens.map((t) => t.slice(0, 5)));
  const intent_fidelity = wordsOf(r.intent).some((w) => stems.has(w)) ? 9 : 5;
  const decided = r.turns.map((t) => detectLanguage(t.text).language).filter((l) => l !== 'unknown');
  const language = decided.length === 0 ? 7 : Math.round((10 * decided.filter((l) => l === r.language).length) / decided.length);
  return { realism, intent_fidelity, language };
}

export interface JudgeMisbehaviour {
  /** How the "model" writes record ids: as asked, renumbered (1, 2, …), left out, or a mix (default). */
  ids?: 'echo' | 'renumber' | 'omit' | 'mixed';
  /** Probability a reply leaves out one record. */
  fewer?: number;
  /** Probability of prose and a code fence around the JSON (default 0.6: judges like to explain). */
  prose?: number;
}

/** The reply text: one object per record, then what models do to it — ids, a skipped record, prose, loose formats. */
export function answerJudge(text: string, rng: Rng, o: JudgeMisbehaviour = {}): { text: string; records: JudgedRecord[] } {
  const records = recordsInPrompt(text);
  const criteria = criteriaInPrompt(text);
  let out: Array<Record<string, unknown>> = records.map((r) => {
    const all = scoreRecord(r);
    const scores = Object.fromEntries(criteria.map((c) => [c, all[c] ?? 7]));
    const low = Object.entries(scores).sort((a, b) => (a[1] as number) - (b[1] as number))[0];
    const reason = low ? `${low[0]} is the weakest part (${low[1]}/10).` : 'Fine.';
    // Now and then scores come flat and as "8/10" strings, not under `scores`.
    return rng.chance(0.1) ? { record_id: r.record_id, ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, `${v}/10`])), reason } : { record_id: r.record_id, scores, reason };
  });
  if (out.length > 1 && rng.chance(o.fewer ?? 0.1)) out.splice(rng.int(0, out.length - 1), 1);
  const style = o.ids ?? 'mixed';
  const pick = style === 'mixed' ? (rng.chance(0.6) ? 'echo' : rng.chance(0.6) ? 'renumber' : 'omit') : style;
  if (pick === 'renumber') out.forEach((x, i) => (x.record_id = String(i + 1)));
  if (pick === 'omit') out = out.map(({ record_id: _id, ...rest }) => rest);
  const json = JSON.stringify(out, null, 1);
  const reply = rng.chance(o.prose ?? 0.6) ? `I reviewed the ${records.length} records against the rubric.\n\n\`\`\`json\n${json}\n\`\`\`\n\nOverall most records read naturally.` : json;
  return { text: reply, records };
}
