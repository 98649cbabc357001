// Pipelines and readers for export tests: a registered offline dataset, and Parquet read by two independent readers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli, writePipeline } from '../helpers/cli.js';

export const conversationsPipeline = (extra = '') => `name: exp
seed: 7
steps:
  generate:
    uses: generate/conversations
    with: { count: 400, languages: { en: 0.5, es: 0.5 } }
  validate: { uses: validate/conversations, needs: [generate], with: { gates: { overall: 0.5 } } }
  bias: { uses: bias/conversations, needs: [generate] }
  register:
    uses: register/dataset
    needs: [generate, validate, bias]
    with: { name: support, description: Support chats for the export tests. }
${extra}`;

export const seriesPipeline = `name: ts
seed: 3
steps:
  generate: { uses: generate/timeseries, with: { count: 48, length: 72 } }
  register: { uses: register/dataset, needs: [generate], with: { name: load-series } }
`;

/** Runs a pipeline (must succeed) and returns its file and state folder. */
export async function registered(yaml: string): Promise<{ file: string; state: string }> {
  const file = writePipeline(yaml);
  const r = await runCli(['run', file, '-q']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { file, state: join(dirname(file), '.genesis') };
}

export function jsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Every file under a folder, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function cardHeader(dir: string): Record<string, any> {
  const text = readFileSync(join(dir, 'README.md'), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m, 'README.md starts with a YAML header between --- lines').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, any>;
}

/** Rows as hyparquet reads them (the writer's sibling library, but its own reader code). */
export async function readHyparquet(path: string): Promise<Array<Record<string, unknown>>> {
  const { parquetReadObjects } = await import('hyparquet');
  const b = readFileSync(path);
  return (await parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer })) as Array<Record<string, unknown>>;
}

/** Rows as parquet-wasm (Rust's parquet crate, compiled to WASM) reads them into Arrow: no code shared with the writer. */
export async function readParquetWasm(path: string): Promise<{ rows: Array<Record<string, unknown>>; types: Record<string, string> }> {
  const pw = await import('parquet-wasm');
  const arrow = await import('apache-arrow');
  const table = arrow.tableFromIPC(pw.readParquet(readFileSync(path)).intoIPCStream());
  const plain = (v: unknown): unknown => {
    if (v instanceof arrow.Vector) return [...v].map(plain);
    if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries((v as { toJSON(): Record<string, unknown> }).toJSON()).map(([k, x]) => [k, plain(x)]));
    }
    return typeof v === 'bigint' ? Number(v) : v;
  };
  return {
    rows: table.toArray().map((r) => plain(r) as Record<string, unknown>),
    types: Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)])),
  };
}

/** A record as it should come back from Parquet: meta with every key the export knows (absent ones null). */
export function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  const meta = o.meta as Record<string, unknown> | null | undefined;
  return { ...o, meta: meta ? Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null)) : meta };
}
