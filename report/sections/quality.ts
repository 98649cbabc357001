// Quality and bias sections: every metric against its gate with failed gates first, checks that failed, bias findings by severity.
import { esc, num, pct, table } from '../html/escape.js';
import type { Chart, Section } from '../types.js';

export interface Gate {
  gate: string;
  metric: string;
  op: string;
  passed: boolean;
  threshold: number | string;
  value: number | string | null;
}

interface Check {
  applied: number;
  failed: number;
  rate?: number;
  examples?: string[];
}

const SEVERITY = ['high', 'medium', 'low', 'none'];

export function gatesTable(gates: readonly Gate[]): string {
  if (!gates.length) return '<p class="note">No gates set on this step (add <code>with: gates:</code> to fail the run on a threshold).</p>';
  const sorted = [...gates].sort((a, b) => Number(a.passed) - Number(b.passed));
  return table(
    ['', 'gate', 'value', 'threshold'],
    sorted.map((g) => [
      g.passed ? '<span class="ok">passed</span>' : '<span class="bad">FAILED</span>',
      `<code>${esc(g.gate)}</code>`,
      typeof g.value === 'number' ? num(g.value, 4) : esc(g.value ?? '—'),
      `${esc(g.op)} ${typeof g.threshold === 'number' ? num(g.threshold, 4) : esc(g.threshold)}`,
    ]),
    'gates',
  );
}

/** Scores (0…1) as bars, each gate on a score drawn as a tick at its threshold. */
function scoresChart(id: string, scores: Record<string, number>, gates: readonly Gate[]): Chart {
  const rows = Object.entries(scores).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)).map(([k, v]) => {
    const g = gates.find((x) => x.metric === k && typeof x.threshold === 'number');
    return { key: k, value: v, threshold: g ? (g.threshold as number) : undefined, status: g ? (g.passed ? 'gate passed' : 'gate failed') : 'no gate' };
  });
  return {
    id,
    title: 'Scores against their gates',
    caption: 'Bars: the score (1 is best); black ticks: the gate threshold.',
    plot: { width: 560, height: 40 + rows.length * 26, marginLeft: 120, x: { domain: [0, 1], grid: true, label: 'score' }, y: { label: null }, color: { domain: ['gate failed', 'gate passed', 'no gate'], range: ['#d62728', '#2ca02c', '#7f9fbf'], legend: true } },
    marks: [
      { mark: 'barX', data: rows, options: { y: 'key', x: 'value', fill: 'status', tip: true } },
      { mark: 'tickX', data: rows.filter((r) => r.threshold !== undefined), options: { y: 'key', x: 'threshold', stroke: 'black', strokeWidth: 3 } },
    ],
  };
}

function checksTable(groups: Record<string, Record<string, Check> | undefined>): string {
  const rows: string[][] = [];
  for (const [group, checks] of Object.entries(groups))
    for (const [name, c] of Object.entries(checks ?? {}))
      rows.push([
        c.failed > 0 ? '<span class="bad">failed</span>' : '<span class="ok">ok</span>',
        `${esc(group)} / <code>${esc(name)}</code>`,
        `${c.failed} of ${c.applied}`,
        pct(c.rate ?? (c.applied ? c.failed / c.applied : 0), 2),
        (c.examples ?? []).slice(0, 2).map((e) => `<div class="example">${esc(e)}</div>`).join(''),
      ]);
  rows.sort((a, b) => Number(a[0]!.includes('ok')) - Number(b[0]!.includes('ok')));
  return rows.length ? table(['', 'check', 'failed', 'rate', 'examples'], rows, 'checks') : '';
}

export function conversationQualitySection(stepId: string, q: Record<string, unknown>): Section {
  const id = `quality-${stepId}`;
  const gates = (q.gates ?? []) as Gate[];
  const scores = { overall: q.overall as number, ...((q.scores ?? {}) as Record<string, number>) };
  const chart = scoresChart(`${id}-scores`, scores, gates);
  const consistency = (q.consistency ?? {}) as { checks?: Record<string, Check> };
  const coherence = (q.coherence ?? {}) as { checks?: Record<string, Check> };
  const diversity = (q.diversity ?? {}) as Record<string, unknown>;
  const html = `<p class="lead">${Number(q.documents ?? 0).toLocaleString('en')} conversations, overall quality <b>${num(q.overall)}</b>.</p>
${gatesTable(gates)}
<div class="grid"><div data-chart="${esc(chart.id)}"></div>
${table(['diversity', 'value'], ['distinct_1', 'distinct_2', 'distinct_3', 'self_bleu', 'compression_ratio'].map((k) => [esc(k), num(diversity[k])]), 'compact')}</div>
<h3>Checks</h3>${checksTable({ consistency: consistency.checks, coherence: coherence.checks })}`;
  return { id, title: `Quality (${stepId})`, alert: gates.some((g) => !g.passed), html, charts: [chart], headline: [{ label: 'quality overall', value: num(q.overall) }, ...gateHeadline(gates)] };
}

