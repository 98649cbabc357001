// The pipelines a dashboard shows: the pipeline files of one folder (or one file), each loaded and analyzed, cached by mtime.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AnalyzedPipeline } from '../runner/analyze.js';
import { analyze } from '../runner/analyze.js';
import { readPipelineSource } from '../runner/source.js';
import { formatDiagnostic } from '../util/diagnostics.js';
import { InputError } from '../util/errors.js';

export interface PipelineEntry {
  /** How pages and the API name it: the path relative to the served folder. */
  key: string;
  file: string;
  stateDir: string;
  analyzed?: AnalyzedPipeline;
  /** Why it could not be loaded (the first located diagnostic). */
  error?: string;
}

export class Workspace {
  readonly root: string;
  private readonly single?: string;
  private readonly cache = new Map<string, { mtimeMs: number; entry: PipelineEntry }>();

  constructor(target: string) {
    const abs = resolve(target);
    if (!existsSync(abs)) throw new InputError(`${target}: no such folder or pipeline file`);
    if (statSync(abs).isDirectory()) this.root = abs;
    else {
      this.root = dirname(abs);
      this.single = abs;
    }
  }

  /** Pipeline files: *.yaml / *.yml at the top of the folder that have a `steps:` key. */
  files(): string[] {
    if (this.single) return [this.single];
    return readdirSync(this.root)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(this.root, f))
      .filter((f) => statSync(f).isFile() && /^steps:/m.test(readFileSync(f, 'utf8')))
      .sort();
  }

  async entries(): Promise<PipelineEntry[]> {
    return Promise.all(this.files().map((f) => this.load(f)));
  }

  /** The entry named by a page: only files of this folder, never a path the request made up. */
  async byKey(key: string | null): Promise<PipelineEntry | undefined> {
    const file = this.files().find((f) => this.keyOf(f) === key);
    return file ? this.load(file) : undefined;
  }

  private keyOf(file: string): string {
    return relative(this.root, file) || basename(file);
  }

  private async load(file: string): Promise<PipelineEntry> {
    const mtimeMs = statSync(file).mtimeMs;
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.entry;
    const base = { key: this.keyOf(file), file, stateDir: join(dirname(file), '.genesis') };
    let entry: PipelineEntry;
    try {
      const { parsePipeline } = await import('../runner/load.js');
      const src = readPipelineSource(file);
      entry = { ...base, analyzed: await analyze(parsePipeline(src)) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const first = e.diagnostics.find((d) => d.severity === 'error');
      entry = { ...base, error: first ? formatDiagnostic(first) : e.message };
    }
    this.cache.set(file, { mtimeMs, entry });
    return entry;
  }
}
