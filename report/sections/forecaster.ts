// The forecaster section: MASE and sMAPE per series against seasonal naive, and one forecast over actuals.
import type { ForecasterData } from '../gather/forecaster.js';
import { esc, num } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { lines } from './charts.js';

export function forecasterSection(stepId: string, d: ForecasterData): Section {
  const id = `fc-${stepId}`;
  const m = d.metrics;
  const per = m.per_series.filter((s) => Number.isFinite(s.ridge_mase) && Number.isFinite(s.seasonal_naive_mase));
  const max = Math.max(1, ...per.flatMap((s) => [s.ridge_mase, s.seasonal_naive_mase]));
  const charts: Chart[] = [
    {
      id: `${id}-mase`,
      title: 'MASE per series: ridge against seasonal naive',
      caption: 'Each dot is a series; below the diagonal the ridge model beats the seasonal naive forecast. Lower is better.',
      plot: { width: 420, height: 400, x: { domain: [0, max], label: 'seasonal naive MASE', grid: true }, y: { domain: [0, max], label: 'ridge MASE', grid: true } },
      marks: [
        { mark: 'line', data: [{ x: 0, y: 0 }, { x: max, y: max }], options: { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '4,3' } },
        { mark: 'dot', data: per, options: { x: 'seasonal_naive_mase', y: 'ridge_mase', fill: 'steelblue', r: 3, tip: true, channels: { series: 'id', sMAPE: 'ridge_smape' } } },
      ],
    },
  ];
  if (d.example) {
    const e = d.example;
    const rows = e.actual.map((y, i) => ({ x: e.start + i, y, series: 'actual' }));
    const from = e.start + e.actual.length - e.naive.length;
    rows.push(...e.naive.map((y, i) => ({ x: from + i, y, series: 'seasonal naive' })));
    if (e.ridge) rows.push(...e.ridge.map((y, i) => ({ x: from + i, y, series: 'ridge' })));
    charts.push(
      lines(`${id}-example`, `Forecast of the last ${m.horizon} points of ${e.id}`, rows, {
        x: 'point',
        width: 640,
        caption: 'Forecasts made from the points before the held-out tail. The saved ridge model was refitted on whole series, so its tail here is in-sample; the scores above are held-out.',
      }),
    );
  }
  const html = `<p class="lead">${esc(m.model)} over ${m.series} series, horizon ${m.horizon}: MASE <b>${num(m.mean.mase)}</b> (seasonal naive ${num(m.mean.seasonal_naive_mase)}), sMAPE <b>${num(
    m.mean.smape,
  )}</b> (seasonal naive ${num(m.mean.seasonal_naive_smape)}); ridge beats seasonal naive on ${m.ridge_beats_seasonal_naive} of ${m.series} series.</p>
<div class="grid">${charts.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>`;
  return { id, title: `Forecaster (${stepId})`, html, charts, headline: [{ label: 'MASE (seasonal naive)', value: `${num(m.mean.mase)} (${num(m.mean.seasonal_naive_mase)})`, bad: (m.mean.mase ?? 0) > (m.mean.seasonal_naive_mase ?? Infinity) }] };
}
