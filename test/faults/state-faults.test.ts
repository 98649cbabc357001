// The state under faults: disk full, read-only state, a SIGKILLed run, a crash while recording a failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, spawnCli, tempDir, writePipeline } from '../helpers/cli.js';
import { StateStore } from '../../store/state.js';
import { waitFor } from '../helpers/wait.js';

/** Mounting a small tmpfs needs root (CAP_SYS_ADMIN); without it the file-system tests are skipped, saying why. */
function probeMount(): boolean {
  const dir = tempDir('genesis-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmdirSync(dir);
  }
}
const canMount = probeMount();
const mounted: string[] = [];

function tmpfs(size: string): string {
  const dir = tempDir('genesis-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}
const remount = (dir: string, opts: string) => execFileSync('mount', ['-o', `remount,${opts}`, dir]);

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['-l', dir]); // still busy (a handle not yet closed): detach it so the folder can go
    }
    rmdirSync(dir);
  }
});

describe.skipIf(!canMount)(`file-system faults on a small tmpfs${canMount ? '' : ' (skipped: mounting a tmpfs needs root)'}`, () => {
  it('disk full: named with its path, exit 74, finished steps kept; the rerun after freeing space continues', async () => {
    const dir = tmpfs('3m');
    const file = writePipeline(
      `name: full
steps:
  small: { uses: debug/echo }
  big:
    uses: command
    needs: [small]
    run: head -c 1800000 /dev/zero > "$GENESIS_OUT/big.bin"
`,
      dir,
    );
    const r = await runCli(['run', file]);
    expect(r.stderr).not.toMatch(/internal error|corrupt/);
    expect(r.stderr).toMatch(new RegExp(`${dir}/\\S+: error: no space left on the file system holding it \\(ENOSPC, [\\d.]+ MB free\\)`));
    expect(r.stderr).toMatch(/failed: 1 ran, 1 failed/);
    expect(r.code).toBe(74);
    const runs = JSON.parse((await runCli(['runs', file, '--json'])).stdout);
    expect(runs[0]).toMatchObject({ status: 'failed' });
    remount(dir, 'size=20m');
    const again = await runCli(['run', file, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).steps.map((s: { status: string }) => s.status)).toEqual(['cached', 'ran']);
  });

  it('disk full during generation: checkpoints committed before the fault are kept, and the rerun resumes from them', async () => {
    // 4 MB holds the first group of 1,024 checkpointed conversations but not all 5,000.
    const dir = tmpfs('4m');
    const file = writePipeline('name: gen\nsteps:\n  gen: { uses: generate/conversations, with: { count: 5000 } }\n', dir);
    const r = await runCli(['run', file]);
    expect(r.stderr).toMatch(/state\.db: error: no space left on the file system holding it \((SQLITE_FULL|ENOSPC)/);
    expect(r.code).toBe(74);
    remount(dir, 'size=300m');
    const again = await runCli(['run', file, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout).steps[0].summary as string;
    const reused = Number(/(\d+) reused/.exec(summary)?.[1]);
    expect(reused).toBeGreaterThan(0);
  }, 60_000);

  it('a read-only out/ folder is named (exit 74), not reported as a corrupt cached output', async () => {
    const dir = tempDir();
    const file = writePipeline('name: o\nsteps:\n  a: { uses: debug/echo }\noutputs: ro-out\n', dir);
    expect((await runCli(['run', file])).code).toBe(0);
    // The pipeline's folder under out/ is a read-only mount (Node's recursive mkdir says ENOENT there, not EROFS).
    const out = join(dir, 'ro-out', 'o');
    rmSync(out, { recursive: true });
    mkdirSync(out);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', out]);
    mounted.push(out);
    const r = await runCli(['run', file]);
    expect(r.stderr).not.toMatch(/corrupt|internal error/);
    expect(r.stderr).toMatch(new RegExp(`${out}\\S*: error: read-only file system \\(EROFS\\)`));
    expect(r.code).toBe(74);
  });

  it('read-only state: status, runs and --dry-run still work; run names the path and exits 74', async () => {
    const dir = tmpfs('4m');
    const file = writePipeline('name: ro\nsteps:\n  a: { uses: debug/echo }\n  b: { uses: debug/echo, needs: [a], with: { message: two } }\n', dir);
    expect((await runCli(['run', file, '--only', 'a'])).code).toBe(0);
    remount(dir, 'ro');
    const status = await runCli(['status', file]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/fresh\s+a/);
    const runs = await runCli(['runs', file]);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/ro\s+succeeded/);
    const dry = await runCli(['run', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout + dry.stderr).toMatch(/1 step\(s\) would run/);
    const run = await runCli(['run', file]);
    expect(run.code).toBe(74);
    expect(run.stderr).toContain(`${join(dir, '.genesis/lock')}: error: read-only file system (EROFS)`);
  });
});

describe('runs always end recorded', () => {
  it('a run killed with SIGKILL is marked interrupted by the next run', async () => {
    const file = writePipeline('name: k\nsteps:\n  slow: { uses: debug/echo, with: { delay_ms: 60000 } }\n');
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await waitFor(() => err, /\[slow\] running/);
    child.kill('SIGKILL');
    await done;
    const before = JSON.parse((await runCli(['runs', file, '--json'])).stdout);
    expect(before[0]).toMatchObject({ status: 'running' });
    writeFileSync(file, 'name: k\nsteps:\n  slow: { uses: debug/echo }\n');
    expect((await runCli(['run', file])).code).toBe(0);
    const after = JSON.parse((await runCli(['runs', file, '--json'])).stdout) as Array<{ id: string; status: string }>;
    expect(after.map((r) => r.status)).toEqual(['succeeded', 'interrupted']);
    expect(after[1]!.id).toBe(before[0].id);
  }, 30_000);

  it('a crash while recording a failure still prints the summary and records the run as failed', async () => {
    const file = writePipeline('name: c\nsteps:\n  bad: { uses: debug/echo, with: { fail: true } }\n  ok: { uses: debug/echo }\n');
    const original = StateStore.prototype.recordStepRun;
    vi.spyOn(StateStore.prototype, 'recordStepRun').mockImplementation(function (this: StateStore, r) {
      if (r.status === 'failed') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return original.call(this, r);
    });
    const r = await runCli(['run', file]);
    vi.restoreAllMocks();
    expect(r.stderr).toMatch(/\[bad\] FAILED: failed on purpose/);
    expect(r.stderr).toMatch(/failed: 1 ran, 1 failed/);
    expect(r.stderr).toMatch(/state\.db: error: no space left on the file system holding it \(SQLITE_FULL(, [\d.]+ MB free)?\)/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(74);
    const runs = JSON.parse((await runCli(['runs', file, '--json'])).stdout);
    expect(runs[0]).toMatchObject({ status: 'failed' });
  });

  it('a state database that refuses the run\'s first write is named (exit 74), and no lock is left behind', async () => {
    const file = writePipeline('name: r\nsteps:\n  a: { uses: debug/echo }\n');
    vi.spyOn(StateStore.prototype, 'startRun').mockImplementation(() => {
      throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    });
    const r = await runCli(['run', file]);
    vi.restoreAllMocks();
    expect(r.code).toBe(74);
    expect(r.stderr).toContain(`${join(dirname(file), '.genesis/state.db')}: error: read-only file system (SQLITE_READONLY)`);
    expect(existsSync(join(dirname(file), '.genesis/lock'))).toBe(false);
  });
});

