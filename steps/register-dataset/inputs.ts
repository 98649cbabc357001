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
  let dataset: DatasetSource | undefined;
  if (datasetStep !== undefined) {
    const input = inputs.find((i) => i.stepId === datasetStep);
    if (!input) {
      throw new InputError(`with.dataset names "${datasetStep}", which is not in this step's needs${didYouMean(datasetStep, inputs.map((i) => i.stepId))}`);
    }
    dataset = datasetIn(input);
    if (!dataset) throw new InputError(`with.dataset: step "${datasetStep}" wrote no conversations.jsonl or series.jsonl (it wrote ${describeFiles(input)})`);
  } else {
    const found = inputs.map(datasetIn).filter((d): d is DatasetSource => d !== undefined);
    if (found.length > 1) {
      throw new InputError(`several needs hold a dataset (${found.map((d) => d.input.stepId).join(', ')}); say which with with.dataset: <step id>`);
    }
    dataset = found[0];
    if (!dataset) {
      const seen = inputs.length ? inputs.map((i) => `${i.stepId} (${describeFiles(i)})`).join('; ') : 'no needs at all';
      throw new InputError(
        `no dataset among this step's needs: list the step that wrote conversations.jsonl or series.jsonl in needs (steps see only their direct needs); found ${seen}`,
      );
    }
  }
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

function describeFiles(input: StepInput): string {
  if (!input.files.length) return 'no files';
  const shown = input.files.slice(0, 4).join(', ');
  return input.files.length > 4 ? `${shown}, …` : shown;
}
