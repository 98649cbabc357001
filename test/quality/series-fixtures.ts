// Builds hourly series for time-series quality tests: load with or without a daily cycle, and planted defects.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Series } from '../../util/records.js';
import { createRng } from '../../util/rng.js';

const START = '2012-01-02T00:00:00Z';

/** Hourly load: evening peak, night trough, quieter weekends, AR(1) noise; `cycle: false` keeps only the noise. */
export function loadValues(seed: string | number, hours: number, cycle = true): number[] {
  const rng = createRng(seed, 'load');
  const level = 50 + rng.next() * 500;
  let noise = 0;
  return Array.from({ length: hours }, (_, h) => {
    noise = 0.7 * noise + rng.normal(0, 0.05);
    const hour = h % 24;
    const day = Math.floor(h / 24) % 7;
    const shape = cycle ? 0.7 + 0.3 * Math.sin((2 * Math.PI * (hour - 13)) / 24) + 0.4 * Math.exp(-((hour - 19) ** 2) / 4) : 1;
    const week = cycle && day >= 5 ? 0.9 : 1;
    return Math.max(0, Math.round(level * shape * week * (1 + noise) * 100) / 100);
  });
}

export function loadSeries(n: number, seed: string, cycle = true, hours = 1000): Series[] {
  return Array.from({ length: n }, (_, i) => ({
    series_id: `ts_${seed}_${i}`,
    domain: 'electricity',
    series_type: 'residential_consumption',
    frequency: '1H',
    start: START,
    length: hours,
    target: loadValues(`${seed}-${i}`, hours, cycle),
    unit: 'kWh',
    seasonality_types: cycle ? ['daily', 'weekly'] : [],
    trend_type: 'none',
  }));
}

export function writeSeries(series: readonly Series[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-series-'));
  writeFileSync(join(dir, 'series.jsonl'), series.map((s) => JSON.stringify(s)).join('\n') + '\n');
  return dir;
}

/** A wide CSV `timestamp,mt_000,…` like the real electricity file, from the cycle generator. */
export function writeReferenceCsv(n = 20, hours = 1000): string {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-ref-'));
  const cols = Array.from({ length: n }, (_, i) => loadValues(`ref-${i}`, hours, true));
  const t0 = Date.parse(START);
  const lines = [['timestamp', ...cols.map((_, i) => `mt_${String(i).padStart(3, '0')}`)].join(',')];
  for (let h = 0; h < hours; h++) lines.push([new Date(t0 + h * 3_600_000).toISOString(), ...cols.map((c) => c[h])].join(','));
  const path = join(dir, 'hourly.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
