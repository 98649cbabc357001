// The text classifier's JSON file: vocabulary, idf, float32 weights as base64, labels and training params.
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import type { TextClassifier } from './text-classifier.js';
import type { TfidfOptions } from './tfidf.js';

export const MODEL_FORMAT = 'genesis/text-classifier';

// The file stores little-endian float32; on such hosts (nearly all) the weights are copied as bytes, not per float.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const MODEL_FORMAT_VERSION = 1;

interface ModelFile {
  format: typeof MODEL_FORMAT;
  format_version: number;
  labels: string[];
  training: Record<string, unknown>;
  tfidf: { options: TfidfOptions; terms: string[]; idf: number[] };
  /** [features, classes] float32, little-endian, base64. */
  weights: { shape: [number, number]; dtype: 'float32'; base64: string };
  bias: number[];
}

export function serializeTextClassifier(model: TextClassifier): string {
  const w = model.softmax.weights;
  let bytes: Buffer;
  if (LITTLE_ENDIAN) {
    bytes = Buffer.from(w.buffer, w.byteOffset, w.byteLength);
  } else {
    bytes = Buffer.alloc(w.length * 4);
    for (let i = 0; i < w.length; i++) bytes.writeFloatLE(w[i] as number, i * 4);
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    labels: model.labels,
    training: model.training,
    tfidf: { options: model.tfidf.options, terms: model.tfidf.terms, idf: model.tfidf.idf },
    weights: { shape: [model.softmax.features, model.softmax.classes], dtype: 'float32', base64: bytes.toString('base64') },
    bias: Array.from(model.softmax.bias),
  };
  return JSON.stringify(file) + '\n';
}

/** Parses a model file; a RangeError describes what is wrong with a malformed one. */
export function deserializeTextClassifier(text: string): TextClassifier {
  let f: Partial<ModelFile>;
  try {
    f = JSON.parse(text) as Partial<ModelFile>;
  } catch (e) {
    throw new RangeError(`not JSON: ${(e as Error).message}`);
  }
  if (f === null || typeof f !== 'object' || f.format !== MODEL_FORMAT) throw new RangeError(`not a ${MODEL_FORMAT} model file`);
  if (f.format_version !== MODEL_FORMAT_VERSION) throw new RangeError(`unsupported model format_version ${String(f.format_version)}`);
  const { labels, tfidf, weights, bias } = f;
  if (!Array.isArray(labels) || !tfidf || !Array.isArray(tfidf.terms) || !Array.isArray(tfidf.idf) || !weights || !Array.isArray(bias)) {
    throw new RangeError('model file is missing labels, tfidf, weights or bias');
  }
  const [D, K] = weights.shape;
  const bytes = Buffer.from(weights.base64, 'base64');
  if (K !== labels.length || D !== tfidf.terms.length || tfidf.idf.length !== D || bias.length !== K || bytes.length !== D * K * 4) {
    throw new RangeError('model file shapes disagree (weights, labels, vocabulary, bias)');
  }
  let w: Float32Array;
  if (LITTLE_ENDIAN) {
    // A copy into a fresh, aligned buffer: the decoded bytes may sit at any offset of Node's buffer pool.
    w = new Float32Array(D * K);
    new Uint8Array(w.buffer).set(bytes);
  } else {
    w = new Float32Array(D * K);
    for (let i = 0; i < w.length; i++) w[i] = bytes.readFloatLE(i * 4);
  }
  return {
    labels,
    tfidf: { options: tfidf.options, terms: tfidf.terms, idf: tfidf.idf },
    softmax: { classes: K, features: D, weights: w, bias: Float64Array.from(bias) },
    training: f.training ?? {},
  };
}

/** Reads and parses a model file for a user: an unreadable or malformed file is an InputError naming it. */
export function readTextClassifierFile(path: string): TextClassifier {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read model file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return deserializeTextClassifier(text);
  } catch (e) {
    throw new InputError(`${path}: error: not a valid genesis classifier model: ${(e as Error).message}`);
  }
}
