// distinct-n through `genesis run`: n-grams seen before and after the switch from exact counting to HyperLogLog count once.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng.js';
import { runCli, writePipeline } from '../helpers/cli.js';

describe('validate/conversations distinct-n across the exact → HyperLogLog switch', () => {
  it('reports distinct-3 ≈ 0.5 for 300k distinct trigrams each seen twice', async () => {
    // 10,000 one-turn conversations of 32 random words (30 trigrams each, 300k in all, past the 200k exact cap),
    // then the same 10,000 again: every trigram is counted once before the switch and met again after it.
    const rng = createRng(11, 'distinct-cli');
    const texts = Array.from({ length: 10_000 }, () => Array.from({ length: 32 }, () => `w${rng.int(0, 999_999)}`).join(' '));
    const line = (text: string, i: number) =>
      JSON.stringify({ conversation_id: `c${i}`, intent: 'card_arrival', language: 'en', turn_count: 1, turns: [{ speaker: 'customer', text }] });
    const file = writePipeline('name: distinct\nseed: 7\nsteps:\n  check:\n    uses: validate/conversations\n    with: { input: conversations.jsonl }\n');
    writeFileSync(join(dirname(file), 'conversations.jsonl'), [...texts, ...texts].map(line).join('\n') + '\n');
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    const q = JSON.parse(readFileSync(join(dirname(file), 'out/distinct/check/quality.json'), 'utf8'));
    expect(q.diversity.distinct_estimated).toBe(true);
    expect(q.diversity.distinct_3).toBeGreaterThan(0.485);
    expect(q.diversity.distinct_3).toBeLessThan(0.515);
  }, 60_000);
});
