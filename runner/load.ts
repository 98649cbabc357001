// Load: read a pipeline file, parse YAML with positions, validate against the schema, normalize.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readPipelineSource, type PipelineSource } from './source.js';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { InputError } from '../util/errors.js';
import type { Diagnostic, Location } from '../util/diagnostics.js';
import { sha256 } from '../util/hash.js';
import { parseDuration } from '../util/duration.js';
import { problemToDiagnostic, schemaValidator } from './schema-check.js';
import type { Pipeline, SourceMap, StepDef, StepId } from './pipeline.js';
import type { ProviderConfig } from '../providers/contract.js';

/** Bounds alias expansion (a billion-laughs file stops here instead of exhausting memory). */
const MAX_ALIAS_COUNT = 1000;

export function loadPipeline(path: string): Pipeline {
  return parsePipeline(readPipelineSource(path));
}

export function parsePipeline(src: PipelineSource): Pipeline {
  const { display: path, bytes } = src;
  const text = decodeUtf8(path, bytes);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, merge: true });
  const source = makeSourceMap(path, text, doc, lineCounter);
  return validateAndNormalize(src, text, doc, source);
}

function validateAndNormalize(src: PipelineSource, text: string, doc: SourceMap['doc'], source: SourceMap): Pipeline {
  const { display: path, file, bytes } = src;
  const lineCounter = source.lineCounter;

  const diagnostics: Diagnostic[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const start = lineCounter.linePos(err.pos[0]);
    diagnostics.push({
      severity: 'error',
      message: cleanYamlMessage(err.message, err.code),
      location: { file: path, line: start.line, column: start.col, length: Math.max(1, err.pos[1] - err.pos[0]) },
    });
  }
  // The YAML library reports an alias without its anchor only when converting, at no position: find each one here.
  // Anchors are collected in document order (visit's order), so an alias is checked against those set before it,
  // in one pass: resolving each alias on its own rescans the document (quadratic on a 1,000-alias file).
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (node.anchor) anchors.add(node.anchor);
    },
    Alias(_, alias) {
      if (anchors.has(alias.source)) return;
      const [start, end] = alias.range ?? [0, 1];
      const pos = lineCounter.linePos(start);
      diagnostics.push({
        severity: 'error',
        message: `undefined alias \`*${alias.source}\`: no anchor \`&${alias.source}\` is set before it`,
        location: { file: path, line: pos.line, column: pos.col, length: Math.max(1, end - start) },
      });
    },
  });
  if (diagnostics.length) throw new InputError('invalid YAML', diagnostics);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    const tooMany = /alias count/i.test(message);
    throw new InputError('invalid YAML', [
      { severity: 'error', message: tooMany ? `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (a YAML bomb?)` : message, location: source.locate([]) },
    ]);
  }
  if (data === null || data === undefined) {
    throw new InputError('empty pipeline', [{ severity: 'error', message: 'the file is empty: a pipeline needs `name` and `steps`', location: source.locate([]) }]);
  }

  const problems = schemaValidator('pipeline.schema.json')(data);
  if (problems.length) throw new InputError('invalid pipeline', problems.map((p) => problemToDiagnostic(p, source, [])));
  const pipeline = normalize(path, file, bytes, data as RawPipeline, source);
  const outside = outputsOutside(pipeline, (data as RawPipeline).allow_outside_outputs);
  if (outside) throw new InputError('invalid pipeline', [outside]);
  return pipeline;
}

/** `outputs:` outside the pipeline's folder tree is refused unless opted into: a typo there must not write elsewhere. */
function outputsOutside(p: Pipeline, allowed: boolean | undefined): Diagnostic | undefined {
  const rel = relative(p.dir, p.outputsDir);
  if (allowed || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) return undefined;
  return {
    severity: 'error',
    message: `\`outputs:\` points outside this pipeline's folder (${p.outputsDir}); use a folder inside it, or add \`allow_outside_outputs: true\` if that is intended`,
    location: p.source.locate(['outputs']),
  };
}

