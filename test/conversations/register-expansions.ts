// Every sentence a Spanish template of common.json or the paraphrase sets writes in one register (tú or usted), for
// checks over whole expansions: "<Escríbenos|Escríbanos> … y menciona" slips only in the formal one (review 2026-12-08 #76).
import { compileTemplate, type Node } from '../../providers/offline/conversations/template.js';
import { loadData } from '../../util/paths.js';

const CAP = 2000;

function seq(nodes: readonly Node[], register: 0 | 1): string[] {
  let out = [''];
  for (const n of nodes) {
    const next = typeof n === 'string' ? [n] : 'slot' in n ? [`{${n.slot}}`] : 'alt' in n ? n.alt.flatMap((a) => seq(a, register)) : seq(n.reg[register], register);
    out = out.flatMap((a) => next.map((b) => a + b)).slice(0, CAP);
  }
  return out;
}

function* strings(v: unknown, path: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, path === '' ? k : `${path}.${k}`);
}

/** Each expansion, in each register, of the agent-facing templates of one language in common.json and paraphrase/. */
export function expansionsIn(lang: 'es'): Array<{ where: string; register: 0 | 1; text: string }> {
  const sources: Array<[string, unknown]> = [['common.json', (loadData('grammar', 'common.json') as Record<string, unknown>)[lang]], ['paraphrase/sets.json', (loadData('grammar', 'paraphrase', 'sets.json') as Record<string, unknown>)[lang]]];
  const out: Array<{ where: string; register: 0 | 1; text: string }> = [];
  for (const [file, json] of sources) {
    for (const [path, source] of strings(json, '')) {
      if (/\.when$/u.test(path)) continue;
      const t = compileTemplate(source);
      for (const register of [0, 1] as const) for (const text of new Set(seq(t, register))) out.push({ where: `${file} ${path}`, register, text: text.replace(/\s+/gu, ' ').trim() });
    }
  }
  return out;
}
