// Loads a realism reference: the shipped Banking77 profile, a profile JSON, a CSV (text,category) or conversations JSONL.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../util/errors.js';
import { loadData } from '../util/paths.js';
import { readCsv, readJsonl } from '../util/tabular.js';
import { checkInputFile } from '../util/input-file.js';
import { conversationProblem } from '../util/record-checks.js';
import { tokenize } from './text.js';
import { profileFromTexts, TextProfileBuilder, type TextProfile } from './text-profile.js';

export async function loadReferenceProfile(path: string | undefined): Promise<TextProfile> {
  if (path === undefined || path === 'banking77') return loadData<TextProfile>('profiles', 'banking77.json');
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    checkInputFile(path, 'reference');
    let p: TextProfile;
    try {
      p = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, '')) as TextProfile;
    } catch (e) {
      throw new InputError(`${path}: error: the reference is not valid JSON: ${(e as Error).message}`);
    }
    if (p.format !== 'genesis-text-profile/1') throw new InputError(`${path}: error: not a genesis text profile (format genesis-text-profile/1)`);
    return p;
  }
  if (ext === '.csv') {
    const rows = await readCsv(path, 'reference');
    if (rows.length > 0 && (!('text' in (rows[0] as object)) || !('category' in (rows[0] as object))))
      throw new InputError(`${path}: error: a reference CSV needs columns text,category`);
    return profileFromTexts(rows.map((r) => ({ text: r.text ?? '', intent: r.category ?? '' })), path);
  }
  const b = new TextProfileBuilder();
  for await (const c of readJsonl<Record<string, unknown>>(path, { what: 'reference', check: conversationProblem })) {
    const turns = Array.isArray(c.turns) ? (c.turns as Array<{ speaker?: unknown; text?: unknown }>) : [];
    const customer = turns.filter((t) => t.speaker === 'customer' && typeof t.text === 'string').map((t) => ({ text: t.text as string, tokens: tokenize(t.text as string) }));
    b.add(String(c.intent ?? ''), customer, c.language === 'es' ? 'es' : 'en');
  }
  return b.build(path);
}
