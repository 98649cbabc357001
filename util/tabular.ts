// Reading user datasets by path: JSONL streamed line by line, CSV through csv-parse.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import { InputError } from './errors.js';
import { BadRecords, type OnInvalid } from './bad-records.js';
import { checkInputFile, UTF8_BOM } from './input-file.js';

export interface JsonlOptions {
  /** Why a parsed line is not a record of the expected kind (undefined when it is). Default: it must be a JSON object. */
  check?: (value: unknown) => string | undefined;
  /** `fail` (default): every bad line is reported once the file is read; `skip`: bad lines are counted in `bad`. */
  onInvalid?: OnInvalid;
  bad?: BadRecords;
  /** How messages name the file ("input file", "reference"). */
  what?: string;
}

/**
 * Streams the records of a JSONL file. Bad lines (invalid JSON, not a record) are collected as `file:line: error: …`
 * rather than stopping at the first, so the user sees them all (the first 20 and a count) in one go.
 */
export async function* readJsonl<T = Record<string, unknown>>(path: string, opts: JsonlOptions = {}): AsyncGenerator<T> {
  checkInputFile(path, opts.what);
  const bad = opts.bad ?? new BadRecords(path);
  const check = opts.check ?? objectProblem;
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let good = 0;
  for await (let text of rl) {
    line++;
    if (line === 1 && text.startsWith(UTF8_BOM)) text = text.slice(1); // what Windows editors write; valid UTF-8 all the same
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      bad.add(line, `invalid JSON: ${(e as Error).message}`);
      continue;
    }
    const problem = check(value);
    if (problem) {
      bad.add(line, problem);
      continue;
    }
    good++;
    yield value as T;
  }
  bad.settle(good, opts.onInvalid ?? 'fail');
}

/** The default record check: a JSON object (not null, an array, a number or a string). */
export function objectProblem(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `expected a JSON object, got ${describeJson(value)}`;
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'a string' : `a ${typeof value}`} (${truncate(JSON.stringify(value))})`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Reads a whole CSV file with a header row into objects keyed by column name; a file with no rows is an error. */
export async function readCsv(path: string, what?: string): Promise<Array<Record<string, string>>> {
  checkInputFile(path, what);
  const { parse } = await import('csv-parse/sync');
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as Array<Record<string, string>>;
  } catch (e) {
    throw new InputError(`${path}: error: cannot parse CSV: ${(e as Error).message}`);
  }
  if (rows.length === 0) throw new InputError(`${path}: error: no rows under the header (an empty dataset is an error)`);
  return rows;
}

/** Rows of a CSV or JSONL file (by extension), as plain objects. */
export async function readRecords(path: string): Promise<Array<Record<string, unknown>>> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return readCsv(path);
  const rows: Array<Record<string, unknown>> = [];
  for await (const r of readJsonl(path)) rows.push(r);
  return rows;
}

export interface WideColumn {
  id: string;
  /** ISO timestamp of the first row. */
  start: string;
  values: number[];
}

/**
 * Reads a wide time-series CSV (`timestamp,col1,col2…`, one row per time step). Blank or non-numeric cells and a
 * bad first timestamp are InputErrors naming the row and column, never silent NaNs or zeros.
 */
export async function readWideCsv(path: string): Promise<WideColumn[]> {
  const rows = await readCsv(path);
  const first = rows[0]!;
  if (!('timestamp' in first)) throw new InputError(`${path}: error: no \`timestamp\` column (expected timestamp,series1,series2…)`);
  const t = Date.parse(first.timestamp ?? '');
  if (Number.isNaN(t)) throw new InputError(`${path}:2: error: timestamp "${first.timestamp ?? ''}" is not a date`);
  const start = new Date(t).toISOString();
  const cols = Object.keys(first).filter((c) => c !== 'timestamp');
  return cols.map((c) => ({
    id: c,
    start,
    values: rows.map((row, i) => {
      const cell = (row[c] ?? '').trim();
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) throw new InputError(`${path}:${i + 2}: error: column ${c}: not a number: "${row[c] ?? ''}"`);
      return v;
    }),
  }));
}
