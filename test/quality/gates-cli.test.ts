// Gates through `genesis run`: a gate on a metric that could not be measured fails with the reason; an observed
// category the targets do not expect is a high-severity bias finding, not a perfect fit.
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';
import { makeConversations, writeDataset } from './fixtures.js';

const pipeline = (step: string) => `name: gates
seed: 7
steps:
  check:
${step}`;

describe('gates through the CLI', () => {
  it('fails a realism gate on an all-Spanish dataset (English reference) and says why', async () => {
    const dir = writeDataset(makeConversations().filter((c) => c.language === 'es'));
    const file = writePipeline(pipeline('    uses: validate/conversations\n    with: { input: conversations.jsonl, gates: { realism: 0.5 } }\n'), dir);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/realism not measured \(no conversation in the reference's language \(en\); the dataset's \d+ conversations: es \d+\): gate realism 0\.500 cannot be checked/);
  });

  it('still passes a realism gate the data meets', async () => {
    const dir = writeDataset(makeConversations());
    const file = writePipeline(pipeline('    uses: validate/conversations\n    with: { input: conversations.jsonl, gates: { realism: 0.1 } }\n'), dir);
    const r = await runCli(['run', file]);
    expect(r.stdout + r.stderr).not.toMatch(/not measured/);
    expect(r.code).toBe(0);
  });

  it('flags Spanish conversations when the targets expect English only (one expected category, df 0)', async () => {
    const dir = writeDataset(makeConversations(), false);
    const file = writePipeline(
      pipeline('    uses: bias/conversations\n    with: { input: conversations.jsonl, fields: [language], crosstabs: [], targets: { language: { en: 1 } }, gates: { max_severity: medium } }\n'),
      dir,
    );
    const r = await runCli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/max severity high > max_severity medium \(high: language=en is 4\d\.\d% vs 100\.0% expected \(p < 1e-6\)\)/);
  });

  it('fails an intent coverage gate that cannot be measured because intent is not analysed', async () => {
    const dir = writeDataset(makeConversations(), false);
    const file = writePipeline(pipeline('    uses: bias/conversations\n    with: { input: conversations.jsonl, fields: [language], crosstabs: [], gates: { coverage_min: 1 } }\n'), dir);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/coverage not measured \(`intent` is not among `fields`\): gate coverage_min 1\.000 cannot be checked/);
  });
});
