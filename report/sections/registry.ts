// Registered datasets: each version's quality, bias and classifier figures, and how they moved across versions.
import type { DatasetVersion } from '../gather/registry.js';
import { esc, num, table } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { lines } from './charts.js';

export function registrySection(versions: readonly DatasetVersion[]): Section {
  const id = 'registry';
  const names = [...new Set(versions.map((v) => v.name))];
  // A line needs two versions; with one, the table says it all.
  const charts: Chart[] = names
    .map((name) => ({ name, of: versions.filter((v) => v.name === name) }))
    .filter((n) => n.of.length > 1)
    .map(({ name, of }, i) =>
      lines(`${id}-${i}`, `${name}: figures across versions`, of.flatMap((v) => Object.entries(v.figures).map(([k, y]) => ({ x: `v${v.version}`, y, series: k }))), {
        x: 'version',
        y: 'score',
        xDomain: of.map((v) => `v${v.version}`),
        yDomain: [0, 1],
        dots: true,
        width: 640,
        caption: 'Quality scores, overall, and the classifier trained on each version.',
      }),
    );
  const single = names.filter((n) => versions.filter((v) => v.name === n).length === 1);
  const figureKeys = [...new Set(versions.flatMap((v) => Object.keys(v.figures)))];
  const html = `${single.length ? `<p class="note">${single.map((n) => `<code>${esc(n)}</code>`).join(', ')}: one version so far; register another (change the data and run again) to see the figures move.</p>` : ''}<div class="grid">${charts.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>
${table(
  ['dataset', 'records', 'registered', 'bias', ...figureKeys],
  [...versions].reverse().map((v) => [`<code>${esc(v.name)}@${v.version}</code>`, v.records.toLocaleString('en'), esc(v.createdAt), esc(v.maxSeverity ?? '—'), ...figureKeys.map((k) => num(v.figures[k]))]),
  'compact',
)}`;
  return { id, title: 'Registered datasets', html, charts };
}
