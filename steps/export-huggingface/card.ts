// The dataset card (README.md): a YAML header with the Hub's documented metadata fields, and a body saying how the
// data was made, how good it measured, where it came from and what it cannot do. Nothing time- or host-dependent.
import { stringify } from 'yaml';
import type { RecordType } from '../../store/registry.js';
import { paidCalls } from '../../util/paid-calls.js';

export interface SplitSummary {
  name: string;
  count: number;
  /** Records per stratum label (intent, or series type) in this split. */
  labels: Record<string, number>;
}

export interface DataFile {
  config: string;
  split: string;
  path: string;
}

export interface CardInput {
  name: string;
  version: number | null;
  description: string | null;
  recordType: RecordType;
  total: number;
  languages: string[];
  splits: SplitSummary[];
  files: DataFile[];
  license: string;
  generator: string | null;
  provider: string | null;
  model: string | null;
  seed: number;
  splitSeed: number;
  /** Base name of the pipeline file (its folder is the user's machine, not the dataset's). */
  pipelineFile: string;
  pipelineHash: string;
  producerStep: string;
  contentHash: string;
  spend: { requests: number; batchRecords: number; inputTokens: number; outputTokens: number; usd: number };
  reports: Array<{ kind: string; stepId: string; metrics: Record<string, unknown> }>;
  lineage: string[];
  genesisVersion: string;
}

/** The Hub's size buckets (huggingface.co/docs/hub/datasets-cards). */
export function sizeCategory(n: number): string {
  const buckets: Array<[number, string]> = [
    [1e3, 'n<1K'], [1e4, '1K<n<10K'], [1e5, '10K<n<100K'], [1e6, '100K<n<1M'], [1e7, '1M<n<10M'], [1e8, '10M<n<100M'],
    [1e9, '100M<n<1B'], [1e10, '1B<n<10B'], [1e11, '10B<n<100B'], [1e12, '100B<n<1T'],
  ];
  return buckets.find(([limit]) => n < limit)?.[1] ?? 'n>1T';
}

export function prettyName(name: string): string {
  return name.split(/[-_.]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

function header(c: CardInput): Record<string, unknown> {
  const conversations = c.recordType === 'conversation';
  const configs = [...new Set(c.files.map((f) => f.config))].map((config) => ({
    config_name: config,
    ...(config === 'default' ? { default: true } : {}),
    data_files: c.files.filter((f) => f.config === config).map((f) => ({ split: f.split, path: f.path })),
  }));
  return {
    license: c.license,
    ...(conversations ? { language: c.languages, multilinguality: c.languages.length > 1 ? 'multilingual' : 'monolingual' } : {}),
    pretty_name: prettyName(c.name),
    size_categories: [sizeCategory(c.total)],
    task_categories: conversations ? ['text-classification'] : ['time-series-forecasting'],
    task_ids: conversations ? ['intent-classification'] : ['univariate-time-series-forecasting'],
    annotations_creators: ['machine-generated'],
    ...(conversations ? { language_creators: ['machine-generated'] } : {}),
    source_datasets: ['original'],
    tags: conversations ? ['synthetic', 'genesis', 'customer-service', 'banking', 'banking77-intents', 'conversations'] : ['synthetic', 'genesis', 'time-series'],
    configs,
  };
}

const f3 = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
const isObj = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function qualityLines(m: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof m.overall === 'number') out.push(`- overall score: **${f3(m.overall)}** (0–1, higher is better)`);
  if (isObj(m.scores)) out.push(`- ${Object.entries(m.scores).map(([k, v]) => `${k} ${v === null ? 'not measured' : f3(v)}`).join(', ')}`);
  if (Array.isArray(m.gates) && m.gates.length) {
    const gates = m.gates as Array<{ metric?: string; passed?: boolean }>;
    const failed = gates.filter((g) => !g.passed).map((g) => g.metric);
    out.push(`- gates: ${gates.length - failed.length}/${gates.length} passed${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`);
  }
  return out;
}

function biasLines(m: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof m.max_severity === 'string') out.push(`- worst severity: **${m.max_severity}**`);
  const rank: Record<string, number> = { high: 0, medium: 1, low: 2, none: 3 };
  const findings = (Array.isArray(m.findings) ? (m.findings as Array<{ severity?: string; reason?: string }>) : [])
    .filter((x) => x.severity === 'high' || x.severity === 'medium')
    .sort((a, b) => (rank[a.severity!] ?? 9) - (rank[b.severity!] ?? 9));
  for (const x of findings.slice(0, 5)) out.push(`- ${x.severity}: ${x.reason ?? ''}`);
  return out;
}

