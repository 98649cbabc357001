// bench/conversations-verbatim.mjs (project rule 5's CI check): made-up train.csv files, never Banking77 itself.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const root = resolve(__dirname, '../..');
const script = join(root, 'bench/conversations-verbatim.mjs');
const cards = JSON.parse(readFileSync(join(root, 'data/grammar/cards.json'), 'utf8')) as {
  intents: Record<string, { en: { ask: string[] } }>;
};
// Picked from the grammar as it is, so the test follows rewordings: a plain ask, and one with a slot and nothing else.
const asks = Object.entries(cards.intents).flatMap(([intent, v]) => v.en.ask.map((t, i) => ({ path: `intents.${intent}.en.ask[${i}]`, t })));
const plain = asks.find((a) => !/[[\]<>{}|]/.test(a.t) && a.t.split(' ').length > 3)!;
const slotted = asks.find((a) => /^[^[\]<>|{}]*\{\w+\}[^[\]<>|{}]*$/.test(a.t))!;
// paraphrase/sets.json swaps "how do I" for "how can I" (and back) in customer turns.
const howDo = asks.find((a) => !/[[\]<>{}|]/.test(a.t) && /^how do i /i.test(a.t))!;

function check(rows: string[], flags: string[] = []): { code: number | null; out: string } {
  const dir = tempDir('genesis-verbatim-');
  const csv = join(dir, 'train.csv');
  writeFileSync(csv, 'text,category\n' + rows.map((r) => `"${r.replace(/"/g, '""')}",some_intent`).join('\n') + '\n');
  const r = spawnSync(process.execPath, [script, csv, ...flags], { encoding: 'utf8', env: { ...process.env, PYTHON: '/nonexistent/python3' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

// Each case runs the whole check in a child process (seconds of CPU; far more on a loaded machine).
describe('verbatim Banking77 check', { timeout: 180_000 }, () => {
  it('exits 0 when no template writes a sentence of the file', () => {
    const r = check(['zebra quartz marmalade', 'Nothing here resembles a bank customer at all.']);
    expect(r.out).toContain('verbatim: 0 expansion(s)');
    expect(r.code).toBe(0);
  });

  it('finds a template written word for word, ignoring case, spacing and the final ?.!', () => {
    const shouted = `  ${plain.t.toUpperCase().replace(/[?.!]+$/, '').replace(/ /g, '   ')}?!`;
    const r = check(['zebra quartz marmalade', shouted]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`cards.json ${plain.path}`);
    expect(r.out).toContain(`template: ${plain.t}`);
    expect(r.out).toMatch(/verbatim: [1-9]\d* expansion\(s\)/);
  });

  it('treats a slot as a wildcard: any value in its place is a collision', () => {
    const filled = slotted.t.replace(/\{\w+\}/, 'Xylo 4242');
    const r = check([filled]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`cards.json ${slotted.path}`);
    expect(r.out).toContain('split unknown');
  });

  it('finds a template that writes the sentence once paraphrase.ts swaps a phrase, unless told --no-paraphrase', () => {
    const swapped = howDo.t.replace(/^how do i /i, 'How can I ');
    const r = check([swapped]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`cards.json ${howDo.path}`);
    expect(r.out).toContain('reached by a paraphrase swap');
    const plainOnly = check([swapped], ['--no-paraphrase']);
    expect(plainOnly.out).toContain('verbatim: 0 expansion(s)');
    expect(plainOnly.code).toBe(0);
  });

  it('exits 2 without a readable file', () => {
    const r = spawnSync(process.execPath, [script, join(tempDir(), 'missing.csv')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });
});
