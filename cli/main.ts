// The CLI edge: dispatch a command, map every expected failure to an exit code, print no stack for user mistakes.
import { readFileSync } from 'node:fs';
import { ExitCode, GenesisError, InputError } from '../util/errors.js';
import { formatDiagnostic } from '../util/diagnostics.js';
import { environmentFault } from '../util/env-faults.js';
import { didYouMean } from '../util/suggest.js';
import { processIo, type Io } from './io.js';

type Command = (argv: string[], io: Io) => Promise<number>;

// Each command module is imported only when invoked, so `genesis validate` never loads SQLite or the AWS SDK.
const COMMANDS: Record<string, { help: string; usage: string; load: () => Promise<Command> }> = {
  run: { help: 'run a pipeline (cached steps are reused; interrupted generation resumes)', usage: 'genesis run <pipeline.yaml> [--only <step>]… [--until <step>] [--force [<step>…]] [--dry-run] [--json] [--concurrency N] [--retry-failed] [--state-dir DIR] [--lock-timeout SECONDS] [-q]', load: async () => (await import('./commands/run.js')).runCommand },
  validate: { help: 'check a pipeline file; exit 2 with located errors', usage: 'genesis validate <pipeline.yaml> [--json]', load: async () => (await import('./commands/inspect.js')).validateCommand },
  graph: { help: 'print the step graph (--format mermaid|dot)', usage: 'genesis graph <pipeline.yaml> [--format mermaid|dot]', load: async () => (await import('./commands/inspect.js')).graphCommand },
  status: { help: 'show each step as fresh or stale, and why', usage: 'genesis status <pipeline.yaml> [--json] [--state-dir DIR]', load: async () => (await import('./commands/inspect.js')).statusCommand },
  why: { help: 'explain what changed for one step since its last run', usage: 'genesis why <pipeline.yaml> <step> [--json] [--state-dir DIR]', load: async () => (await import('./commands/inspect.js')).whyCommand },
  runs: { help: 'list past runs', usage: 'genesis runs [<pipeline.yaml>] [--state-dir DIR] [--limit N] [--json]', load: async () => (await import('./commands/inspect.js')).runsCommand },
  clean: { help: 'remove cached objects no longer referenced (--keep-last N)', usage: 'genesis clean [<pipeline.yaml>] [--state-dir DIR] [--keep-last N] [--drop-checkpoints] [--dry-run]', load: async () => (await import('./commands/clean.js')).cleanCommand },
  datasets: { help: 'list or show registered datasets (list | show <name>[@version])', usage: 'genesis datasets [list | show <name>[@version]] [--json] [--state-dir DIR | --pipeline FILE]', load: async () => (await import('./commands/registry.js')).datasetsCommand },
  lineage: { help: 'show where a registered dataset came from', usage: 'genesis lineage <name>[@version] [--json] [--state-dir DIR | --pipeline FILE]', load: async () => (await import('./commands/registry.js')).lineageCommand },
  predict: { help: 'classify texts with a trained model.json', usage: 'genesis predict <model.json> "text"… [--top N] [--json]   (texts from stdin when none are given)', load: async () => (await import('./commands/predict.js')).predictCommand },
  'fake-bedrock': { help: 'serve a local fake of Amazon Bedrock for trying the bedrock provider', usage: 'genesis fake-bedrock [--port N] [--rpm N] [--tpm N] [--faults 429=0.3,500=0.05,timeout=0.02,malformed=0.02,truncate=0.01] [--seed N]', load: async () => (await import('./commands/fake-bedrock.js')).fakeBedrockCommand },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'genesis — declarative pipelines for synthetic training data',
    '',
    'usage: genesis <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`),
    '',
    'exit codes: 0 ok · 1 a step or gate failed · 2 invalid input · 74 disk full or state not writable (fix, then rerun) · 75 stopped resumably (rerun to continue) · 130 interrupted',
    'run `genesis <command> --help` for a command’s options; see README.md for the pipeline format.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo()): Promise<never> {
  const code = await dispatch(argv, io);
  process.exit(code);
}

export async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    return ExitCode.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`genesis: unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}\n\n${helpText()}`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`genesis ${name}: ${command.help}\nusage: ${command.usage}\nsee README.md for details`);
    return ExitCode.ok;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (err) {
    return reportError(err, io);
  }
}

export function reportError(err: unknown, io: Io): number {
  if (err instanceof InputError) {
    if (err.diagnostics.length) {
      const sources = new Map<string, string | undefined>();
      for (const d of err.diagnostics) {
        const file = d.location?.file;
        if (file && !sources.has(file)) sources.set(file, readQuietly(file));
        io.stderr(formatDiagnostic(d, file ? sources.get(file) : undefined));
      }
      const n = err.diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`${n} error${n === 1 ? '' : 's'}`);
    } else {
      io.stderr(err.message.includes(': error: ') ? err.message : `genesis: error: ${err.message}`);
    }
    return err.exitCode;
  }
  const env = environmentFault(err);
  if (env) err = env;
  if (err instanceof GenesisError) {
    io.stderr(`genesis: ${err.message}`);
    return err.exitCode;
  }
  io.stderr(`genesis: internal error: ${err instanceof Error ? (process.env.GENESIS_DEBUG ? err.stack : err.message) : String(err)}`);
  if (!process.env.GENESIS_DEBUG) io.stderr('(set GENESIS_DEBUG=1 for a stack trace, and please report it)');
  return ExitCode.failed;
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
