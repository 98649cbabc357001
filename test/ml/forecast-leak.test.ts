// train/forecaster refuses weekly_lag < horizon at analysis: the week-ago feature of a late target would be a held-out value.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitRidgeForecaster } from '../../ml/forecast.js';
import { runCli, writePipeline } from '../helpers/cli.js';

const pipeline = (extra: string) => `name: fc
seed: 7
steps:
  forecast:
    uses: train/forecaster
    with:
      input: hourly.csv
${extra}`;

function writeCsv(dir: string): void {
  const lines = ['timestamp,a'];
  for (let t = 0; t < 24 * 21; t++) lines.push(`${new Date(Date.UTC(2024, 0, 1) + t * 3_600_000).toISOString()},${100 + Math.round(30 * Math.sin((2 * Math.PI * t) / 24))}`);
  writeFileSync(join(dir, 'hourly.csv'), lines.join('\n') + '\n');
}

describe('train/forecaster weekly_lag vs horizon', () => {
  it.each([
    { extra: '      horizon: 24\n      weekly_lag: 12\n', at: /pipeline\.yaml:9:19: error: weekly_lag 12 is shorter than horizon 24/ },
    { extra: '      horizon: 48\n      weekly_lag: 47\n', at: /pipeline\.yaml:9:19: error: weekly_lag 47 is shorter than horizon 48/ },
  ])('refuses $extra at the weekly_lag line, before running', async ({ extra, at }) => {
    const file = writePipeline(pipeline(extra));
    writeCsv(dirname(file));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(at);
    expect(r.stderr).toMatch(/held-out values\); use weekly_lag ≥ horizon, or 0 to turn it off/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['      horizon: 24\n      weekly_lag: 24\n', '      horizon: 24\n      weekly_lag: 0\n'])('accepts %j', async (extra) => {
    const file = writePipeline(pipeline(extra));
    writeCsv(dirname(file));
    const r = await runCli(['run', file]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  it('the library refuses it too', () => {
    const s = { id: 'a', values: Array.from({ length: 500 }, (_, t) => Math.sin(t)) };
    expect(() => fitRidgeForecaster([s], { horizon: 24, weekly_lag: 12 })).toThrow(/weekly_lag 12 < horizon 24/);
  });
});
