// The quick start's generate + validate steps, through the CLI: its 1,000 conversations pass the coherence gates.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli, tempDir } from '../helpers/cli.js';

const quickstart = parse(readFileSync(resolve(__dirname, '../../pipelines/quickstart.yaml'), 'utf8')) as { steps: Record<string, unknown> };

describe('quick start coherence gates', () => {
  it('passes foreign_followup, locale, register, positive-reply and closing gates, and reports them', async () => {
    const dir = tempDir();
    const pipeline = { ...quickstart, steps: { generate: quickstart.steps.generate, validate: quickstart.steps.validate } };
    const gates = (quickstart.steps.validate as { with: { gates: Record<string, number> } }).with.gates;
    expect(Object.keys(gates)).toEqual(expect.arrayContaining(['foreign_followup_max', 'locale_mismatch_max', 'register_switch_max', 'positive_reply_to_negative_max', 'top_closing_share_max', 'distinct_closings']));
    writeFileSync(join(dir, 'p.yaml'), stringify(pipeline));
    const r = await runCli(['run', join(dir, 'p.yaml'), '--json']);
    expect(r.stderr).not.toMatch(/gate failed/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { steps: Array<{ id: string; metrics?: Record<string, number> }> };
    expect(report.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['generate', 'validate']));
  }, 120_000);
});
