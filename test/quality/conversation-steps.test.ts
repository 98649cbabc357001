// validate/conversations and bias/conversations on planted defects: each defect fails its gate, clean data passes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import biasStep from '../../steps/bias-conversations/index.js';
import validateStep from '../../steps/validate-conversations/index.js';
import { GateError } from '../../util/errors.js';
import { inputFrom, testContext } from '../helpers/step-context.js';
import { makeConversations, writeDataset, type FixtureOptions } from './fixtures.js';

const qualityGates = { duplicates_max: 0.01, near_duplicates_max: 0.02, consistency: 0.99, completeness: 0.99 };
const biasGates = { max_severity: 'medium' as const, coverage_min: 1.0 };

async function runStep(step: typeof validateStep | typeof biasStep, fixture: FixtureOptions, params: Record<string, unknown>) {
  const dir = writeDataset(makeConversations(fixture));
  const ctx = testContext(params as never, { inputs: [inputFrom(dir, 'gen', 'generate/conversations')] });
  let error: unknown;
  try {
    await step.run(ctx as never);
  } catch (e) {
    error = e;
  }
  return { ctx, error };
}

describe('validate/conversations gates', () => {
  it.each([
    { name: '10 % duplicates', fixture: { duplicateRate: 0.1 }, fails: /duplicates 0\.1\d\d > duplicates_max 0\.010/ },
    { name: 'agent speaks first', fixture: { agentFirst: true }, fails: /consistency 0\.000 < consistency 0\.990/ },
    { name: 'clean balanced dataset', fixture: {}, fails: null },
  ])('$name', async ({ fixture, fails }) => {
    const { ctx, error } = await runStep(validateStep, fixture, { gates: qualityGates });
    // The report is written even when a gate fails, so the user can read why.
    expect(existsSync(join(ctx.outDir, 'quality.json'))).toBe(true);
    expect(readFileSync(join(ctx.outDir, 'quality.md'), 'utf8')).toContain('# Quality report: 770 conversations');
    if (fails) {
      expect(error).toBeInstanceOf(GateError);
      expect((error as Error).message).toMatch(fails);
    } else expect(error).toBeUndefined();
  });

  it('reports a balanced dataset as fully on target and flags the agent-first check by name', async () => {
    const { ctx } = await runStep(validateStep, { agentFirst: true }, {});
    const q = JSON.parse(readFileSync(join(ctx.outDir, 'quality.json'), 'utf8'));
    expect(q.distribution_vs_target.score).toBeGreaterThan(0.99);
    expect(q.consistency.checks.customer_first.rate).toBe(1);
    expect(q.consistency.checks.alternation.rate).toBe(0);
    expect(q.consistency.checks.language.rate).toBe(0);
  });

  it('writes byte-identical reports for the same data and seed', async () => {
    const a = await runStep(validateStep, {}, {});
    const b = await runStep(validateStep, {}, {});
    expect(readFileSync(join(a.ctx.outDir, 'quality.json'), 'utf8')).toBe(readFileSync(join(b.ctx.outDir, 'quality.json'), 'utf8'));
  });
});

describe('bias/conversations gates', () => {
  it.each([
    { name: 'all Spanish conversations negative', fixture: { spanishNegative: true }, fails: /sentiment depends on language: language=es has sentiment=negative 100\.0%/ },
    { name: '20 intents missing', fixture: { dropIntents: 20 }, fails: /coverage 0\.740 < coverage_min 1\.000/ },
    { name: 'clean balanced dataset', fixture: {}, fails: null },
  ])('$name', async ({ fixture, fails }) => {
    const { ctx, error } = await runStep(biasStep, fixture, { gates: biasGates });
    expect(existsSync(join(ctx.outDir, 'bias.json'))).toBe(true);
    expect(readFileSync(join(ctx.outDir, 'bias.md'), 'utf8')).toContain('# Bias report: 770 conversations');
    if (fails) {
      expect(error).toBeInstanceOf(GateError);
      expect((error as Error).message).toMatch(fails);
    } else expect(error).toBeUndefined();
  });

  it('marks the language × sentiment cross-tab high when Spanish is all negative', async () => {
    const { ctx } = await runStep(biasStep, { spanishNegative: true }, {});
    const r = JSON.parse(readFileSync(join(ctx.outDir, 'bias.json'), 'utf8'));
    const f = r.findings.find((x: { kind: string; rows_field?: string; cols_field?: string }) => x.kind === 'crosstab' && x.rows_field === 'language' && x.cols_field === 'sentiment');
    expect(f.severity).toBe('high');
    expect(f.chi_square.p_value).toBeLessThan(1e-6);
  });
});
