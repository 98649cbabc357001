// validate/timeseries: planted defects fail their checks; load without a daily cycle fails the realism gate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import step from '../../steps/validate-timeseries/index.js';
import { GateError } from '../../util/errors.js';
import type { Series } from '../../util/records.js';
import { inputFrom, testContext } from '../helpers/step-context.js';
import { loadSeries, writeReferenceCsv, writeSeries } from './series-fixtures.js';

async function run(series: Series[], params: Record<string, unknown>) {
  const ctx = testContext(params as never, { inputs: [inputFrom(writeSeries(series), 'gen', 'generate/timeseries')] });
  let error: unknown;
  try {
    await step.run(ctx as never);
  } catch (e) {
    error = e;
  }
  return { error, report: JSON.parse(readFileSync(join(ctx.outDir, 'quality.json'), 'utf8')), md: readFileSync(join(ctx.outDir, 'quality.md'), 'utf8') };
}

const reference = writeReferenceCsv();

describe('validate/timeseries realism', () => {
  it.each([
    { name: 'daily-cycle load vs CSV reference', cycle: true, ref: 'csv', fails: null },
    { name: 'load without a daily cycle vs CSV reference', cycle: false, ref: 'csv', fails: /realism 0\.\d+ < realism 0\.700/ },
    { name: 'load without a daily cycle vs shipped profile', cycle: false, ref: 'profile', fails: /realism 0\.\d+ < realism 0\.700/ },
  ])('$name', async ({ cycle, ref, fails }) => {
    const { error, report } = await run(loadSeries(20, 'syn', cycle), { reference: ref === 'csv' ? reference : undefined, gates: { realism: 0.7, consistency: 1 } });
    expect(report.realism.compared_series).toBe(20);
    if (fails) {
      expect(error).toBeInstanceOf(GateError);
      expect((error as Error).message).toMatch(fails);
    } else expect(error).toBeUndefined();
  });

  it('fails a discriminative gate without a CSV reference, saying it needs one', async () => {
    const { error, md } = await run(loadSeries(20, 'syn', true), { gates: { discriminative: 0.5 } });
    expect(error).toBeInstanceOf(GateError);
    expect((error as Error).message).toMatch(/discriminative not measured \(needs a real CSV `reference:` \(the shipped profile holds ranges only\)\): gate discriminative 0\.500 cannot be checked/);
    expect(md).toContain('**FAILED**: discriminative not measured');
  });

  it('a classifier cannot tell same-process series from the reference, but can tell flat ones', async () => {
    const good = await run(loadSeries(20, 'syn', true), { reference });
    const flat = await run(loadSeries(20, 'syn', false), { reference });
    expect(good.report.realism.discriminative).toBeGreaterThan(0.6);
    expect(flat.report.realism.discriminative).toBeLessThan(0.3);
  });
});

const tweak = (f: (s: Series) => Series): Series[] => {
  const s = loadSeries(4, 'defect', true, 200);
  s[0] = f(s[0] as Series);
  return s;
};

describe('validate/timeseries checks', () => {
  it.each([
    { check: 'bounds', series: tweak((s) => ({ ...s, target: s.target.map((v, i) => (i === 5 ? -1 : v)) })) },
    { check: 'bounds', series: tweak((s) => ({ ...s, series_type: 'humidity', target: s.target.map(() => 120) })) },
    { check: 'finite', series: tweak((s) => ({ ...s, target: s.target.map((v, i) => (i === 7 ? (null as unknown as number) : v)) })) },
    { check: 'length', series: tweak((s) => ({ ...s, length: s.length + 24 })) },
    { check: 'frequency', series: tweak((s) => ({ ...s, frequency: 'fortnightly' })) },
    { check: 'night', series: tweak((s) => ({ ...s, series_type: 'solar_generation' })) },
  ])('a broken series fails the $check check and the consistency gate', async ({ check, series }) => {
    const { error, report, md } = await run(series, { gates: { consistency: 1 } });
    expect(report.checks[check].failed).toBe(1);
    expect(error).toBeInstanceOf(GateError);
    expect((error as Error).message).toContain('consistency 0.750 < consistency 1.000');
    expect(md).toContain('**FAILED**');
  });
});
