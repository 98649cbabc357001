// Runs the genesis CLI in tests: in-process (fast, exact output) or as a real child process (signals, exit codes).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../../cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await dispatch(args, {
    stdout: (t) => (stdout += t.endsWith('\n') ? t : t + '\n'),
    stderr: (t) => (stderr += t.endsWith('\n') ? t : t + '\n'),
    isTTY: false,
    color: false,
  });
  return { code, stdout, stderr };
}

export const BIN = resolve(__dirname, '../../bin/genesis.js');

/** Spawns the built CLI (dist/ must be built: `npm test` builds first). */
export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((res) => child.on('close', (code, signal) => res({ code: code ?? (signal === 'SIGKILL' ? 137 : 128), stdout, stderr })));
  return { child, done };
}

export function tempDir(prefix = 'genesis-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a pipeline file into a fresh temp folder and returns its path. */
export function writePipeline(yaml: string, dir = tempDir(), name = 'pipeline.yaml'): string {
  const p = join(dir, name);
  writeFileSync(p, yaml);
  return p;
}

/** Resolves once `get()` matches `pattern` (polling), rejects with what was seen after `limitMs`. */
export function waitFor(get: () => string, pattern: RegExp, limitMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (pattern.test(get())) return resolve();
      if (Date.now() - started > limitMs) return reject(new Error(`timed out waiting for ${pattern}; saw:\n${get()}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}
