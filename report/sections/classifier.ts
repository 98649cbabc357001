// The classifier section: accuracy and macro-F1, per-intent F1 sorted, the most confused pairs, an 11-category confusion matrix.
import { normalizeIntent } from '../../metrics/text-profile.js';
import { esc, num, table } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { heatmap } from './charts.js';

interface Evaluation {
  accuracy: number;
  macro_f1: number;
  n: number;
  per_class: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion?: { labels: string[]; matrix: number[][] };
}

const CONFUSED_PAIRS = 12;

/** `intentCategory` maps intent → category (the shipped catalogue); unknown labels fall in "other". */
export function classifierSection(stepId: string, m: Record<string, unknown>, intentCategory: Record<string, string>): Section {
  const id = `clf-${stepId}`;
  const charts: Chart[] = [];
  const evaluations = (['held_out', 'evaluation', 'real'] as const).map((k) => [k, m[k] as Evaluation | undefined] as const).filter(([, e]) => e?.per_class);
  const parts: string[] = [];
  for (const [name, e] of evaluations) {
    if (!e) continue;
    const perClass = Object.entries(e.per_class).map(([k, v]) => ({ key: k, f1: v.f1, support: v.support })).sort((a, b) => a.f1 - b.f1 || a.key.localeCompare(b.key));
    charts.push({
      id: `${id}-${name}-f1`,
      title: `F1 per intent (${name.replace('_', '-')}), worst first`,
      caption: `Macro-F1 ${num(e.macro_f1)} (dashed line).`,
      plot: { width: 640, height: 40 + perClass.length * 13, marginLeft: 10 + Math.max(0, ...perClass.map((r) => r.key.length)) * 6.4, x: { domain: [0, 1], grid: true, label: 'F1' }, y: { domain: perClass.map((r) => r.key), label: null } },
      marks: [
        { mark: 'barX', data: perClass, options: { y: 'key', x: 'f1', fill: 'steelblue', tip: true, channels: { support: 'support' } } },
        { mark: 'ruleX', data: [e.macro_f1], options: { strokeDasharray: '4,3' } },
      ],
    });
    const pairs: Array<{ actual: string; predicted: string; n: number }> = [];
    const cats = new Map<string, number>();
    if (e.confusion) {
      const { labels, matrix } = e.confusion;
      matrix.forEach((row, i) =>
        row.forEach((n, j) => {
          const a = labels[i]!;
          const p = labels[j]!;
          if (i !== j && n > 0) pairs.push({ actual: a, predicted: p, n });
          const key = `${catOf(a, intentCategory)}\u0000${catOf(p, intentCategory)}`;
          cats.set(key, (cats.get(key) ?? 0) + n);
        }),
      );
      const categories = [...new Set(labels.map((l) => catOf(l, intentCategory)))].sort();
      charts.push(
        heatmap(`${id}-${name}-cats`, `Confusion between categories (${name.replace('_', '-')})`, categories, categories, (r, c) => cats.get(`${r}\u0000${c}`) ?? 0, {
          caption: 'Rows: true category; columns: predicted category. The diagonal is right.',
          cellSize: 42,
          label: 'texts',
        }),
      );
    }
    pairs.sort((a, b) => b.n - a.n || a.actual.localeCompare(b.actual));
    parts.push(`<h3>${esc(name.replace('_', '-'))}: accuracy <b>${num(e.accuracy)}</b>, macro-F1 <b>${num(e.macro_f1)}</b> on ${e.n} texts</h3>
<div class="grid">${charts.filter((c) => c.id.startsWith(`${id}-${name}`)).map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}
<div><h4>Most confused intents</h4>${pairs.length ? table(['true intent', 'predicted as', 'texts'], pairs.slice(0, CONFUSED_PAIRS).map((p) => [esc(p.actual), esc(p.predicted), String(p.n)]), 'compact') : '<p class="note">No confusion matrix stored.</p>'}</div></div>`);
  }
  const training = (m.training ?? {}) as Record<string, unknown>;
  const html = `<p class="lead">Trained on ${esc(training.rows ?? '?')} texts, ${esc(training.features ?? '?')} features, stopped after ${esc(training.iterations ?? '?')} iterations (${esc(training.stop_reason ?? '?')}).</p>${parts.join('')}`;
  const first = evaluations[0]?.[1];
  const headline = first ? [{ label: 'classifier accuracy', value: num(first.accuracy) }, { label: 'macro-F1', value: num(first.macro_f1) }] : [];
  return { id, title: `Intent classifier (${stepId})`, html, charts, headline };
}

function catOf(label: string, intentCategory: Record<string, string>): string {
  return intentCategory[label] ?? intentCategory[normalizeIntent(label)] ?? 'other';
}