function decodeUtf8(display: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte to give a useful position.
    let offset = 0;
    for (let lo = 0, hi = bytes.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1));
        lo = mid + 1;
        offset = lo;
      } catch {
        hi = mid;
        offset = lo;
      }
    }
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new InputError('not UTF-8', [
      { severity: 'error', message: `invalid UTF-8 byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}: pipeline files must be UTF-8 text`, location: { file: display, line, column, length: 1 } },
    ]);
  }
}

function cleanYamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0] ?? message;
  const msg = first.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return `duplicate key: ${msg.replace(/^Map keys must be unique;?\s*/i, '') || 'map keys must be unique'}`.replace(/: $/, '');
  return msg.charAt(0).toLowerCase() + msg.slice(1);
}

function makeSourceMap(display: string, text: string, doc: SourceMap['doc'], lineCounter: LineCounter): SourceMap {
  const toLoc = (range: [number, number] | undefined): Location => {
    const start = range?.[0] ?? 0;
    const end = range?.[1] ?? start + 1;
    const pos = lineCounter.linePos(start);
    return { file: display, line: pos.line, column: pos.col, length: Math.max(1, end - start) };
  };
  return {
    text,
    doc,
    lineCounter,
    locate(path, part = 'value') {
      // Walk as far down the path as the document goes; report the deepest node found.
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
          if (!pair) break;
          keyNode = pair.key as Node;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg];
          if (item === undefined) break;
          keyNode = undefined;
          node = item;
        } else break;
      }
      if (part === 'key' && keyNode) return toLoc(keyNode.range as unknown as [number, number]);
      const n = node as Node | null | undefined;
      if (n && n.range) {
        // A block map or seq spans many lines: point at its first line only.
        const [start, valueEnd] = n.range;
        const lineEnd = text.indexOf('\n', start);
        return toLoc([start, lineEnd === -1 ? valueEnd : Math.min(valueEnd, lineEnd)]);
      }
      if (keyNode) return toLoc(keyNode.range as unknown as [number, number]);
      return toLoc(undefined);
    },
  };
}

interface RawStep {
  uses: string;
  needs?: string | string[];
  with?: Record<string, unknown>;
  run?: string;
  inputs?: string[];
  outputs?: string[];
  env?: Record<string, string | number | boolean>;
  timeout?: number | string;
  description?: string;
}

interface RawPipeline {
  name: string;
  seed?: number;
  outputs?: string;
  allow_outside_outputs?: boolean;
  concurrency?: number;
  providers?: Record<string, { type: string } & Record<string, unknown>>;
  steps: Record<string, RawStep>;
}

function normalize(display: string, file: string, bytes: Buffer, raw: RawPipeline, source: SourceMap): Pipeline {
  const dir = dirname(file);
  const providers = new Map<string, ProviderConfig>();
  for (const [name, p] of Object.entries(raw.providers ?? {})) {
    const { type, ...options } = p;
    providers.set(name, { name, type, options });
  }
  if (!providers.has('default')) providers.set('default', { name: 'default', type: 'offline', options: {} });
  const steps: StepDef[] = Object.entries(raw.steps).map(([id, s]) => ({
    id: id as StepId,
    uses: s.uses,
    needs: (typeof s.needs === 'string' ? [s.needs] : s.needs ?? []) as StepId[],
    with: s.with ?? {},
    run: s.run,
    inputs: s.inputs ?? [],
    outputs: s.outputs ?? [],
    env: Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, String(v)])),
    ...(s.timeout !== undefined ? { timeoutMs: parseDuration(s.timeout) } : {}),
    description: s.description,
  }));
  return {
    file,
    displayFile: display,
    dir,
    name: raw.name,
    seed: raw.seed ?? 42,
    outputsDir: resolve(dir, raw.outputs ?? 'out'),
    concurrency: raw.concurrency,
    providers,
    steps,
    fileHash: sha256(bytes),
    source,
  };
}
