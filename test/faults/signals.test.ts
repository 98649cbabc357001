// Signals, timeouts and loud output of command steps, through the built CLI in temp dirs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, writePipeline } from '../helpers/cli.js';
import { until, waitFor } from '../helpers/wait.js';

/** A pid is gone when kill(0) fails or it is a zombie (in a container, PID 1 may never reap it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Runs a one-step pipeline whose command step (id `loud`) runs `run`, through the in-process CLI. */
function runCommandStep(run: string) {
  return runCli(['run', writePipeline(`name: loud\nsteps:\n  loud:\n    uses: command\n    run: ${JSON.stringify(run)}\n`)]);
}

describe('command steps and signals', () => {
  it('SIGTERM to genesis alone reaches a child that ignores it: SIGKILL after the grace period, exit 130, lock released, run recorded', async () => {
    // The command and its child ignore SIGTERM, as a badly behaved tool would.
    const file = writePipeline(`name: sig
steps:
  stubborn:
    uses: command
    run: "trap '' TERM INT; sleep 120 & echo child $!; wait"
`);
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const m = await waitFor(() => err, /\[stubborn\] child (\d+)/);
    const grandchild = Number(m[1]);
    expect(alive(grandchild)).toBe(true);
    child.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(130);
    expect(await until(() => !alive(grandchild))).toBe(true);
    expect(existsSync(join(dirname(file), '.genesis/lock'))).toBe(false);
    const runs = await runCli(['runs', file, '--json']);
    expect(JSON.parse(runs.stdout)[0]).toMatchObject({ status: 'interrupted' });
  }, 30_000);

  it('a second Ctrl-C quits at once and still leaves no process of the command behind', async () => {
    const file = writePipeline(`name: sig2\nsteps:\n  stubborn:\n    uses: command\n    run: "trap '' TERM INT; sleep 120 & echo child $!; wait"\n`);
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const grandchild = Number((await waitFor(() => err, /\[stubborn\] child (\d+)/))[1]);
    child.kill('SIGINT');
    await waitFor(() => err, /stopping/);
    child.kill('SIGINT');
    expect((await done).code).toBe(130);
    expect(await until(() => !alive(grandchild), 2000)).toBe(true);
    expect(existsSync(join(dirname(file), '.genesis/lock'))).toBe(false);
  }, 30_000);

  it.each([
    ['a command step', 'uses: command\n    run: "sleep 60"'],
    ['a built-in step', 'uses: debug/echo\n    with: { delay_ms: 60000 }'],
  ])('timeout: stops %s and fails it with its own reason (exit 1)', async (_name, body) => {
    const file = writePipeline(`name: t\nsteps:\n  slow:\n    timeout: 1s\n    ${body}\n  after: { uses: debug/echo, needs: [slow] }\n`);
    const r = await runCli(['run', file, '--json']);
    expect(r.code).toBe(1);
    const steps = JSON.parse(r.stdout).steps as Array<{ id: string; status: string; error?: string }>;
    expect(steps[0]).toMatchObject({ id: 'slow', status: 'failed' });
    expect(steps[0]!.error).toMatch(/^timed out after 1 s/);
    expect(steps[1]).toMatchObject({ id: 'after', status: 'skipped' });
  }, 30_000);

  it('a bad timeout is a located input error (exit 2)', async () => {
    const file = writePipeline('name: t\nsteps:\n  a:\n    uses: debug/echo\n    timeout: soon\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:5:\d+: error: `steps\.a\.timeout` must match/);
  });

  it('a command printing 100,000 lines echoes a bounded head and tail and counts the rest', async () => {
    const r = await runCommandStep('seq 1 100000');
    expect(r.code).toBe(0);
    const echoed = r.stderr.split('\n').filter((l) => l.startsWith('[loud] '));
    expect(echoed.length).toBeLessThan(300);
    expect(echoed).toContain('[loud] 1');
    expect(echoed).toContain('[loud] 100000');
    expect(r.stderr).toMatch(/100,000 lines/);
  });

  it('one 5 MB line is cut, not echoed whole', async () => {
    const r = await runCommandStep("head -c 5000000 /dev/zero | tr '\\0' x; echo; echo boom >&2; exit 3");
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(50_000);
    expect(r.stderr).toMatch(/line cut: 4\.8 MB/);
    expect(r.stderr).toMatch(/exited with code 3[^]*last output:\s+boom/);
  });
});
