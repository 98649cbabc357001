// Parquet files of an export (hyparquet-writer, chosen in bench/results/export.md): one typed schema per record type,
// nested fields kept nested — turns are a LIST of structs, targets a LIST of doubles — never JSON strings.
import { parquetWriteFile } from 'hyparquet-writer';
import type { RecordType } from '../../store/registry.js';

type Row = Record<string, unknown>;
type Element = { name: string; type?: 'BYTE_ARRAY' | 'INT32' | 'INT64' | 'DOUBLE'; converted_type?: 'UTF8' | 'LIST' | 'TIMESTAMP_MILLIS'; repetition_type: 'REQUIRED' | 'OPTIONAL' | 'REPEATED'; num_children?: number };

/** One top-level column: its schema subtree (the column first) and how a record gives its value. */
interface Column {
  elements: Element[];
  value(r: Row): unknown;
}

const text = (name: string, repetition: Element['repetition_type'] = 'REQUIRED'): Element => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition });
const str = (name: string): Column => ({ elements: [text(name)], value: (r) => r[name] });
const int = (name: string): Column => ({ elements: [{ name, type: 'INT32', repetition_type: 'REQUIRED' }], value: (r) => r[name] });
/** The three-level LIST the Parquet spec (and pyarrow, hence `datasets`) reads as a list. */
const list = (name: string, element: Element[], value: Column['value']): Column => ({
  elements: [{ name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 }, { name: 'list', repetition_type: 'REPEATED', num_children: 1 }, ...element],
  value,
});

/**
 * `meta` is free-form in the record schema: here a struct of the keys the records use, each an optional string
 * (non-string values as their JSON), so `datasets` sees one column per key rather than an opaque blob.
 */
function metaColumn(rows: readonly Row[]): Column[] {
  const keys = [...new Set(rows.flatMap((r) => (r.meta && typeof r.meta === 'object' ? Object.keys(r.meta) : [])))].sort();
  if (!keys.length) return [];
  return [
    {
      elements: [{ name: 'meta', repetition_type: 'OPTIONAL', num_children: keys.length }, ...keys.map((k) => text(k, 'OPTIONAL'))],
      value: (r) => {
        if (!r.meta || typeof r.meta !== 'object') return null;
        const m = r.meta as Row;
        return Object.fromEntries(keys.map((k) => [k, m[k] === undefined || m[k] === null ? null : typeof m[k] === 'string' ? m[k] : JSON.stringify(m[k])]));
      },
    },
  ];
}

function conversationColumns(rows: readonly Row[]): Column[] {
  return [
    ...['conversation_id', 'intent', 'category', 'sentiment', 'complexity', 'emotion_arc', 'language'].map(str),
    int('turn_count'),
    str('resolution_status'),
    list('turns', [{ name: 'element', repetition_type: 'REQUIRED', num_children: 2 }, text('speaker'), text('text')], (r) =>
      (r.turns as Row[]).map((t) => ({ speaker: t.speaker, text: t.text })),
    ),
    ...metaColumn(rows),
  ];
}

function seriesColumns(rows: readonly Row[]): Column[] {
  return [
    ...['series_id', 'domain', 'series_type', 'frequency'].map(str),
    // A timestamp column, so `datasets` and pandas get a datetime rather than text to parse.
    { elements: [{ name: 'start', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'REQUIRED' }], value: (r) => BigInt(Date.parse(r.start as string)) },
    int('length'),
    list('target', [{ name: 'element', type: 'DOUBLE', repetition_type: 'REQUIRED' }], (r) => r.target),
    str('unit'),
    list('seasonality_types', [text('element')], (r) => r.seasonality_types),
    str('trend_type'),
    ...metaColumn(rows),
  ];
}

/** Writes the records as one Parquet file; the same records always give the same bytes (no time, no host). */
export function writeParquet(path: string, recordType: RecordType, rows: readonly Row[], allRows: readonly Row[] = rows): void {
  // Columns come from every record of the export, so each split's file has the same schema.
  const columns = recordType === 'conversation' ? conversationColumns(allRows) : seriesColumns(allRows);
  const schema = [{ name: 'root', num_children: columns.length }, ...columns.flatMap((c) => c.elements)];
  const columnData = columns.map((c) => ({ name: c.elements[0]!.name, data: rows.map((r) => c.value(r)) }));
  parquetWriteFile({ filename: path, columnData: columnData as never, schema: schema as never, createdBy: 'genesis' });
}

const CONVERSATION_STRINGS = ['conversation_id', 'intent', 'category', 'sentiment', 'complexity', 'emotion_arc', 'language', 'resolution_status'];
const SERIES_STRINGS = ['series_id', 'domain', 'series_type', 'frequency', 'start', 'unit', 'trend_type'];

/** Why a record cannot go into its Parquet schema (a missing or mistyped field), or undefined when it can. */
export function parquetProblem(recordType: RecordType, r: Row): string | undefined {
  const strings = recordType === 'conversation' ? CONVERSATION_STRINGS : SERIES_STRINGS;
  const bad = strings.find((k) => typeof r[k] !== 'string');
  if (bad) return `field \`${bad}\` must be a string, got ${r[bad] === undefined ? 'nothing' : JSON.stringify(r[bad])}`;
  if (recordType === 'conversation') {
    if (!Number.isInteger(r.turn_count)) return 'field `turn_count` must be an integer';
    const turns = r.turns;
    if (!Array.isArray(turns) || !turns.every((t) => t && typeof (t as Row).speaker === 'string' && typeof (t as Row).text === 'string')) return 'field `turns` must be a list of {speaker, text} strings';
    return undefined;
  }
  if (!Number.isInteger(r.length)) return 'field `length` must be an integer';
  if (Number.isNaN(Date.parse(r.start as string))) return `field \`start\` is not a timestamp: ${JSON.stringify(r.start)}`;
  if (!Array.isArray(r.target) || !r.target.every((v) => typeof v === 'number')) return 'field `target` must be a list of numbers';
  if (!Array.isArray(r.seasonality_types) || !r.seasonality_types.every((v) => typeof v === 'string')) return 'field `seasonality_types` must be a list of strings';
  return undefined;
}
