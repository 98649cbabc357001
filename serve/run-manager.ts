// Runs started from the dashboard: `genesis run … --json-events` in a child process (a crash can't take the server
// down), refused while anyone holds the state lock, its events fanned out to the pages watching that pipeline.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RunEvent } from '../runner/events.js';
import { lockHolder, type LockInfo } from '../store/lock.js';
import { packageRoot } from '../util/paths.js';
import type { PipelineEntry } from './workspace.js';

export interface RunRequest {
  force?: boolean;
  retryFailed?: boolean;
  /** A step of the pipeline, run as `--only` (just it) or `--until` (it and what it needs). */
  step?: string;
  mode?: 'only' | 'until';
}

export type Message = { type: 'run'; event: RunEvent } | { type: 'exit'; code: number | null; stderr: string };

interface Active {
  child: ChildProcess;
  stateDir: string;
  /** Everything sent so far, replayed to a page that opens mid-run. */
  messages: Message[];
  done: Promise<void>;
}

export type StartResult = { ok: true; pid: number; argv: string[] } | { ok: false; status: number; message: string; holder?: LockInfo };

export function holderSentence(h: LockInfo): string {
  return `the state folder is locked by pid ${h.pid} on ${h.host} since ${h.started.slice(0, 19).replace('T', ' ')} (${h.command}): a page run and a terminal run never overlap; wait for it to finish`;
}

export class RunManager {
  private readonly active = new Map<string, Active>();
  private readonly last = new Map<string, Message[]>();
  private readonly listeners = new Map<string, Set<(m: Message) => void>>();

  argvFor(entry: PipelineEntry, r: RunRequest): string[] | string {
    const steps = entry.analyzed?.order ?? [];
    const argv = ['run', entry.file, '--json-events', '--lock-timeout', '0'];
    if (r.step) {
      if (!steps.includes(r.step as never)) return `no step "${r.step}" in ${entry.key}`;
      argv.push(r.mode === 'until' ? '--until' : '--only', r.step);
    }
    if (r.force) argv.push('--force');
    if (r.retryFailed) argv.push('--retry-failed');
    return argv;
  }

  start(entry: PipelineEntry, r: RunRequest): StartResult {
    if (!entry.analyzed) return { ok: false, status: 400, message: `${entry.key} can't run: ${entry.error ?? 'it did not load'}` };
    const argv = this.argvFor(entry, r);
    if (typeof argv === 'string') return { ok: false, status: 400, message: argv };
    const mine = [...this.active.values()].find((a) => a.stateDir === entry.stateDir);
    if (mine) return { ok: false, status: 409, message: `a run started from this dashboard (pid ${mine.child.pid}) is still using ${entry.stateDir}; wait for it to finish` };
    // The child takes the lock itself (--lock-timeout 0: refused, never queued); asking first gives the page a clear answer.
    const holder = lockHolder(entry.stateDir);
    if (holder) return { ok: false, status: 409, message: holderSentence(holder), holder };
    // Its own process group: the terminal's Ctrl-C reaches only the server, which stops the child exactly once.
    const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'genesis.js'), ...argv], {
      cwd: entry.analyzed.pipeline.dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const messages: Message[] = [];
    this.last.set(entry.key, messages);
    const send = (m: Message) => {
      messages.push(m);
      for (const l of this.listeners.get(entry.key) ?? []) l(m);
    };
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        send({ type: 'run', event: JSON.parse(line) as RunEvent });
      } catch {
        // not an event line: ignored (stdout carries events only)
      }
    });
    const done = new Promise<void>((resolve) => {
      child.on('close', (code) => {
        this.active.delete(entry.key);
        send({ type: 'exit', code, stderr: stderr.trim() });
        resolve();
      });
      child.on('error', (e) => {
        stderr += `\n${e.message}`;
      });
    });
    this.active.set(entry.key, { child, stateDir: entry.stateDir, messages, done });
    return { ok: true, pid: child.pid ?? 0, argv };
  }

  isRunning(key: string): boolean {
    return this.active.has(key);
  }

  /** Messages of the pipeline's latest page run (all of it, for a page that opens mid-run), then each new one. */
  subscribe(key: string, listener: (m: Message) => void): () => void {
    for (const m of this.last.get(key) ?? []) listener(m);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Ctrl-C of the server: each child is asked to stop (it keeps finished items and releases the lock), then killed. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      [...this.active.values()].map(async (a) => {
        a.child.kill('SIGINT');
        const timer = setTimeout(() => a.child.kill('SIGKILL'), graceMs);
        await a.done;
        clearTimeout(timer);
      }),
    );
  }
}
