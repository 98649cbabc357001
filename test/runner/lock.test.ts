// The state lock under contention: many processes released at once on a dead holder's lock, none may overlap.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writePipeline } from '../helpers/cli.js';

const LIB = resolve(__dirname, '../../dist/store/lock.js');
const WORKER = resolve(__dirname, '../helpers/lock-worker.mjs');

/** Depth of the "+pid"/"-pid" log at each line: more than one holder at a time is an overlap. */
function overlaps(log: string): { entries: number; overlaps: number } {
  let depth = 0;
  let entries = 0;
  let over = 0;
  for (const line of log.split('\n')) {
    if (line.startsWith('+')) {
      entries++;
      if (++depth > 1) over++;
    } else if (line.startsWith('-')) depth--;
  }
  return { entries, overlaps: over };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('state lock', () => {
  it('8 processes racing for a dead holder\'s lock, round after round, never hold it at once', async () => {
    const workers = 8;
    const rounds = 12;
    const dir = tempDir();
    const state = join(dir, '.genesis');
    const roundsDir = join(dir, 'rounds');
    mkdirSync(state);
    mkdirSync(roundsDir);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const children = Array.from({ length: workers }, (_, i) =>
      spawn(process.execPath, [WORKER, LIB, state, roundsDir, String(rounds), String(i), String(deadPid)], { stdio: ['ignore', 'ignore', 'pipe'] }),
    );
    const errors: string[] = [];
    const exited = children.map((c) => new Promise<number | null>((res) => {
      c.stderr!.on('data', (d) => errors.push(String(d)));
      c.on('close', res);
    }));
    let finished = false;
    try {
      for (let r = 0; r < rounds; r++) {
        // Each round starts from a lock left by a killed run, so every worker must take over the same stale record.
        const tmp = join(state, 'dead.tmp');
        writeFileSync(tmp, JSON.stringify({ pid: deadPid, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'killed', nonce: `round-${r}` }));
        renameSync(tmp, join(state, 'lock'));
        writeFileSync(join(roundsDir, `go-${r}`), '');
        await until(() => readdirSync(roundsDir).filter((f) => f.startsWith(`done-${r}-`)).length === workers || errors.length > 0, `round ${r}`);
        expect(errors.join('')).toBe('');
      }
      finished = true;
    } finally {
      if (!finished) for (const c of children) c.kill();
    }
    expect(await Promise.all(exited)).toEqual(Array(workers).fill(0));
    const { entries, overlaps: n } = overlaps(readFileSync(join(roundsDir, 'log'), 'utf8'));
    expect(entries).toBe(workers * rounds);
    expect(n).toBe(0);
    // Takeover markers and temp files are removed by whoever made them.
    expect(readdirSync(state).filter((f) => f !== 'lock' && existsSync(join(state, f)))).toEqual([]);
  });

  it('an empty lock file (a holder between create and write) is held, not stale; only an old one is debris', async () => {
    const file = writePipeline('name: e\nsteps:\n  a: { uses: debug/echo }\n');
    const state = join(dirname(file), '.genesis');
    mkdirSync(state);
    writeFileSync(join(state, 'lock'), '');
    const held = await runCli(['run', file, '--lock-timeout', '0']);
    expect(held.code).toBe(75);
    expect(held.stderr).toContain('holds the state lock');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(state, 'lock'), old, old);
    const r = await runCli(['run', file, '--lock-timeout', '0']);
    expect(r.code).toBe(0);
    expect(existsSync(join(state, 'lock'))).toBe(false);
  });
});
