// Near-duplicates through `genesis run`: a near-copy is found even when its LSH bucket is led by a text like neither.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashString } from '../../metrics/hash32.js';
import { BANDS, minhashSignature, NUM_HASHES } from '../../metrics/minhash.js';
import { createRng } from '../../util/rng.js';
import { runCli, writePipeline } from '../helpers/cli.js';

const ROWS = NUM_HASHES / BANDS;
const sig = (words: string[]) => Array.from(minhashSignature(Uint32Array.from(words, (w) => hashString(w, 0)), words.length));
const differing = (a: number[], b: number[]) => a.flatMap((v, r) => (v === b[r] ? [] : [r]));

/** Texts L, X, Y: Y is a near-copy of X; every band X and Y share is shared by L too, and L is like neither. */
function craft(): string[][] {
  const rng = createRng(5, 'near-dup-cli');
  const word = () => `x${rng.int(0, 9_999_999)}`;
  const X = Array.from({ length: 100 }, word);
  const sx = sig(X);
  const Y = [...X];
  while (new Set(differing(sx, sig(Y)).map((r) => Math.floor(r / ROWS))).size < 3) {
    const next = [...Y, word()];
    if (differing(sx, sig(next)).length <= 4) Y.push(next.at(-1) as string);
  }
  const yBands = new Set(differing(sx, sig(Y)).map((r) => Math.floor(r / ROWS)));
  const shared = Array.from({ length: NUM_HASHES }, (_, r) => r).filter((r) => !yBands.has(Math.floor(r / ROWS)));
  const L = [...X];
  while (differing(sx, sig(L)).length < 12) {
    const next = [...L, word()];
    const s = sig(next);
    if (shared.every((r) => s[r] === sx[r])) L.push(next.at(-1) as string);
  }
  return [L, X, Y];
}

describe('validate/conversations near-duplicates', () => {
  it('compares a near-copy with every member of its LSH bucket, not only the first', async () => {
    const file = writePipeline('name: near\nseed: 7\nsteps:\n  check:\n    uses: validate/conversations\n    with: { input: conversations.jsonl }\n');
    const lines = craft().map((words, i) =>
      JSON.stringify({ conversation_id: `c${i}`, intent: 'card_arrival', language: 'en', turn_count: 1, turns: [{ speaker: 'customer', text: words.join(' ') }] }));
    writeFileSync(join(dirname(file), 'conversations.jsonl'), lines.join('\n') + '\n');
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    const q = JSON.parse(readFileSync(join(dirname(file), 'out/near/check/quality.json'), 'utf8'));
    expect(q.diversity.near_duplicates).toMatchObject({ documents: 3, near_duplicates: 1, capped: 0 });
    expect(q.diversity.duplicates.duplicates).toBe(0);
  });
});
