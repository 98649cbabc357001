// Mistakes in `with:` found at analysis, located: zero weights, normalized weights (a warning), every unknown intent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

const gen = (withLines: string) => `name: a
steps:
  generate:
    uses: generate/conversations
    with:
      count: 10
${withLines}
`;

describe('analysis of generate/conversations', () => {
  it('all-zero weights are a located error before anything runs', async () => {
    const file = writePipeline(gen('      languages: { en: 0, es: 0 }'));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:7:18: error: `languages`: every weight is 0, so nothing can be drawn/);
  });

  it('weights that do not sum to 1 are a located warning saying how they were normalized; the run goes on', async () => {
    const file = writePipeline(gen('      sentiment: { positive: 1, neutral: 1, negative: 2 }'));
    const v = await runCli(['validate', file]);
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(/pipeline\.yaml:7:18: warning: `sentiment` weights sum to 4, not 1: they are used as relative weights, normalized to positive 0\.25, neutral 0\.25, negative 0\.5/);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: `sentiment` weights sum to 4/);
    const again = await runCli(['run', file]); // the cached pipeline still warns
    expect(again.stderr).toMatch(/pipeline\.yaml:7:18: warning: `sentiment` weights sum to 4/);
  });

  it('reports every unknown intent, each at its list item', async () => {
    const file = writePipeline(gen('      intents: [card_arival, cards, lost_my_wallet]'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:7:17: error: unknown intent or category 'card_arival'; did you mean 'card_arrival'\?/);
    expect(r.stderr).toMatch(/pipeline\.yaml:7:37: error: unknown intent or category 'lost_my_wallet'/);
    expect(r.stderr).toMatch(/^2 errors$/m);
  });
});

describe('example pipelines on a fresh clone', () => {
  it('customer-service.yaml says in its first lines which file it needs and where to get it', () => {
    const text = readFileSync(resolve(__dirname, '../../pipelines/customer-service.yaml'), 'utf8');
    const header = text.slice(0, text.indexOf('\nname:')).split('\n').slice(0, 4).join('\n');
    expect(header).toMatch(/NEEDS/);
    expect(header).toContain('../../shared/datasets/banking77/train.csv');
    expect(header).toMatch(/https:\/\/github\.com\/PolyAI-LDN\/task-specific-datasets/);
    expect(header).toMatch(/delete the `evaluate_on:` line/);
  });
});
