// Whether a process recorded by pid and host may still be running (another host's processes can't be checked).
import { hostname } from 'node:os';

export function mayBeAlive(pid: number, host: string): boolean {
  if (host !== hostname()) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
