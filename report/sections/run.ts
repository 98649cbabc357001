// The run section: a timeline of the latest run's steps (ran / cached / failed), tokens and cost per step, earlier runs.
import type { RunData } from '../gather/run.js';
import { esc, table } from '../html/escape.js';
import type { Chart, Section } from '../types.js';

const STATUS_COLOURS: Record<string, string> = { ran: '#2ca02c', cached: '#9edae5', failed: '#d62728', interrupted: '#ff7f0e', skipped: '#c7c7c7', blocked: '#c7c7c7', stopped: '#ff7f0e' };

export function runSection(pipelineName: string, d: RunData): Section {
  const id = 'run';
  if (!d.latest) return { id, title: 'The run', html: '<p class="note">No run recorded.</p>', charts: [] };
  const statuses = [...new Set(d.steps.map((s) => s.status))];
  const rows = d.steps.map((s) => ({ ...s, start: s.startMs / 1000, end: (s.startMs + Math.max(s.durationMs, 1)) / 1000, seconds: s.durationMs / 1000 }));
  const charts: Chart[] = [
    {
      id: `${id}-timeline`,
      title: 'Timeline of the latest run',
      caption: 'Durations as recorded; each step is drawn from when its last need finished (the scheduler starts ready steps at once).',
      plot: {
        width: 720,
        height: 50 + rows.length * 22,
        marginLeft: 110,
        x: { label: 'seconds since the run started', grid: true },
        y: { domain: rows.map((r) => r.stepId), label: null },
        color: { domain: statuses, range: statuses.map((s) => STATUS_COLOURS[s] ?? '#7f7f7f'), legend: true },
      },
      marks: [
        { mark: 'barX', data: rows, options: { y: 'stepId', x1: 'start', x2: 'end', fill: 'status', tip: true, channels: { summary: 'summary', seconds: 'seconds' } } },
      ],
    },
  ];
  const paid = (s: { requests: number; batchRecords: number }) => s.requests + s.batchRecords > 0;
  const spent = d.steps.filter(paid);
  if (spent.length)
    charts.push({
      id: `${id}-tokens`,
      title: 'Tokens per step',
      plot: { width: 560, height: 60 + spent.length * 40, marginLeft: 110, x: { label: 'tokens', grid: true }, y: { label: null }, color: { legend: true } },
      marks: [
        {
          mark: 'barX',
          data: spent.flatMap((s) => [
            { step: s.stepId, kind: 'input', tokens: s.inputTokens },
            { step: s.stepId, kind: 'output', tokens: s.outputTokens },
          ]),
          options: { y: 'step', x: 'tokens', fill: 'kind', tip: true },
        },
      ],
    });
  const totalUsd = d.steps.reduce((a, s) => a + s.usd, 0);
  const totalMs = d.latest.finishedAt ? Date.parse(d.latest.finishedAt) - Date.parse(d.latest.startedAt) : null;
  const html = `<p class="lead">${esc(pipelineName)}: run <code>${esc(d.latest.id)}</code> <span class="status status-${esc(d.latest.status)}">${esc(d.latest.status)}</span>, started ${esc(
    d.latest.startedAt,
  )}${totalMs !== null ? `, ${(totalMs / 1000).toFixed(1)} s` : ''}${totalUsd > 0 ? `, $${totalUsd.toFixed(4)}` : ''}.</p>
<div class="grid"><div data-chart="${id}-timeline"></div>${spent.length ? `<div data-chart="${id}-tokens"></div>` : ''}</div>
${table(
  ['step', 'type', 'status', 'seconds', 'tokens in / out', 'requests', 'cost', 'summary'],
  d.steps.map((s) => [
    `<code>${esc(s.stepId)}</code>`,
    esc(s.uses),
    `<span class="status status-${esc(s.status)}">${esc(s.status)}</span>`,
    (s.durationMs / 1000).toFixed(2),
    paid(s) ? `${s.inputTokens.toLocaleString('en')} / ${s.outputTokens.toLocaleString('en')}` : '—',
    paid(s) ? (s.batchRecords ? `${s.requests} + ${s.batchRecords} batch` : String(s.requests)) : '—',
    s.usd ? `$${s.usd.toFixed(4)}` : '—',
    esc(s.error ?? s.summary),
  ]),
  'steps',
)}
${
  d.history.length > 1
    ? `<details><summary>Earlier runs (${d.history.length - 1})</summary>${table(
        ['run', 'started', 'status', 'seconds'],
        d.history.slice(1).map((r) => [`<code>${esc(r.id)}</code>`, esc(r.startedAt), `<span class="status status-${esc(r.status)}">${esc(r.status)}</span>`, r.durationMs === null ? '—' : (r.durationMs / 1000).toFixed(1)]),
        'compact',
      )}</details>`
    : ''
}`;
  const failed = d.steps.filter((s) => s.status === 'failed');
  const headline = [
    { label: 'latest run', value: d.latest.status, bad: d.latest.status !== 'succeeded' },
    ...(failed.length ? [{ label: 'failed steps', value: failed.map((s) => s.stepId).join(', '), bad: true }] : []),
    ...(totalMs !== null ? [{ label: 'duration', value: `${(totalMs / 1000).toFixed(1)} s` }] : []),
    ...(totalUsd > 0 ? [{ label: 'cost', value: `$${totalUsd.toFixed(2)}` }] : []),
  ];
  return { id, title: 'The run', alert: failed.length > 0 || d.latest.status === 'failed', html, charts, headline };
}
