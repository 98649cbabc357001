// Sorts a register step's upstream outputs into the dataset, the reports about it and the models trained on it.
import type { StepInput } from '../contract.js';
import type { MetricsKind, RecordType } from '../../store/registry.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { fileNamed } from '../shared/dataset-source.js';

export interface DatasetSource {
  input: StepInput;
  /** Path of the dataset file relative to the input folder. */
  file: string;
  recordType: RecordType;
}

export interface ReportSource {
  input: StepInput;
  kind: MetricsKind;
  file: string;
}

export interface ModelSource {
  input: StepInput;
  modelFile: string;
  metricsFile: string | undefined;
}

export interface SortedInputs {
  dataset: DatasetSource;
  reports: ReportSource[];
  models: ModelSource[];
}

const DATASET_FILES: ReadonlyArray<[string, RecordType]> = [
  ['conversations.jsonl', 'conversation'],
  ['series.jsonl', 'series'],
];
const REPORT_FILES: ReadonlyArray<[string, MetricsKind]> = [
  ['quality.json', 'quality'],
  ['bias.json', 'bias'],
];
const MODEL_FILES = ['model.json', 'forecaster.json'];


function datasetIn(input: StepInput): DatasetSource | undefined {
  for (const [name, recordType] of DATASET_FILES) {
    const file = fileNamed(input, name);
    if (file) return { input, file, recordType };
  }
  return undefined;
}

export function sortInputs(inputs: StepInput[], datasetStep: string | undefined): SortedInputs {
  const dataset = datasetStep !== undefined ? namedDataset(inputs, datasetStep) : foundDataset(inputs);
  const reports: ReportSource[] = [];
  const models: ModelSource[] = [];
  for (const input of inputs) {
    if (input === dataset.input) continue;
    for (const [name, kind] of REPORT_FILES) {
      const file = fileNamed(input, name);
      if (file) reports.push({ input, kind, file });
    }
    const metricsFile = fileNamed(input, 'metrics.json');
    const modelFile = MODEL_FILES.map((m) => fileNamed(input, m)).find((f) => f !== undefined);
    if (metricsFile) reports.push({ input, kind: 'training', file: metricsFile });
    if (modelFile) models.push({ input, modelFile, metricsFile });
  }
  return { dataset, reports, models };
}

/** `with.dataset`: a step among the needs or further upstream (validate, bias and train sit between it and register). */
function namedDataset(inputs: StepInput[], stepId: string): DatasetSource {
  const input = upstreamOf(inputs).find((u) => u.stepId === stepId);
  if (!input) {
    const known = upstreamOf(inputs).map((u) => u.stepId);
    throw new InputError(`with.dataset names "${stepId}", which is neither in this step's needs nor upstream of them${didYouMean(stepId, known)}`);
  }
  const dataset = datasetIn(input);
  if (!dataset) throw new InputError(`with.dataset: step "${stepId}" wrote no conversations.jsonl or series.jsonl (it wrote ${describeFiles(input)})`);
  return dataset;
}

/**
 * The dataset a register step is about: a need that holds one, else the nearest dataset up the lineage of each need
 * (the step that fed validate/bias/train). Several distinct candidates are ambiguous: the user must say which.
 */
function foundDataset(inputs: StepInput[]): DatasetSource {
  const direct = inputs.map(datasetIn).filter((d): d is DatasetSource => d !== undefined);
  if (direct.length > 1) {
    throw new InputError(`several needs hold a dataset (${direct.map((d) => d.input.stepId).join(', ')}); say which with with.dataset: <step id>`);
  }
  if (direct[0]) return direct[0];
  const found = new Map<string, { dataset: DatasetSource; via: Set<string> }>();
  for (const need of inputs) {
    for (const d of nearestDatasets(need.needs)) {
      const entry = found.get(d.input.stepId) ?? { dataset: d, via: new Set<string>() };
      entry.via.add(need.stepId);
      found.set(d.input.stepId, entry);
    }
  }
  if (found.size > 1) {
    const candidates = [...found.values()].map((f) => `${f.dataset.input.stepId} (via ${[...f.via].join(', ')})`);
    throw new InputError(`the needs lead to several datasets: ${candidates.join('; ')}; say which with with.dataset: <step id>`);
  }
  const only = [...found.values()][0];
  if (only) return only.dataset;
  const seen = inputs.length ? inputs.map((i) => `${i.stepId} (${describeFiles(i)})`).join('; ') : 'no needs at all';
  throw new InputError(`no dataset among this step's needs or upstream of them: list the step that wrote conversations.jsonl or series.jsonl in needs; found ${seen}`);
}

/** On each path up from these inputs, the first step whose output holds a dataset. */
function nearestDatasets(inputs: readonly StepInput[], seen = new Set<string>()): DatasetSource[] {
  return inputs.flatMap((i) => {
    if (seen.has(i.stepId)) return [];
    seen.add(i.stepId);
    const d = datasetIn(i);
    return d ? [d] : nearestDatasets(i.needs ?? [], seen);
  });
}

/** Every step upstream of these inputs, the inputs first, each once. */
function upstreamOf(inputs: readonly StepInput[]): StepInput[] {
  const out: StepInput[] = [];
  const seen = new Set<string>();
  const queue = [...inputs];
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i]!;
    if (seen.has(x.stepId)) continue;
    seen.add(x.stepId);
    out.push(x);
    queue.push(...(x.needs ?? []));
  }
  return out;
}

function describeFiles(input: StepInput): string {
  if (!input.files.length) return 'no files';
  const shown = input.files.slice(0, 4).join(', ');
  return input.files.length > 4 ? `${shown}, …` : shown;
}
