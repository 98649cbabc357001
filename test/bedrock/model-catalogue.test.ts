// data/models.json: valid against its schema, consistent (replacements exist and are current), and read right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { lookupModel, modelCatalogue, resolveBedrockOptions, retirementWarning } from '../../providers/bedrock/options.js';

const root = join(__dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

describe('model catalogue', () => {
  it('matches schemas/models.schema.json, every entry with a public source', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(read('schemas/models.schema.json'));
    const ok = validate(read('data/models.json'));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('names replacements that are in the catalogue and not retired themselves', () => {
    for (const [id, m] of Object.entries(modelCatalogue())) {
      if (!m.replacement) continue;
      const r = lookupModel(m.replacement);
      expect(r, `${id} → ${m.replacement}`).toBeDefined();
      expect(r!.retired_after, `${id} → ${m.replacement}`).toBeUndefined();
    }
  });

  it('prices batch at or below on-demand and cache reads below input, for every entry', () => {
    for (const [id, m] of Object.entries(modelCatalogue())) {
      if (m.batch) expect(m.batch_input_per_1k!, id).toBeLessThanOrEqual(m.input_per_1k);
      if (m.cache_read_per_1k !== undefined) expect(m.cache_read_per_1k, id).toBeLessThan(m.input_per_1k);
    }
  });

  it.for([
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 1024],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 4096],
    ['eu.anthropic.claude-opus-4-5-20251101-v1:0', 4096],
    ['us.amazon.nova-pro-v1:0', 1000],
    ['global.amazon.nova-2-lite-v1:0', 1000],
  ] as const)('knows current model %s, its batch and cache prices', ([id, minTokens]) => {
    const m = lookupModel(id)!;
    expect(m).toBeDefined();
    expect(m.cache_min_tokens).toBe(minTokens);
    const o = resolveBedrockOptions({ name: 'p', type: 'bedrock', options: { model: id, region: 'us-east-1' } }, {});
    expect(o.cache).toEqual({ readPer1k: m.cache_read_per_1k, writePer1k: m.cache_write_per_1k, minTokens });
  });

  it('prices a geographic Claude 4.5 profile 10 % above the global one', () => {
    const g = lookupModel('global.anthropic.claude-sonnet-4-5-20250929-v1:0')!;
    const us = lookupModel('us.anthropic.claude-sonnet-4-5-20250929-v1:0')!;
    expect(us.input_per_1k).toBeCloseTo(g.input_per_1k * 1.1, 12);
    expect(us.batch_output_per_1k).toBeCloseTo(us.output_per_1k / 2, 12);
  });

  it('keeps the 2024 ids with their retirement data', () => {
    for (const id of ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'anthropic.claude-3-sonnet-20240229-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'us.amazon.nova-pro-v1:0']) {
      expect(lookupModel(id), id).toBeDefined();
    }
    expect(lookupModel('us.anthropic.claude-3-5-sonnet-20241022-v2:0')!.retired_after).toBe('2026-03-01');
  });

  it('warns about a model only after its last day, naming the replacement', () => {
    const id = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';
    expect(retirementWarning(id, new Date('2026-03-01T23:59:00Z'))).toBeUndefined();
    expect(retirementWarning(id, new Date('2026-03-02T00:00:00Z'))).toMatch(/retired by AWS after 2026-03-01: requests to it fail; use "us\.anthropic\.claude-sonnet-4-5-20250929-v1:0"/);
    expect(retirementWarning('us.anthropic.claude-sonnet-4-5-20250929-v1:0', new Date('2030-01-01'))).toBeUndefined();
    expect(retirementWarning('acme.unknown-v1:0')).toBeUndefined();
  });

  it('turns caching off with cache: false and leaves it off for models without cache prices', () => {
    const opts = (model: string, extra = {}) => resolveBedrockOptions({ name: 'p', type: 'bedrock', options: { model, region: 'us-east-1', ...extra } }, {});
    expect(opts('us.anthropic.claude-sonnet-4-5-20250929-v1:0', { cache: false }).cache).toBeUndefined();
    expect(opts('anthropic.claude-3-haiku-20240307-v1:0').cache).toBeUndefined();
    expect(opts('us.anthropic.claude-3-5-sonnet-20241022-v2:0').cache).toBeUndefined();
  });
});
