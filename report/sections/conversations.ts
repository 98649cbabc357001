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
  charts.push(
    barsAgainstTarget(
      `${id}-intents`,
      'Conversations per intent',
      intents.map((k) => ({ key: k, observed: d.intents[k] ?? 0, target: intentTarget[k] !== undefined ? intentTarget[k]! * d.count : undefined, group: d.intentCategory[k] ?? '?' })),
      { caption: 'Bars: conversations made; red ticks: what the targets asked for. Coloured by category.', width: 720 },
    ),
  );
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
  return { id, title: `Conversations (${stepId})`, html, charts };
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
