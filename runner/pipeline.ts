// The typed, normalized pipeline that load() produces and every later stage consumes.
import type { Document, LineCounter } from 'yaml';
import type { Location } from '../util/diagnostics.js';
import type { ProviderConfig } from '../providers/contract.js';

export type StepId = string & { readonly __brand: 'StepId' };

export interface StepDef {
  id: StepId;
  uses: string;
  needs: StepId[];
  with: Record<string, unknown>;
  run?: string;
  inputs: string[];
  outputs: string[];
  env: Record<string, string>;
  /** `timeout:` in milliseconds: past it the step is stopped and fails. */
  timeoutMs?: number;
  description?: string;
}

export interface Pipeline {
  /** Absolute path of the pipeline file. */
  file: string;
  /** Path as the user gave it, for messages. */
  displayFile: string;
  dir: string;
  name: string;
  seed: number;
  outputsDir: string;
  concurrency?: number;
  providers: Map<string, ProviderConfig>;
  /** In file order. */
  steps: StepDef[];
  /** sha256 of the file's bytes. */
  fileHash: string;
  source: SourceMap;
}

/** Maps a path inside the YAML document to a file location, for diagnostics after loading. */
export interface SourceMap {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  locate(path: ReadonlyArray<string | number>, part?: 'key' | 'value'): Location;
}
