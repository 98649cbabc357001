// The step plug-in contract: every step type exports one StepType; the runner knows nothing else of it.
import type { Rng } from '../util/rng.js';
import type { ChatProvider, ProviderConfig } from '../providers/contract.js';

export interface StepType<P = Record<string, unknown>> {
  /** Name used in `uses:`, e.g. `generate/conversations`. */
  readonly type: string;
  /**
   * Content hash of the type's code, everything it imports and the shipped files it reads, derived at build time
   * (scripts/build-versions.mjs) and filled in by the registry: step files never declare it.
   */
  readonly version: string;
  readonly description: string;
  /** JSON Schema (draft-07) of `with:`; defaults in it are applied before `run`. */
  readonly schema: Record<string, unknown>;
  /**
   * Keys of `with:` whose string values are paths relative to the pipeline file; the runner resolves
   * them and hashes the files' content into the fingerprint, so editing a referenced file reruns the step.
   */
  readonly pathParams?: readonly string[];
  /**
   * Files the step also reads beside a path param's file when they exist (`{ input: ['generation.json'] }`): they
   * enter the fingerprint too (absent → "missing"), so adding or editing one reruns the step.
   */
  readonly besideFiles?: Readonly<Record<string, readonly string[]>>;
  /**
   * The step reads outputs beyond its direct needs, through `StepInput.needs` (register/dataset finds the dataset
   * that fed validate/bias/train): every upstream step's output hash then enters its fingerprint.
   */
  readonly readsLineage?: boolean;
  /** Whether `with.provider` names an LLM provider this step calls (its identity enters the fingerprint). */
  readonly usesProvider?: boolean;
  /**
   * Where in `with:` the provider's name is when not at `provider` (filter/conversations: `['judge', 'provider']`);
   * absent there, the step calls no provider. Implies `usesProvider`.
   */
  readonly providerPath?: readonly string[];
  /** The named provider must have a chat API: naming the offline generator is a located error before anything runs. */
  readonly needsChatProvider?: boolean;
  /**
   * Checks what a schema can't (unknown intent names, impossible dates) at analysis time, so the user gets a
   * located error before anything runs. Paths are relative to `with:`.
   */
  check?(params: P): ParamProblem[];
  run(ctx: StepContext<P>): Promise<StepResult | void>;
  /** For `--dry-run`: one line on the work (requests, tokens, cost, time) still to do, if it costs anything. */
  estimate?(input: EstimateInput): Promise<string | undefined>;
  /** The item checkpoints (scope and keys) the step's current `with:` would read and write, for `genesis clean --drop-checkpoints`. */
  checkpointKeys?(input: EstimateInput): Promise<{ scope: string; keys: string[] }>;
}

/** What a step file exports: the contract without its version, which the build derives from content. */
export type StepDefinition<P = Record<string, unknown>> = Omit<StepType<P>, 'version'>;

export interface EstimateInput {
  params: Record<string, unknown>;
  seed: number;
  providers: ReadonlyMap<string, ProviderConfig>;
  /** The state database when one exists (to count items already checkpointed). */
  db?: import('better-sqlite3').Database;
  /** Folder of the pipeline file, which relative paths in `with:` start from. */
  pipelineDir?: string;
  /** The file with this base name in the current output of a `needs` step, when one is on disk (it may be stale). */
  upstreamFile?(baseName: string): string | undefined;
}

/** A problem `check` found in `with:`; warnings are shown but let the pipeline run. */
export interface ParamProblem {
  path: Array<string | number>;
  message: string;
  severity?: 'error' | 'warning';
}

/** One upstream step's output, as the dependant sees it. */
export interface StepInput {
  stepId: string;
  uses: string;
  /** Folder holding the upstream output files (read-only). */
  dir: string;
  /** Relative paths of the files in `dir`. */
  files: string[];
  outputHash: string;
  /** What that step was made from, recursively (its own inputs): lets a step find a dataset further upstream. */
  needs: readonly StepInput[];
}

export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StepContext<P = Record<string, unknown>> {
  stepId: string;
  pipelineName: string;
  /** `with:` after schema validation and defaults; path params already resolved to absolute paths. */
  params: P;
  seed: number;
  inputs: StepInput[];
  /** Empty folder the step writes its outputs into; the runner hashes and stores them after `run`. */
  outDir: string;
  /** Folder of the pipeline file. */
  pipelineDir: string;
  resolvePath(path: string): string;
  /** Seeded generator for this step: same seed and labels → same numbers. */
  rng(...labels: Array<string | number>): Rng;
  log: StepLogger;
  /** Progress for the reporter; `total` may be unknown. */
  progress(done: number, total?: number, note?: string): void;
  signal: AbortSignal;
  /** Item-level checkpoints that outlive the step run (resumable generation). */
  checkpoints: Checkpoints;
  /** The LLM provider configured under `providers:` by name (`default` when omitted). */
  provider(name?: string): Promise<ChatProvider>;
  providerConfig(name?: string): ProviderConfig;
  /** Services for steps that need the state database (register/dataset). */
  services: StepServices;
}

export interface StepServices {
  /** Path of the state folder (.genesis). */
  stateDir: string;
  /** Open handle on the state database (better-sqlite3). */
  db: import('better-sqlite3').Database;
  /** Absolute path of the pipeline file. */
  pipelineFile: string;
  /** Hash of the pipeline file's bytes. */
  pipelineHash: string;
  /** Fingerprint (labelled object) of the running step. */
  fingerprint: Record<string, unknown>;
  runId: string;
  /** Record counters and cost for the run report and the database (generated, reused, failed…). */
  recordStats(stats: Record<string, number>): void;
}

export interface StepResult {
  /** One line for the reporter, e.g. "200 conversations (190 new, 10 reused)". */
  summary?: string;
  /** Figures shown in the run report and stored with the step run. */
  metrics?: Record<string, unknown>;
}

export type ItemStatus = 'done' | 'failed';

export interface ItemRecord {
  key: string;
  status: ItemStatus;
  /** The finished item (JSON text) when done. */
  value?: string;
  error?: string;
  attempts: number;
}

export interface ItemCost {
  inputTokens?: number;
  outputTokens?: number;
  usd?: number;
  requests?: number;
  /** Batch-inference records this item's share is of: paid at the batch price, not on-demand requests. */
  batchRecords?: number;
}

/** Durable per-item results, keyed by a hash of everything that determines the item. */
export interface ItemStore {
  get(key: string): ItemRecord | undefined;
  /** Records a finished item. `durable: true` commits before returning (paid-for items). */
  putDone(key: string, value: string, cost?: ItemCost, durable?: boolean): void;
  putFailed(key: string, error: string): void;
  /** Commits anything buffered. */
  flush(): void;
}

export interface Checkpoints {
  /** A store for a family of items (e.g. `conversations/offline`); keys are unique within it. */
  scope(name: string): ItemStore;
  /** `genesis run --retry-failed` was given: items recorded as failed should be attempted again. */
  readonly retryFailed: boolean;
  /** Batch inference jobs in flight, so a rerun re-attaches to them (absent where nothing can be batched). */
  readonly jobs?: import('../store/batch-jobs.js').BatchJobStore;
}
