// The conversations section: distributions against the targets, heatmaps, lengths against the reference, the sample browser.
import type { ConversationsData } from '../gather/conversations.js';
import { esc, pct } from '../html/escape.js';
import type { Chart, Section } from '../types.js';
import { barsAgainstTarget, groupedBars, heatmap } from './charts.js';

const SENTIMENTS = ['negative', 'neutral', 'positive'];

export function conversationsSection(stepId: string, d: ConversationsData): Section {
  const id = `conv-${stepId}`;
  const charts: Chart[] = [];
  const intentTarget = d.targets.intent ?? {};
  const intents = Object.keys({ ...intentTarget, ...d.intents }).sort(
    (a, b) => (d.intentCategory[a] ?? '').localeCompare(d.intentCategory[b] ?? '') || a.localeCompare(b),
  );
  charts.push(intentChart(`${id}-intents`, intents, d, intentTarget));
  const categoryTarget: Record<string, number> = {};
  for (const [intent, share] of Object.entries(intentTarget)) {
    const cat = d.intentCategory[intent];
    if (cat) categoryTarget[cat] = (categoryTarget[cat] ?? 0) + share;
  }
  const categories = Object.keys(d.categories).sort();
  charts.push(
    barsAgainstTarget(
      `${id}-categories`,
      'Conversations per category',
      categories.map((k) => ({ key: k, observed: d.categories[k] ?? 0, target: categoryTarget[k] !== undefined ? categoryTarget[k]! * d.count : undefined })),
      { caption: 'Red ticks: the category share implied by the intent targets.', width: 560 },
    ),
  );
  const cross = (m: Record<string, number>) => (r: string, c: string) => m[`${r}\u0000${c}`] ?? 0;
  const languages = keysOf(d.languageBySentiment, 0);
  const complexities = ['simple', 'medium', 'complex'].filter((c) => keysOf(d.complexityBySentiment, 0).includes(c));
  charts.push(heatmap(`${id}-lang-sent`, 'Language × sentiment', languages, SENTIMENTS, cross(d.languageBySentiment), { width: 420 }));
  charts.push(heatmap(`${id}-cx-sent`, 'Complexity × sentiment', complexities, SENTIMENTS, cross(d.complexityBySentiment), { width: 420 }));
  const turns = Object.keys(d.turns).map(Number).sort((a, b) => a - b);
  charts.push(
    groupedBars(
      `${id}-turns`,
      'Turns per conversation',
      turns.map((t) => ({ x: String(t), y: d.turns[String(t)] ?? 0, series: 'conversations' })),
      { x: 'turns', y: 'conversations', width: 560, xDomain: turns.map(String) },
    ),
  );
  charts.push(wordsChart(id, d));
  const shares = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${esc(k)} ${pct(v / Math.max(1, d.count), 0)}`).join(' · ');
  const html = `<p class="lead">${d.count.toLocaleString('en')} conversations, ${Object.keys(d.intents).length} intents in ${categories.length} categories. Language: ${shares(
    sumBy(d.languageBySentiment, 0),
  )}. Sentiment: ${shares(sumBy(d.languageBySentiment, 1))}.</p>
<div class="grid">${charts.map((c) => `<div data-chart="${esc(c.id)}"></div>`).join('')}</div>
<h3>Sample: ${d.sample.length} of ${d.count.toLocaleString('en')} conversations</h3>
<p class="note">A seeded uniform sample (reservoir, the pipeline's seed): the same run always shows the same ones. Filter it; click one to read it whole.</p>
<div class="sample" data-sample="${esc(id)}"></div>`;
  return { id, title: `Conversations (${stepId})`, html, charts, headline: [{ label: 'conversations', value: d.count.toLocaleString('en') }] };
}

/**
 * 77 bars of nearly equal length say nothing: with targets, each intent is drawn as its deviation from the target
 * (sorted, so the most over- and under-represented are at the ends); without, as its count.
 */
function intentChart(id: string, intents: string[], d: ConversationsData, target: Record<string, number>): Chart {
  if (!Object.keys(target).length)
    return barsAgainstTarget(id, 'Conversations per intent', intents.map((k) => ({ key: k, observed: d.intents[k] ?? 0, group: d.intentCategory[k] ?? '?' })), { width: 720 });
  const rows = intents
    .map((k) => {
      const expected = (target[k] ?? 0) * d.count;
      const observed = d.intents[k] ?? 0;
      return { key: k, observed, expected: Math.round(expected * 10) / 10, deviation: Math.round((observed - expected) * 10) / 10, category: d.intentCategory[k] ?? '?' };
    })
    .sort((a, b) => a.deviation - b.deviation || a.key.localeCompare(b.key));
  const longest = Math.max(0, ...rows.map((r) => r.key.length));
  // A symmetric axis at least a quarter of the mean expected count wide: a deviation of one looks as small as it is.
  const meanExpected = rows.reduce((a, r) => a + r.expected, 0) / Math.max(1, rows.length);
  const worst = Math.max(0, ...rows.map((r) => Math.abs(r.deviation)));
  const span = Math.max(worst, meanExpected * 0.25, 1);
  return {
    id,
    title: 'Intents: conversations made minus the target',
    caption: `Each intent's count minus what its target share of ${d.count.toLocaleString('en')} asks for (${Math.round(meanExpected * 10) / 10} on average), most under-represented first; the largest deviation is ${worst}. Coloured by category.`,
    plot: {
      width: 720,
      height: 50 + rows.length * 12,
      marginLeft: 10 + longest * 6.2,
      y: { domain: rows.map((r) => r.key), label: null },
      x: { label: 'conversations over (+) or under (−) target', grid: true, domain: [-span, span] },
      // 11 categories: tableau10 would repeat a colour.
      color: { legend: true, scheme: 'paired' },
      style: { fontSize: '10px' },
    },
    marks: [
      { mark: 'barX', data: rows, options: { y: 'key', x: 'deviation', fill: 'category', tip: true, channels: { observed: 'observed', expected: 'expected' } } },
      { mark: 'ruleX', data: [0], options: {} },
    ],
  };
}

function wordsChart(id: string, d: ConversationsData): Chart {
  const labels = d.edges.map((e, i) => (i + 1 < d.edges.length ? `${e}–${d.edges[i + 1]! - 1}` : `${e}+`));
  const data: Array<{ x: string; y: number; series: string }> = [];
  for (const [lang, hist] of Object.entries(d.customerTurnWords).sort()) {
    const total = hist.reduce((a, b) => a + b, 0) || 1;
    hist.forEach((n, i) => data.push({ x: labels[i]!, y: n / total, series: `synthetic (${lang})` }));
  }
  const refTotal = d.reference.turnWords.reduce((a, b) => a + b, 0) || 1;
  d.reference.turnWords.forEach((n, i) => data.push({ x: labels[i]!, y: n / refTotal, series: `reference (${d.reference.language})` }));
  return groupedBars(`${id}-words`, 'Words per customer turn', data, {
    caption: `Share of customer turns by length. Reference: ${d.reference.source}.`,
    x: 'words',
    y: 'share of turns',
    width: 720,
    xDomain: labels,
  });
}

function keysOf(m: Record<string, number>, part: 0 | 1): string[] {
  return [...new Set(Object.keys(m).map((k) => k.split('\u0000')[part]!))].sort();
}

function sumBy(m: Record<string, number>, part: 0 | 1): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) {
    const key = k.split('\u0000')[part]!;
    out[key] = (out[key] ?? 0) + v;
  }
  return out;
}
