// Writes the folder the `datasets` library and the Hub expect: data/<split>-00000-of-00001.<ext> per split (and per
// language under data/<lang>/ when there are several), and README.md, the dataset card.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RecordType } from '../../store/registry.js';
import { renderCard, type CardInput, type DataFile, type SplitSummary } from './card.js';
import { writeParquet } from './parquet.js';
import { stratifiedSplit, type SplitShare } from './split.js';

type Row = Record<string, unknown>;
export type ExportFormat = 'parquet' | 'jsonl';

/** What the card says beyond what the layout computes from the records. */
export type Provenance = Omit<CardInput, 'recordType' | 'total' | 'languages' | 'splits' | 'files' | 'splitSeed'>;

export interface ExportOptions {
  rows: Row[];
  recordType: RecordType;
  splits: readonly SplitShare[];
  seed: number;
  format: ExportFormat;
  provenance: Provenance;
}

export interface ExportResult {
  /** Paths written, relative to the export folder, in a stable order. */
  files: string[];
  splits: SplitSummary[];
}

export function writeExport(dir: string, o: ExportOptions): ExportResult {
  const stratum = o.recordType === 'conversation' ? 'intent' : 'series_type';
  const assigned = stratifiedSplit(o.rows.map((r) => String(r[stratum])), o.splits, o.seed);
  const ext = o.format === 'parquet' ? 'parquet' : 'jsonl';
  const languages = o.recordType === 'conversation' ? [...new Set(o.rows.map((r) => String(r.language)))].sort() : [];
  const files: DataFile[] = [];
  const write = (rel: string, rows: Row[]) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (o.format === 'parquet') writeParquet(path, o.recordType, rows, o.rows);
    else writeFileSync(path, rows.map((r) => JSON.stringify(r) + '\n').join(''));
  };
  const splits: SplitSummary[] = [];
  for (const s of o.splits) {
    const rows = assigned.get(s.name)!.map((i) => o.rows[i]!);
    const rel = `data/${s.name}-00000-of-00001.${ext}`;
    write(rel, rows);
    files.push({ config: 'default', split: s.name, path: rel });
    const labels: Record<string, number> = {};
    for (const r of rows) labels[String(r[stratum])] = (labels[String(r[stratum])] ?? 0) + 1;
    splits.push({ name: s.name, count: rows.length, labels });
  }
  // One config per language: its own files when there are several languages, the default files when there is one.
  for (const lang of languages) {
    for (const s of o.splits) {
      if (languages.length === 1) {
        files.push({ config: lang, split: s.name, path: `data/${s.name}-00000-of-00001.${ext}` });
        continue;
      }
      const rel = `data/${lang}/${s.name}-00000-of-00001.${ext}`;
      write(rel, assigned.get(s.name)!.map((i) => o.rows[i]!).filter((r) => r.language === lang));
      files.push({ config: lang, split: s.name, path: rel });
    }
  }
  const card = renderCard({ ...o.provenance, recordType: o.recordType, total: o.rows.length, languages, splits, files, splitSeed: o.seed });
  writeFileSync(join(dir, 'README.md'), card);
  return { files: ['README.md', ...new Set(files.map((f) => f.path))], splits };
}
