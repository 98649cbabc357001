// Runs a shell command as the leader of its own process group, so a stop or a timeout reaches everything it started.
import { spawn } from 'node:child_process';

/** How long a stopped group gets between the forwarded signal and SIGKILL. */
export const KILL_GRACE_MS = 5000;

// Groups still running: if genesis exits abruptly (second Ctrl-C, a crash), none of them outlives it.
const live = new Set<number>();
let exitHooked = false;
function killLiveGroupsOnExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const pgid of live) signalGroup(pgid, 'SIGKILL');
  });
}

export interface GroupExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The group outlived the grace period after stop() and was killed. */
  killed: boolean;
}

export interface RunningGroup {
  pid: number | undefined;
  done: Promise<GroupExit>;
  /** Sends `signal` to the whole group, then SIGKILL after `graceMs` if it is still there. Idempotent. */
  stop(signal: NodeJS.Signals, graceMs?: number): void;
}

export function spawnGroup(
  command: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; onStdout(b: Buffer): void; onStderr(b: Buffer): void },
): RunningGroup {
  killLiveGroupsOnExit();
  // detached: the child calls setsid(), becoming leader of a new group whose id is its pid.
  const child = spawn('sh', ['-c', command], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pgid = child.pid;
  if (pgid !== undefined) live.add(pgid);
  let stopping = false;
  let killed = false;
  let escalation: NodeJS.Timeout | undefined;
  child.stdout.on('data', opts.onStdout);
  child.stderr.on('data', opts.onStderr);
  const done = new Promise<GroupExit>((resolve, reject) => {
    child.on('error', (e) => {
      if (pgid !== undefined) live.delete(pgid);
      reject(e);
    });
    // 'close' waits for the pipes, which grandchildren may hold after sh exits: that is why stop() signals the group.
    child.on('close', (code, signal) => {
      clearTimeout(escalation);
      if (pgid !== undefined) live.delete(pgid);
      resolve({ code, signal, killed });
    });
  });
  return {
    pid: pgid,
    done,
    stop(signal, graceMs = KILL_GRACE_MS) {
      if (stopping || pgid === undefined || !live.has(pgid)) return;
      stopping = true;
      signalGroup(pgid, signal);
      escalation = setTimeout(() => {
        killed = true;
        signalGroup(pgid, 'SIGKILL');
      }, graceMs);
    },
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
