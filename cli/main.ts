// The CLI edge: dispatch a command, map every expected failure to an exit code, print no stack for user mistakes.
import { readFileSync } from 'node:fs';
import { ExitCode, GenesisError, InputError } from '../util/errors.js';
import { printDiagnostics } from './print-diagnostics.js';
import { environmentFault } from '../util/env-faults.js';
import { didYouMean } from '../util/suggest.js';
import { commandHelp, generalHelp } from './help.js';
import { processIo, type Io } from './io.js';

type Command = (argv: string[], io: Io) => Promise<number>;

// Each command module is imported only when invoked, so `genesis validate` never loads SQLite or the AWS SDK.
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  validate: async () => (await import('./commands/inspect.js')).validateCommand,
  graph: async () => (await import('./commands/inspect.js')).graphCommand,
  status: async () => (await import('./commands/inspect.js')).statusCommand,
  why: async () => (await import('./commands/inspect.js')).whyCommand,
  runs: async () => (await import('./commands/inspect.js')).runsCommand,
  clean: async () => (await import('./commands/clean.js')).cleanCommand,
  datasets: async () => (await import('./commands/registry.js')).datasetsCommand,
  lineage: async () => (await import('./commands/registry.js')).lineageCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  predict: async () => (await import('./commands/predict.js')).predictCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  'fake-bedrock': async () => (await import('./commands/fake-bedrock.js')).fakeBedrockCommand,
};

export async function main(argv: string[], io: Io = processIo()): Promise<never> {
  const code = await dispatch(argv, io);
  process.exit(code);
}

export async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0]) return helpFor(rest[0], io);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(generalHelp());
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    return ExitCode.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`genesis: unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}\n\n${generalHelp()}`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) return helpFor(name, io);
  try {
    return await (await load())(rest, io);
  } catch (err) {
    return reportError(err, io);
  }
}

function helpFor(name: string, io: Io): number {
  if (!Object.hasOwn(COMMANDS, name)) {
    io.stderr(`genesis: no command "${name}"${didYouMean(name, Object.keys(COMMANDS))}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return ExitCode.usage;
  }
  io.stdout(commandHelp(name));
  return ExitCode.ok;
}

export function reportError(err: unknown, io: Io): number {
  if (err instanceof InputError) {
    if (err.diagnostics.length) {
      printDiagnostics(err.diagnostics, io);
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
