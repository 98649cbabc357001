// Every sentence a grammar template can write (slots left as {name}), for checks over the whole grammar rather than
// over sampled conversations: a broken alternation that a sample draws once in a thousand is still shipped.
import { compileTemplate, type Node, type Template } from '../../providers/offline/conversations/template.js';
import { loadCategorySources } from '../../providers/offline/conversations/grammar.js';
import { loadData } from '../../util/paths.js';

const CAP = 5000;

function seq(nodes: readonly Node[]): string[] {
  let out = [''];
  for (const n of nodes) {
    const next = typeof n === 'string' ? [n] : 'slot' in n ? [`{${n.slot}}`] : 'alt' in n ? n.alt.flatMap(seq) : [...seq(n.reg[0]), ...seq(n.reg[1])];
    out = out.flatMap((a) => next.map((b) => a + b)).slice(0, CAP);
  }
  return out;
}

/** The sentences a template writes, whitespace collapsed (at most 5,000). */
export function expansions(t: Template): string[] {
  return seq(t).map((s) => s.replace(/\s+/gu, ' ').trim());
}

/** Every string in a JSON value, with its path ("intents.card_linking.en.ask[5]"). */
function* strings(v: unknown, path: string): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, path === '' ? k : `${path}.${k}`);
}

/** Every template of one language in data/grammar (category files and common.json), with where it is. */
export function grammarTemplates(lang: 'en' | 'es'): Array<{ where: string; source: string }> {
  const files: Array<[string, unknown]> = [...loadCategorySources().map((c): [string, unknown] => [`${c.category}.json`, c.intents]), ['common.json', loadData('grammar', 'common.json')]];
  const out: Array<{ where: string; source: string }> = [];
  for (const [file, json] of files) {
    for (const [path, source] of strings(json, '')) {
      const inLang = new RegExp(`(^|\\.)${lang}(\\.|\\[|$)`, 'u').test(path) && !/^slots\./u.test(path);
      // Answer-when patterns are regular expressions, not templates.
      if (inLang && !/\.when$/u.test(path)) out.push({ where: `${file} ${path}`, source });
    }
  }
  return out;
}

export { compileTemplate };
