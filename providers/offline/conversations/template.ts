// Phrase templates: compiled once into trees, then rendered many times with a seeded RNG.
import type { Rng } from '../../../util/rng.js';

/**
 * Syntax (kept tiny so grammar authors can write it by hand):
 *   [a|b|c]   one alternative, nestable; an empty alternative makes the group optional
 *   {slot}    a slot value bound once per conversation (amount, merchant, date…)
 *   <x|y>     register choice: x for informal "tú", y for formal "usted" (Spanish; English uses x)
 */
export type Node = string | SlotNode | AltNode | RegNode;
interface SlotNode { readonly slot: string }
interface AltNode { readonly alt: readonly Node[][] }
interface RegNode { readonly reg: readonly [Node[], Node[]] }
export type Template = readonly Node[];

export interface RenderScope {
  rng: Rng;
  slot(name: string): string;
  /** 0 = tú/informal, 1 = usted/formal. */
  register: 0 | 1;
}

export class TemplateSyntaxError extends Error {}

export function compileTemplate(source: string): Template {
  let pos = 0;
  const parseSeq = (terminators: string): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos] as string;
      if (terminators.includes(ch)) break;
      if (ch === '[' || ch === '<') {
        flush();
        pos++;
        const close = ch === '[' ? ']' : '>';
        const alts: Node[][] = [parseSeq(`|${close}`)];
        while (source[pos] === '|') {
          pos++;
          alts.push(parseSeq(`|${close}`));
        }
        if (source[pos] !== close) throw new TemplateSyntaxError(`unclosed '${ch}' in template: ${source}`);
        pos++;
        if (ch === '[') out.push({ alt: alts });
        else {
          if (alts.length !== 2) throw new TemplateSyntaxError(`<tú|usted> needs exactly two forms: ${source}`);
          out.push({ reg: [alts[0] as Node[], alts[1] as Node[]] });
        }
      } else if (ch === '{') {
        flush();
        const end = source.indexOf('}', pos);
        if (end < 0) throw new TemplateSyntaxError(`unclosed '{' in template: ${source}`);
        out.push({ slot: source.slice(pos + 1, end) });
        pos = end + 1;
      } else if (ch === ']' || ch === '>' || ch === '|' || ch === '}') {
        throw new TemplateSyntaxError(`stray '${ch}' at ${pos} in template: ${source}`);
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return out;
  };
  const seq = parseSeq('');
  if (pos !== source.length) throw new TemplateSyntaxError(`stray '${source[pos]}' at ${pos} in template: ${source}`);
  return seq;
}

function renderInto(nodes: readonly Node[], scope: RenderScope, out: string[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') out.push(n);
    else if ('slot' in n) out.push(scope.slot(n.slot));
    else if ('alt' in n) renderInto(scope.rng.pick(n.alt), scope, out);
    else renderInto(n.reg[scope.register], scope, out);
  }
}

/** Renders a template and tidies the spacing that optional groups leave behind. */
export function renderTemplate(t: Template, scope: RenderScope): string {
  const out: string[] = [];
  renderInto(t, scope, out);
  return tidy(out.join(''));
}

// Most strings need none of these repairs: one test decides before any replace allocates (tidy ran on every render).
const NEEDS_SPACING = /\s\s|[\t\n\r]|\s[,.?!;:]|[¿¡]\s|^\s|\s$/;
const NEEDS_PUNCT = /,[.?!]|^[,.;]/;
// A slot value that brings its own preposition after a template that has one ("Both are $60 on on June 10").
const DOUBLED = /(?<!\p{L})(on|in|the|el|en|de|la) \1(?!\p{L})/giu;

export function tidy(s: string): string {
  let r = s;
  if (NEEDS_SPACING.test(r)) r = r.replace(/\s+/g, ' ').replace(/\s+([,.?!;:])/g, '$1').replace(/([¿¡])\s+/g, '$1').trim();
  if (NEEDS_PUNCT.test(r)) r = r.replace(/,([.?!])/g, '$1').replace(/^[,.;]\s*/, '');
  DOUBLED.lastIndex = 0;
  if (DOUBLED.test(r)) r = r.replace(DOUBLED, '$1');
  return capitalize(r);
}

export function capitalize(s: string): string {
  const m = /^([¿¡"']*)(\p{Ll})/u.exec(s);
  if (!m) return s;
  return (m[1] ?? '') + (m[2] as string).toUpperCase() + s.slice(m[0].length);
}

/** Number of distinct strings a template can produce, ignoring slots (for diversity reports). */
export function templateVariants(t: Template): number {
  let total = 1;
  for (const n of t) {
    if (typeof n === 'string' || 'slot' in n) continue;
    if ('alt' in n) total *= n.alt.reduce((s, a) => s + templateVariants(a), 0);
    else total *= Math.max(templateVariants(n.reg[0]), templateVariants(n.reg[1]));
  }
  return total;
}

/** Every slot a template can mention, in any alternative (used to keep the agent to facts already given). */
export function templateSlots(t: Template, out: Set<string> = new Set()): Set<string> {
  for (const n of t) {
    if (typeof n === 'string') continue;
    if ('slot' in n) out.add(n.slot);
    else if ('alt' in n) for (const a of n.alt) templateSlots(a, out);
    else for (const a of n.reg) templateSlots(a, out);
  }
  return out;
}

/** Every literal word a template can produce, alternatives joined by " | " and slots as {name}: enough to test it for a word. */
// Compiled templates live as long as the grammar, and the filters ask for the same ones' text on every turn (5 % of
// generation time before this cache, measured with --cpu-prof on 10,000 conversations).
const texts = new WeakMap<Template, string>();

export function templateText(t: Template): string {
  const known = texts.get(t);
  if (known !== undefined) return known;
  const text = t
    .map((n) => (typeof n === 'string' ? n : 'slot' in n ? `{${n.slot}}` : ('alt' in n ? n.alt : n.reg).map(templateText).join(' | ')))
    .join('');
  texts.set(t, text);
  return text;
}

/**
 * Joins sentence fragments: a part that follows a comma or an open clause ("…, but") continues the sentence, so
 * its first word loses the capital its template gave it ("Hola, una consulta, estoy en…"). "I", acronyms and
 * two capitalised words in a row (a name: "Apple Pay") keep theirs.
 */
export function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    if (raw === '') continue;
    let p = raw;
    if (out !== '' && /(,|(?<!\p{L})(but|pero|and|y|so|que))$/u.test(out)) p = continueSentence(p);
    // A fragment without final punctuation ("Cobro doble") ends its sentence before a capitalised one.
    else if (/[\p{L}\p{N}]$/u.test(out) && /^[¿¡]?\p{Lu}/u.test(p)) out += '.';
    out = out === '' ? p : `${out} ${p}`;
  }
  return tidy(out);
}

function continueSentence(s: string): string {
  if (/^[¿¡]?\p{Lu}{2}/u.test(s)) return s; // an acronym (ATM, PIN)
  const m = /^([¿¡]?)(\p{Lu})(\p{Ll}*)(['’]\p{L}+)?(\s+\p{Lu}\p{Ll})?/u.exec(s);
  if (!m || m[5] !== undefined) return s;
  if ((m[2] ?? '') + (m[3] ?? '') === 'I') return s;
  return (m[1] ?? '') + (m[2] as string).toLowerCase() + s.slice((m[1] ?? '').length + 1);
}
