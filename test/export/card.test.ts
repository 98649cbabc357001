// The dataset card's YAML header against the Hub's documented dataset-card fields and vocabularies, and its body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINE_DATA } from '@huggingface/tasks';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { sizeCategory } from '../../steps/export-huggingface/card.js';
import { cardHeader, conversationsPipeline, registered } from './fixtures.js';

// Every top-level key of the Hub's dataset-card metadata template (huggingface/hub-docs, datasetcard.md).
const DOCUMENTED = [
  'language', 'license', 'license_name', 'license_link', 'license_details', 'tags', 'annotations_creators', 'language_creators',
  'language_details', 'pretty_name', 'size_categories', 'source_datasets', 'task_categories', 'task_ids', 'paperswithcode_id',
  'configs', 'dataset_info', 'extra_gated_fields', 'extra_gated_prompt', 'train-eval-index',
  // DatasetCardData (huggingface_hub) documents this one beside them.
  'multilinguality',
];
// The vocabularies huggingface_hub's DatasetCardData documents for these fields.
const SIZES = ['n<1K', '1K<n<10K', '10K<n<100K', '100K<n<1M', '1M<n<10M', '10M<n<100M', '100M<n<1B', '1B<n<10B', '10B<n<100B', '100B<n<1T', 'n>1T', 'other'];
const CREATORS = ['found', 'crowdsourced', 'expert-generated', 'machine-generated', 'no-annotation', 'other'];
const MULTILINGUALITY = ['monolingual', 'multilingual', 'translation', 'other'];

let header: Record<string, any>;
let body: string;
let to: string;

beforeAll(async () => {
  const { state } = await registered(conversationsPipeline());
  to = join(tempDir(), 'hf');
  const r = await runCli(['export', 'support', '--to', to, '--state-dir', state, '--license', 'cc-by-4.0']);
  expect(r.code, r.stderr).toBe(0);
  header = cardHeader(to);
  body = readFileSync(join(to, 'README.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
});

describe('dataset card header', () => {
  it('uses only documented fields, and every field the issue asks for', () => {
    for (const k of Object.keys(header)) expect(DOCUMENTED, k).toContain(k);
    for (const k of ['license', 'language', 'task_categories', 'task_ids', 'size_categories', 'pretty_name', 'tags', 'annotations_creators', 'source_datasets', 'configs']) {
      expect(header[k], k).toBeDefined();
    }
  });

  it('holds values from the Hub vocabularies', () => {
    expect(header.license).toBe('cc-by-4.0');
    expect(header.language).toEqual(['en', 'es']);
    for (const l of header.language) expect(l).toMatch(/^[a-z]{2,3}$/);
    expect(header.multilinguality).toBe('multilingual');
    expect(header.annotations_creators).toEqual(['machine-generated']);
    for (const c of [...header.annotations_creators, ...header.language_creators]) expect(CREATORS).toContain(c);
    expect(MULTILINGUALITY).toContain(header.multilinguality);
    expect(header.size_categories).toEqual(['n<1K']);
    for (const s of header.size_categories) expect(SIZES).toContain(s);
    // Task categories and their sub-task ids are the Hub's own list (@huggingface/tasks, which the Hub client ships with).
    const subtasks = (header.task_categories as string[]).flatMap((t) => {
      expect(Object.keys(PIPELINE_DATA), t).toContain(t);
      return (PIPELINE_DATA as Record<string, { subtasks?: Array<{ type: string }> }>)[t]!.subtasks?.map((s) => s.type) ?? [];
    });
    for (const id of header.task_ids) expect(subtasks, id).toContain(id);
    expect(header.pretty_name).toBe('Support');
    expect(header.source_datasets).toEqual(['original']);
    expect(header.tags).toContain('synthetic');
  });

  it('configs: a default and one per language, each naming existing files per split', () => {
    expect(header.configs.map((c: { config_name: string }) => c.config_name)).toEqual(['default', 'en', 'es']);
    expect(header.configs[0].default).toBe(true);
    for (const c of header.configs) {
      expect(c.data_files.map((f: { split: string }) => f.split)).toEqual(['train', 'test']);
      for (const f of c.data_files) expect(() => readFileSync(join(to, f.path)), f.path).not.toThrow();
    }
    expect(header.configs[1].data_files[0].path).toBe('data/en/train-00000-of-00001.parquet');
  });

  it.each([
    [0, 'n<1K'], [999, 'n<1K'], [1000, '1K<n<10K'], [99_999, '10K<n<100K'], [100_000, '100K<n<1M'], [2e9, '1B<n<10B'], [2e12, 'n>1T'],
  ])('size category of %d records is %s', (n, want) => expect(sizeCategory(n)).toBe(want));
});

describe('dataset card body', () => {
  it.each([
    ['generator', /^- generator: generate\/conversations$/m],
    ['provider and model', /^- provider and model: offline \(embedded generator, no network\)$/m],
    ['seed', /^- seed: 7$/m],
    ['pipeline file and hash', /^- pipeline: `pipeline\.yaml` \(sha256 [0-9a-f]{64}\), step `generate`$/m],
    ['split table', /^\| train \| \d+ \| 77 \|$/m],
    ['quality headline', /^- overall score: \*\*0\.\d{3}\*\*/m],
    ['gates', /^- gates: 1\/1 passed$/m],
    ['bias headline', /^- worst severity: \*\*(none|low|medium|high)\*\*$/m],
    ['lineage', /^pipeline pipeline\.yaml \(sha256 [0-9a-f]{12}\)\n {2}└─ step generate \([0-9a-f]{12}\)\n {4}└─ dataset support@1$/m],
    ['known limitations', /^## Known limitations\n\n- Synthetic data/m],
    ['genesis version', /^Exported by genesis \d+\.\d+\.\d+\.$/m],
    ['description', /^Support chats for the export tests\. 400 conversations, registered as `support@1`\.$/m],
  ])('says the %s', (_what, pattern) => expect(body).toMatch(pattern));

  it('names no host path, time or user', () => {
    expect(body).not.toMatch(/\/tmp\/|genesis-test-|\d{4}-\d\d-\d\dT\d\d/);
  });
});
