// Reading user datasets by path: JSONL streamed line by line, CSV through csv-parse.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import { InputError } from './errors.js';

/** Streams the objects of a JSONL file; a bad line is an InputError naming file and line. */
export async function* readJsonl<T = Record<string, unknown>>(path: string): AsyncGenerator<T> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text) as T;
    } catch (e) {
      throw new InputError(`${path}:${line}:1: error: invalid JSON line: ${(e as Error).message}`);
    }
  }
}

/** Reads a whole CSV file with a header row into objects keyed by column name. */
export async function readCsv(path: string): Promise<Array<Record<string, string>>> {
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as Array<
      Record<string, string>
    >;
  } catch (e) {
    throw new InputError(`${path}: error: cannot parse CSV: ${(e as Error).message}`);
  }
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
  const first = rows[0];
  if (!first) throw new InputError(`${path}: error: no rows`);
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
