// `genesis list intents|types|steps`: what a pipeline may name, read from the catalogues and step schemas it is checked against.
import { parse } from '../args.js';
import type { Io } from '../io.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';

const USAGE = 'genesis list intents|types|steps [--json]';
const WHAT = ['intents', 'types', 'steps'] as const;

export async function listCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, USAGE);
  const what = positionals[0];
  if (!what) throw new InputError(`say what to list: ${WHAT.join(', ')}\nusage: ${USAGE}`);
  if (!(WHAT as readonly string[]).includes(what)) throw new InputError(`cannot list "${what}"${didYouMean(what, [...WHAT])}; choose ${WHAT.join(', ')}\nusage: ${USAGE}`);
  const json = Boolean(values.json);
  const out = what === 'intents' ? await intents(json) : what === 'types' ? await seriesTypes(json) : await stepTypes(json);
  io.stdout(typeof out === 'string' ? out : JSON.stringify(out, null, 2));
  return 0;
}

/** Categories with their intents: `intents:` takes either, and `all`. */
async function intents(json: boolean): Promise<unknown> {
  const { intentCatalogue } = await import('../../steps/generate-conversations/params.js');
  const cat = intentCatalogue();
  const byCategory = cat.categories.map((c) => ({ id: c.id, label: c.label_en, intents: cat.intents.filter((i) => i.category === c.id).map((i) => i.name) }));
  if (json) return byCategory;
  return [
    `${cat.intents.length} intents in ${cat.categories.length} categories (generate/conversations \`intents:\` takes 'all', category ids and intent names):`,
    ...byCategory.map((c) => `${c.id} (${c.label}, ${c.intents.length}): ${c.intents.join(', ')}`),
  ].join('\n');
}

/** Series types by domain: generate/timeseries `types:` and `domains:`. */
async function seriesTypes(json: boolean): Promise<unknown> {
  const { DOMAINS, seriesTypeInfo, typesOfDomain } = await import('../../providers/offline/timeseries/catalogue.js');
  const byDomain = DOMAINS.map((d) => ({ domain: d, types: typesOfDomain(d).map((t) => ({ type: t, unit: seriesTypeInfo(t)?.unit ?? '' })) }));
  if (json) return byDomain;
  return [
    'series types by domain (generate/timeseries `types:` takes type names, `domains:` weights the domains):',
    ...byDomain.map((d) => `${d.domain}: ${d.types.map((t) => `${t.type} (${t.unit})`).join(', ')}`),
  ].join('\n');
}

interface Field {
  name: string;
  type: string;
  default?: unknown;
  description: string;
}

/** Step types with their `with:` fields, from the same JSON Schemas the pipeline is validated against. */
async function stepTypes(json: boolean): Promise<unknown> {
  const { loadStepType, stepTypeNames } = await import('../../steps/registry.js');
  const steps = await Promise.all(
    stepTypeNames().map(async (name) => {
      const t = await loadStepType(name);
      const props = (t.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const fields: Field[] = Object.entries(props).map(([field, p]) => ({ name: field, type: typeOf(p), ...(p.default !== undefined ? { default: p.default } : {}), description: String(p.description ?? '') }));
      return { type: name, description: t.description, with: fields };
    }),
  );
  if (json) return steps;
  const lines: string[] = [];
  for (const s of steps) {
    lines.push(`${s.type} — ${s.description}`);
    if (!s.with.length) lines.push('  (no with: fields)');
    for (const f of s.with) lines.push(`  ${f.name}: ${f.type}${f.default !== undefined ? ` = ${JSON.stringify(f.default)}` : ''}${f.description ? ` — ${f.description}` : ''}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function typeOf(p: Record<string, unknown>): string {
  if (Array.isArray(p.enum)) return p.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (p.type === 'object' && p.properties) return `{${Object.keys(p.properties as object).join(', ')}}`;
  if (typeof p.type === 'string') return p.type;
  if (Array.isArray(p.type)) return p.type.join(' | ');
  const alts = (p.oneOf ?? p.anyOf) as Array<Record<string, unknown>> | undefined;
  if (alts) return alts.map((a) => (a.const !== undefined ? JSON.stringify(a.const) : typeOf(a))).join(' | ');
  return 'any';
}
