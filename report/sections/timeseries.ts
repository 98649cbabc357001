// The time-series section: one small plot per series type, daily and weekly profiles against the real reference, ACF.
import type { TimeseriesData } from '../gather/timeseries.js';
import { esc } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { heatmap, lines } from './charts.js';

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
  const others = d.types.filter((t) => !electricity.has(t.type));
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const lags = Array.from({ length: Math.max(0, ...d.types.map((t) => t.acf.length)) }, (_, i) => String(i + 1));
  const charts: Chart[] = [
    lines(`${id}-daily`, 'Daily profile, electricity types', withRef(dailyElectric, d.reference.daily), {
      x: 'hour of day (UTC)',
      y: 'level / mean',
      reference: REFERENCE,
      caption: 'Mean value per hour over the series mean, averaged over up to 20 series per type. Dashed black: the real UCI electricity load profile.',
      width: 640,
    }),
    lines(`${id}-weekly`, 'Weekly profile, electricity types', withRef(weeklyElectric, d.reference.weekly, WEEKDAYS), {
      x: 'weekday',
      y: 'level / mean',
      xDomain: WEEKDAYS,
      reference: REFERENCE,
      dots: true,
      width: 640,
      caption: 'Mean value per weekday over the series mean. Dashed black: the real reference.',
    }),
  ];
  // Many types on one set of axes is spaghetti: the other types' daily shapes and every type's ACF are heatmaps.
  if (others.length)
    charts.push(
      heatmap(`${id}-daily-other`, 'Daily profile, other types', others.map((t) => t.type), hours, (r, c) => others.find((t) => t.type === r)?.daily[Number(c)] ?? Number.NaN, {
        text: false,
        cellSize: 18,
        cellWidth: 22,
        xLabel: 'hour of day (UTC)',
        label: 'level / mean',
        scheme: 'viridis',
        domain: [0, 2],
        clamp: true,
        xTicks: ['0', '6', '12', '18', '23'],
        caption: 'Mean value per hour over the series mean (1 is the series mean; 2 or more has the brightest colour).',
      }),
    );
  if (lags.length)
    charts.push(
      heatmap(`${id}-acf`, 'Autocorrelation by type', d.types.map((t) => t.type), lags, (r, c) => d.types.find((t) => t.type === r)?.acf[Number(c) - 1] ?? Number.NaN, {
        text: false,
        cellSize: 18,
        cellWidth: 3.5,
        xLabel: 'lag (points)',
        label: 'ACF',
        scheme: 'rdbu',
        domain: [-1, 1],
        xTicks: ['1', '24', '48', '72', '96', '120', '144', '168'].filter((l) => Number(l) <= lags.length),
        caption: 'Mean sample autocorrelation at lags 1…168 over up to 20 series per type: daily seasonality shows as stripes every 24 points, a week at 168.',
      }),
    );
  const drawn = charts.filter((c) => c.marks[0]!.data.length > 0);
  const html = `<p class="lead">${d.count.toLocaleString('en')} series of ${d.types.length} types at frequency ${esc(d.frequency)}.</p>
<h3>One series per type</h3>
<div class="multiples">${multiples.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>
<h3>Profiles and autocorrelation</h3>
<div class="grid">${drawn.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>`;
  return { id, title: `Time series (${stepId})`, html, charts: [...multiples, ...drawn], headline: [{ label: 'series', value: d.count.toLocaleString('en') }] };
}