/** "gates 9/10 passed", bad when one failed; nothing when the step has no gates. */
function gateHeadline(gates: readonly Gate[]): Array<{ label: string; value: string; bad: boolean }> {
  if (!gates.length) return [];
  const passed = gates.filter((g) => g.passed).length;
  return [{ label: 'gates passed', value: `${passed} of ${gates.length}`, bad: passed < gates.length }];
}

export function seriesQualitySection(stepId: string, q: Record<string, unknown>): Section {
  const id = `quality-${stepId}`;
  const gates = (q.gates ?? []) as Gate[];
  const scores = Object.fromEntries(Object.entries((q.scores ?? {}) as Record<string, number | null>).filter(([k, v]) => typeof v === 'number' && k !== 'non_finite')) as Record<string, number>;
  const chart = scoresChart(`${id}-scores`, scores, gates);
  const byType = (q.by_type ?? {}) as Record<string, { series: number; passed: number; checks: Record<string, Check> }>;
  const realism = (q.realism ?? {}) as Record<string, unknown>;
  const html = `<p class="lead">${Number(q.series ?? 0).toLocaleString('en')} series, ${Number(q.points ?? 0).toLocaleString('en')} points.${
    realism.reference ? ` Realism against ${esc(realism.reference)} (${esc(realism.compared_series)} series compared).` : ''
  }</p>
${gatesTable(gates)}
<div class="grid"><div data-chart="${esc(chart.id)}"></div>
${table(
  ['series type', 'series', 'passed every check', 'failed checks'],
  Object.entries(byType).map(([t, v]) => [
    esc(t),
    String(v.series),
    v.passed === v.series ? `<span class="ok">${v.passed}</span>` : `<span class="bad">${v.passed}</span>`,
    esc(Object.entries(v.checks).filter(([, c]) => c.failed > 0).map(([k, c]) => `${k} ${c.failed}`).join(', ') || '—'),
  ]),
  'compact',
)}</div>
<h3>Checks</h3>${checksTable({ series: q.checks as Record<string, Check> })}`;
  return { id, title: `Quality (${stepId})`, alert: gates.some((g) => !g.passed), html, charts: [chart], headline: [{ label: 'series realism', value: num(realism.score) }, ...gateHeadline(gates)] };
}

interface Finding {
  kind: string;
  field?: string;
  rows_field?: string;
  cols_field?: string;
  severity: string;
  reason: string;
  chi_square?: { p_value: number; statistic: number; df: number };
  cramers_v?: number | null;
  max_abs_deviation?: number | null;
}

export function biasSection(stepId: string, b: Record<string, unknown>): Section {
  const id = `bias-${stepId}`;
  const gates = (b.gates ?? []) as Gate[];
  const findings = [...((b.findings ?? []) as Finding[])].sort((x, y) => SEVERITY.indexOf(x.severity) - SEVERITY.indexOf(y.severity));
  const html = `<p class="lead">${Number(b.documents ?? 0).toLocaleString('en')} conversations; worst severity <b class="sev-${esc(b.max_severity)}">${esc(b.max_severity)}</b>.</p>
${gatesTable(gates)}
${table(
  ['severity', 'what', 'finding', 'χ² p', 'effect'],
  findings.map((f) => [
    `<span class="sev sev-${esc(f.severity)}">${esc(f.severity)}</span>`,
    esc(f.kind === 'crosstab' ? `${f.rows_field} × ${f.cols_field}` : `${f.field} (${f.kind})`),
    esc(f.reason),
    f.chi_square ? num(f.chi_square.p_value) : '—',
    typeof f.cramers_v === 'number' ? `V ${num(f.cramers_v)}` : typeof f.max_abs_deviation === 'number' ? `max dev ${pct(f.max_abs_deviation)}` : '—',
  ]),
  'findings',
)}`;
  const worst = String(b.max_severity ?? 'none');
  return { id, title: `Bias (${stepId})`, alert: gates.some((g) => !g.passed), html, charts: [], headline: [{ label: 'worst bias', value: worst, bad: worst === 'high' || gates.some((g) => !g.passed) }] };
}
