// Pipelines the report tests run once per file: conversations (two registered versions), a failed gate, series with a forecaster.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

const conversations = (count: number) => `name: conv
seed: 5
steps:
  generate:
    uses: generate/conversations
    with: { count: ${count}, languages: { en: 0.5, es: 0.5 } }
  validate: { uses: validate/conversations, needs: [generate], with: { gates: { overall: 0.5 } } }
  bias: { uses: bias/conversations, needs: [generate], with: { gates: { max_severity: high } } }
  train: { uses: train/intent-classifier, needs: [generate], with: { text_from: first_customer_turn } }
  register: { uses: register/dataset, needs: [generate, validate, bias, train], with: { name: conv-data } }
`;

/** Runs the conversations pipeline twice (160 then 200 conversations): two registered versions. */
export async function conversationsRun(): Promise<string> {
  const file = writePipeline(conversations(160));
  const first = await runCli(['run', file, '-q']);
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(file, readFileSync(file, 'utf8').replace('count: 160', 'count: 200'));
  const second = await runCli(['run', file, '-q']);
  expect(second.code, second.stderr).toBe(0);
  return file;
}

/** A validate gate no dataset passes: the run fails at validate and register never runs. */
export async function failedGateRun(): Promise<string> {
  const file = writePipeline(`name: strict
steps:
  generate: { uses: generate/conversations, with: { count: 60 } }
  validate: { uses: validate/conversations, needs: [generate], with: { gates: { overall: 0.999 } } }
`);
  const r = await runCli(['run', file, '-q']);
  expect(r.code, r.stderr).toBe(1);
  return file;
}

export async function seriesRun(): Promise<string> {
  const file = writePipeline(`name: series
seed: 3
steps:
  generate:
    uses: generate/timeseries
    with: { count: 24, length: 504, frequency: 1H, start: "2024-01-01T00:00:00Z" }
  validate: { uses: validate/timeseries, needs: [generate] }
  forecast: { uses: train/forecaster, needs: [generate], with: { horizon: 24 } }
`);
  const r = await runCli(['run', file, '-q']);
  expect(r.code, r.stderr).toBe(0);
  return file;
}