function limitations(c: CardInput): string[] {
  const out = [
    'Synthetic data: every record was generated, none was said or measured by a person or a device. Check it against real data before relying on it, and keep real data for evaluation.',
  ];
  if (c.recordType === 'conversation') {
    if (!c.provider || c.provider === 'offline') out.push('Made by genesis\'s offline generator (phrase grammars, no language model): its wording is more regular than real customers\' and a careful reader can tell it is generated.');
    else out.push(`Made by a language model (${c.model ?? c.provider}): it may repeat itself, drift to neighbouring intents or state facts that are not true. The model provider's terms may restrict how its output is used.`);
    out.push('Intents follow the Banking77 label set; the label mix is the one the pipeline asked for, not the one real customers produce.');
  } else {
    out.push('Series come from parametric models (seasonality, trend, noise) per type: real series have breaks, outages and regimes these models do not.');
  }
  const labels = new Set(c.splits.flatMap((s) => Object.keys(s.labels)));
  const missing = [...labels].filter((l) => c.splits.some((s) => !s.labels[l])).sort();
  if (missing.length) out.push(`${missing.length} label(s) have too few records to appear in every split: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`);
  return out.map((l) => `- ${l}`);
}

export function renderCard(c: CardInput): string {
  const what = c.recordType === 'conversation' ? 'conversations' : 'series';
  const origin = c.provider && c.provider !== 'offline' ? `${c.provider}${c.model ? ` / ${c.model}` : ''}` : 'offline (embedded generator, no network)';
  const splitRows = c.splits.map((s) => `| ${s.name} | ${s.count} | ${Object.keys(s.labels).length} |`);
  const quality = c.reports.filter((r) => r.kind === 'quality');
  const bias = c.reports.filter((r) => r.kind === 'bias');
  const training = c.reports.filter((r) => r.kind === 'training');
  const configs = [...new Set(c.files.map((f) => f.config))].filter((x) => x !== 'default');
  const body = [
    `# ${prettyName(c.name)}`,
    '',
    `${c.description ?? `Synthetic ${what} made with genesis.`} ${c.total} ${what}${c.version !== null ? `, registered as \`${c.name}@${c.version}\`` : ''}.`,
    '',
    '## Dataset structure',
    '',
    `| split | ${what} | ${c.recordType === 'conversation' ? 'intents' : 'series types'} |`,
    '| --- | --- | --- |',
    ...splitRows,
    '',
    `Splits are stratified by ${c.recordType === 'conversation' ? 'intent' : 'series type'} with seed ${c.splitSeed}: the same dataset and seed give the same splits.`,
    c.recordType === 'conversation'
      ? 'Fields: `conversation_id`, `intent`, `category`, `sentiment`, `complexity`, `emotion_arc`, `language`, `turn_count`, `resolution_status`, `turns` (a list of `{speaker, text}`, customer first), `meta` (generator details).'
      : 'Fields: `series_id`, `domain`, `series_type`, `frequency`, `start` (timestamp of the first point), `length`, `target` (the values, oldest first), `unit`, `seasonality_types`, `trend_type`, `meta`.',
    '',
    '```python',
    'from datasets import load_dataset',
    'ds = load_dataset("path/to/this/folder")  # or "<user>/<repo>" once on the Hub; the header\'s configs say which files are which split',
    ...(configs.length ? [`subset = load_dataset("path/to/this/folder", "${configs[0]}")  # one language: ${configs.map((x) => `"${x}"`).join(', ')}`] : []),
    '```',
    '',
    '## How it was made',
    '',
    `- generator: ${c.generator ?? 'unknown'}`,
    `- provider and model: ${origin}`,
    `- seed: ${c.seed}`,
    `- pipeline: \`${c.pipelineFile}\` (sha256 ${c.pipelineHash}), step \`${c.producerStep}\``,
    `- content: sha256 ${c.contentHash} (the registered JSONL)`,
    `- spend: ${paidCalls(c.spend.requests, c.spend.batchRecords)}, ${c.spend.inputTokens} input + ${c.spend.outputTokens} output tokens, $${c.spend.usd.toFixed(4)}`,
    '',
    '## Quality',
    '',
    ...(quality.length ? quality.flatMap((r) => [`From step \`${r.stepId}\`:`, ...qualityLines(r.metrics)]) : ['No quality report was recorded with this dataset.']),
    '',
    '## Bias',
    '',
    ...(bias.length ? bias.flatMap((r) => [`From step \`${r.stepId}\`:`, ...biasLines(r.metrics)]) : ['No bias report was recorded with this dataset.']),
    ...(training.length ? ['', '## Models trained on it', '', ...training.map((r) => `- \`${r.stepId}\`: ${trainingLine(r.metrics)}`)] : []),
    '',
    '## Lineage',
    '',
    ...(c.lineage.length ? ['```', ...c.lineage, '```'] : ['Not recorded.']),
    '',
    '## Known limitations',
    '',
    ...limitations(c),
    '',
    `Exported by genesis ${c.genesisVersion}.`,
    '',
  ];
  return `---\n${stringify(header(c), { lineWidth: 0 })}---\n\n${body.join('\n')}`;
}

function trainingLine(m: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const split of ['held_out', 'external']) {
    const e = m[split];
    if (isObj(e) && typeof e.accuracy === 'number') parts.push(`${split.replace('_', '-')} accuracy ${f3(e.accuracy)}`);
  }
  if (typeof m.accuracy === 'number') parts.push(`accuracy ${f3(m.accuracy)}`);
  return parts.join(', ') || 'no accuracy recorded';
}
