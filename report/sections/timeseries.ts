// The time-series section: one small plot per series type, daily and weekly profiles against the real reference, ACF.
import type { TimeseriesData } from '../gather/timeseries.js';
import { esc } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { lines } from './charts.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const REFERENCE = 'real electricity (reference)';

export function timeseriesSection(stepId: string, d: TimeseriesData): Section {
  const id = `ts-${stepId}`;
  const multiples: Chart[] = d.types.map((t, i) =>
    lines(
      `${id}-m${i}`,
      `${t.type} (${t.domain}, ${t.series} series)`,
      t.example.values.map((y, j) => ({ x: (j * t.example.step) / 24, y, series: t.example.id })),
      { small: true, width: 300, height: 150, x: 'day', caption: `${t.example.id}, first two weeks` },
    ),
  );
  // Electricity types are compared with the real reference; the others are shown for their own shape.
  const withRef = (rows: Array<{ x: number | string; y: number; series: string }>, ref: number[], labels?: string[]) => [
    ...rows,
    ...ref.map((y, i) => ({ x: labels ? labels[i]! : i, y, series: REFERENCE })),
  ];
  const profile = (key: 'daily' | 'weekly', labels?: string[]) =>
    d.types.flatMap((t) => t[key].filter(Number.isFinite).map((y, i) => ({ x: labels ? labels[i]! : i, y, series: t.type })));
  const electricity = new Set(d.types.filter((t) => t.domain === 'electricity').map((t) => t.type));
  const dailyElectric = profile('daily').filter((r) => electricity.has(r.series));
  const weeklyElectric = profile('weekly', WEEKDAYS).filter((r) => electricity.has(r.series));
  const charts: Chart[] = [
    lines(`${id}-daily`, 'Daily profile, electricity types', withRef(dailyElectric, d.reference.daily), {
      x: 'hour of day (UTC)',
      y: 'level / mean',
      caption: 'Mean value per hour over the series mean, averaged over up to 20 series per type; the reference is the real UCI electricity load profile.',
      width: 640,
    }),
    lines(`${id}-weekly`, 'Weekly profile, electricity types', withRef(weeklyElectric, d.reference.weekly, WEEKDAYS), {
      x: 'weekday',
      y: 'level / mean',
      xDomain: WEEKDAYS,
      dots: true,
      width: 640,
    }),
    lines(`${id}-daily-other`, 'Daily profile, other types', profile('daily').filter((r) => !electricity.has(r.series)), { x: 'hour of day (UTC)', y: 'level / mean', width: 640 }),
    lines(
      `${id}-acf`,
      'Autocorrelation by type',
      d.types.flatMap((t) => t.acf.map((y, i) => ({ x: i + 1, y, series: t.type }))),
      { x: 'lag (points)', y: 'ACF', zero: true, width: 640, caption: 'Mean sample autocorrelation at lags 1…168 (a day is 24, a week 168 points at hourly frequency).' },
    ),
  ].filter((c) => c.marks[0]!.data.length > 0);
  const html = `<p class="lead">${d.count.toLocaleString('en')} series of ${d.types.length} types at frequency ${esc(d.frequency)}.</p>
<h3>One series per type</h3>
<div class="multiples">${multiples.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>
<h3>Profiles and autocorrelation</h3>
<div class="grid">${charts.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>`;
  return { id, title: `Time series (${stepId})`, html, charts: [...multiples, ...charts] };
}
