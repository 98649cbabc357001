// Process-level behaviour through the built CLI: Ctrl-C, the state lock, exit codes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, writePipeline, waitFor } from '../helpers/cli.js';


describe('process behaviour', () => {
  it('Ctrl-C stops cleanly with exit 130, caches nothing half-done, and the rerun keeps finished steps', async () => {
    const yaml = (delay: number) => `name: slow
steps:
  quick: { uses: debug/echo, with: { message: q } }
  slow: { uses: debug/echo, needs: [quick], with: { delay_ms: ${delay} } }
`;
    const file = writePipeline(yaml(60_000));
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await waitFor(() => err, /\[slow\] running/);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopping/);
    expect(existsSync(join(dirname(file), 'out/slow/slow'))).toBe(false);
    expect(existsSync(join(dirname(file), '.genesis/lock'))).toBe(false);
    writeFileSync(file, yaml(0));
    const again = await runCli(['run', file, '--json']);
    const steps = (JSON.parse(again.stdout) as { steps: Array<{ id: string; status: string }> }).steps;
    expect(steps).toEqual([expect.objectContaining({ id: 'quick', status: 'cached' }), expect.objectContaining({ id: 'slow', status: 'ran' })]);
  });

  it('a second run on a locked state says which process holds it (exit 75); a stale lock is taken over', async () => {
    const file = writePipeline('name: l\nsteps:\n  a: { uses: debug/echo }\n');
    const state = join(dirname(file), '.genesis');
    mkdirSync(state);
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(state, 'lock'), JSON.stringify({ pid: holder.pid, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'genesis run other.yaml' }));
      const held = await runCli(['run', file, '--lock-timeout', '0']);
      expect(held.code).toBe(75);
      expect(held.stderr).toContain(`pid ${holder.pid}`);
      expect(held.stderr).toContain('genesis run other.yaml');
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.on('exit', r));
    const r = await runCli(['run', file, '--lock-timeout', '0']);
    expect(r.code).toBe(0);
    expect(existsSync(join(state, 'lock'))).toBe(false);
  });

  it('the built CLI maps bad input to exit 2 without a stack trace', async () => {
    const file = writePipeline('name: t\nsteps:\n  a: { uses: nope }\n');
    const r = await spawnCli(['validate', file]).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:3:\d+: error: unknown step type "nope"/);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+\)/);
  });

  it('a second run waits for the lock holder to finish, saying who holds it, then runs', async () => {
    const file = writePipeline('name: w\nsteps:\n  a: { uses: debug/echo }\n');
    const state = join(dirname(file), '.genesis');
    mkdirSync(state);
    const holder = spawn('sleep', ['1']);
    writeFileSync(join(state, 'lock'), JSON.stringify({ pid: holder.pid, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'genesis run other.yaml' }));
    const r = await runCli(['run', file, '--lock-timeout', '30']);
    expect(r.stderr).toMatch(new RegExp(`waiting for pid ${holder.pid} \\(genesis run other\\.yaml\\)`));
    expect(r.code).toBe(0);
  });

  it.each([
    [1, ['[a] running', '[a] ran', '[b] running', '[b] ran']],
    [2, ['[a] running', '[b] running', '[a] ran', '[b] ran']],
  ])('--concurrency %i bounds how many steps run at once', async (n, expected) => {
    const file = writePipeline('name: c\nsteps:\n  a: { uses: debug/echo, with: { delay_ms: 300 } }\n  b: { uses: debug/echo, with: { delay_ms: 300, message: b } }\n');
    const r = await runCli(['run', file, '--concurrency', String(n)]);
    expect(r.code).toBe(0);
    const events = r.stderr.split('\n').map((l) => /^\[(a|b)\] (running|ran)/.exec(l)?.[0]).filter(Boolean);
    expect(events).toEqual(expected);
  });
});
