// Help text for every command: one line of purpose, the usage, each option on one line, and an example.

export interface CommandHelp {
  summary: string;
  usage: string;
  options: Array<[string, string]>;
  examples: string[];
}

const STATE_DIR: [string, string] = ['--state-dir DIR', 'state folder to use (default: .genesis beside the pipeline file)'];
const JSON_OUT: [string, string] = ['--json', 'print machine-readable JSON on stdout, nothing else there'];
const REGISTRY: Array<[string, string]> = [JSON_OUT, ['--pipeline FILE', "read the registry of this pipeline's state folder"], ['--state-dir DIR', 'read the registry in this state folder']];

export const HELP: Record<string, CommandHelp> = {
  run: {
    summary: 'run a pipeline (cached steps are reused; interrupted generation resumes)',
    usage: 'genesis run <pipeline.yaml> [options]',
    options: [
      ['--only STEP', 'run just these steps (repeat or comma-separate); their inputs come from the cache'],
      ['--until STEP', 'run this step and everything it needs, nothing after it'],
      ['--force [STEP…]', 'rerun every step (or the named ones) even when cached; finished items are still reused'],
      ['--dry-run', 'say what would run and why, with cost estimates; run and write nothing'],
      ['--retry-failed', 'try again the items that failed permanently last time'],
      ['--concurrency N', 'steps run at once (default: the number of CPU cores)'],
      ['--lock-timeout SECONDS', 'how long to wait for another run holding the state folder (default 60)'],
      JSON_OUT,
      ['--json-events', 'print each progress event as one JSON line on stdout as it happens (what `genesis serve` reads)'],
      ['-q, --quiet', 'print only warnings, failures and the final summary'],
      STATE_DIR,
    ],
    examples: ['genesis run pipelines/quickstart.yaml', 'genesis run pipelines/quickstart.yaml --until validate --dry-run'],
  },
  validate: {
    summary: 'check a pipeline file; exit 2 with located errors',
    usage: 'genesis validate <pipeline.yaml> [--json]',
    options: [JSON_OUT],
    examples: ['genesis validate pipelines/quickstart.yaml'],
  },
  graph: {
    summary: 'print the step graph',
    usage: 'genesis graph <pipeline.yaml> [--format mermaid|dot]',
    options: [['--format mermaid|dot', 'output format (default mermaid)']],
    examples: ['genesis graph pipelines/quickstart.yaml --format dot | dot -Tsvg > graph.svg'],
  },
  status: {
    summary: 'show each step as fresh or stale, and why',
    usage: 'genesis status <pipeline.yaml> [--json] [--state-dir DIR]',
    options: [JSON_OUT, STATE_DIR],
    examples: ['genesis status pipelines/quickstart.yaml'],
  },
  why: {
    summary: 'explain what changed for one step since its last run',
    usage: 'genesis why <pipeline.yaml> <step> [--json] [--state-dir DIR]',
    options: [JSON_OUT, STATE_DIR],
    examples: ['genesis why pipelines/quickstart.yaml train'],
  },
  runs: {
    summary: 'list past runs',
    usage: 'genesis runs [<pipeline.yaml>] [--limit N] [--json] [--state-dir DIR]',
    options: [['--limit N', 'newest N runs (default 20)'], JSON_OUT, ['--state-dir DIR', 'state folder to read (default: ./.genesis, else the one state folder below)']],
    examples: ['genesis runs pipelines/quickstart.yaml --limit 5'],
  },
  clean: {
    summary: 'remove stored objects no longer referenced; optionally drop one pipeline’s item checkpoints',
    usage: 'genesis clean [<pipeline.yaml>] [options]',
    options: [
      ['--keep-last N', "also keep the outputs of each step's last N runs"],
      ['--drop-checkpoints', "forget the pipeline's item checkpoints (a rerun makes, and with an LLM pays for, them again); needs the pipeline file"],
      ['--step STEP', 'with --drop-checkpoints: only these steps (repeat or comma-separate)'],
      ['-y, --yes', 'do not ask before dropping checkpoints on a terminal'],
      ['--dry-run', 'say what would be removed and dropped; change nothing'],
      STATE_DIR,
    ],
    examples: ['genesis clean pipelines/quickstart.yaml --keep-last 3', 'genesis clean pipelines/quickstart.yaml --drop-checkpoints --step generate --dry-run'],
  },
  datasets: {
    summary: 'list or show registered datasets',
    usage: 'genesis datasets [list | show <name>[@version]] [--json] [--pipeline FILE | --state-dir DIR]',
    options: REGISTRY,
    examples: ['genesis datasets --pipeline pipelines/quickstart.yaml', 'genesis datasets show quickstart-conversations@1 --pipeline pipelines/quickstart.yaml'],
  },
  lineage: {
    summary: 'show where a registered dataset came from and what was made of it',
    usage: 'genesis lineage <name>[@version] [--json] [--pipeline FILE | --state-dir DIR]',
    options: REGISTRY,
    examples: ['genesis lineage quickstart-conversations --pipeline pipelines/quickstart.yaml'],
  },
  export: {
    summary: 'write a registered dataset in the Hugging Face layout (Parquet splits and a dataset card); optionally push it to the Hub',
    usage: 'genesis export <name>[@version] --to DIR [options]',
    options: [
      ['--to DIR', 'folder to write: data/<split>-00000-of-00001.parquet and README.md (a previous export there is replaced)'],
      ['--format parquet|jsonl', 'file format of the splits (default parquet)'],
      ['--split SPEC', 'splits and their shares, stratified by intent (series: by type) (default train=0.9,test=0.1)'],
      ['--seed N', 'seed of the split (default: the seed the dataset was generated with)'],
      ['--license ID', 'license id for the card (default mit)'],
      ['--push REPO', 'also publish to the Hub as dataset <user>/<name>, with the token in HF_TOKEN (HF_ENDPOINT: another Hub)'],
      ...REGISTRY,
    ],
    examples: ['genesis export quickstart-conversations --to hf-export --pipeline pipelines/quickstart.yaml', 'HF_TOKEN=hf_… genesis export quickstart-conversations@1 --to hf-export --push me/support-convs'],
  },
  list: {
    summary: 'list what a pipeline may name: intents and categories, series types, step types and their with: fields',
    usage: 'genesis list intents|types|steps [--json]',
    options: [JSON_OUT],
    examples: ['genesis list intents', 'genesis list steps'],
  },
  predict: {
    summary: 'classify texts with a trained model.json',
    usage: 'genesis predict <model.json> "text"… [--top N] [--json]',
    options: [['--top N', 'labels shown per text (default 3)'], JSON_OUT, ['(no texts)', 'read texts from stdin, one a line']],
    examples: ['genesis predict out/quickstart/train/model.json "I lost my card"'],
  },
  report: {
    summary: 'write one self-contained HTML report (charts, a browsable sample) from what the runs stored',
    usage: 'genesis report <pipeline.yaml> [-o FILE] [--state-dir DIR]',
    options: [['-o, --output FILE', 'where to write (default out/<pipeline name>/report.html beside the pipeline)'], STATE_DIR],
    examples: ['genesis report pipelines/quickstart.yaml', 'genesis report pipelines/timeseries.yaml -o /tmp/ts.html'],
  },
  serve: {
    summary: 'a local dashboard: pipelines, runs, datasets, reports, live progress and a Run button',
    usage: 'genesis serve [<folder or pipeline.yaml>] [--port N] [--host H]',
    options: [
      ['--port N', 'port to listen on (default 8765; 0 picks a free one)'],
      ['--host H', 'interface to listen on (default 127.0.0.1; another one is reachable by others, and warned about)'],
      ['(folder)', 'the pipelines (*.yaml) in this folder, default the working folder; or one pipeline file'],
    ],
    examples: ['genesis serve pipelines', 'genesis serve pipelines/quickstart.yaml --port 0'],
  },
  'fake-bedrock': {
    summary: 'serve a local fake of Amazon Bedrock for trying the bedrock provider',
    usage: 'genesis fake-bedrock [options]',
    options: [
      ['--port N', 'port on 127.0.0.1 (default: a free one, printed)'],
      ['--rpm N, --tpm N', 'the quota it enforces with 429s (requests and tokens per minute)'],
      ['--window-ms N', 'length of the quota window (default 60000; shorter windows make benches quick)'],
      ['--latency-ms N', 'model latency of every real reply'],
      ['--faults SPEC', 'fault rates, e.g. 429=0.3,500=0.05,503=0.02,timeout=0.01,reset=0.01,malformed=0.02,truncate=0.01 (429 here is a service-side storm, independent of the quota)'],
      ['--hang-ms N', 'how long a `timeout` fault hangs before ModelTimeoutException'],
      ['--ids MODE', 'what the model does with conversation ids: mixed (default), echo, renumber, omit'],
      ['--reorder P, --fewer P, --more P, --prose P', 'share of replies with items reordered, missing, extra, or JSON wrapped in prose'],
      ['--retry-after', 'send retry-after on 429s (real Bedrock does not)'],
      ['--batch-job-ms N', 'batch inference jobs go Submitted → InProgress → Completed over N ms (default 20000)'],
      ['--batch-errors P', 'share of batch records answered with an error instead of modelOutput'],
      ['--batch-min-records N, --batch-max-records N', 'records a batch job accepts (default 100 to 50000); outside, validation fails the job'],
      ['--seed N', 'seed of the faults and answers'],
    ],
    examples: ['genesis fake-bedrock --port 8787', 'genesis fake-bedrock --ids renumber --faults 429=0.3,500=0.05,503=0.02,timeout=0.01,reset=0.01'],
  },
};

export function commandHelp(name: string): string {
  const h = HELP[name]!;
  const width = Math.max(...h.options.map(([o]) => o.length));
  return [
    `genesis ${name}: ${h.summary}`,
    '',
    `usage: ${h.usage}`,
    ...(h.options.length ? ['', 'options:', ...h.options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`)] : []),
    '',
    `example${h.examples.length > 1 ? 's' : ''}:`,
    ...h.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export function generalHelp(): string {
  const width = Math.max(...Object.keys(HELP).map((c) => c.length));
  return [
    'genesis — declarative pipelines for synthetic training data',
    '',
    'usage: genesis <command> [options]',
    '',
    ...Object.entries(HELP).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 ok · 1 a step or gate failed · 2 invalid input · 74 disk full or state not writable (fix, then rerun) · 75 stopped resumably (rerun to continue) · 130 interrupted',
    'run `genesis help <command>` (or `genesis <command> --help`) for its options and an example; see README.md for the pipeline format.',
  ].join('\n');
}
