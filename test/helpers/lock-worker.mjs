// Lock contention worker (run by test/runner/lock.test.ts): per round, waits for the go file, takes the built
// state lock, logs "+pid"/"-pid" around a short hold in a shared append-only file, then releases it or, every
// other round, dies holding it (its record is replaced by one naming a dead pid, as a killed run leaves it).
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [libFile, stateDir, roundsDir, rounds, index, deadPid] = process.argv.slice(2);
const { acquireLock } = await import(pathToFileURL(libFile).href);
const log = join(roundsDir, 'log');
const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(pause, 0, 0, ms);

for (let r = 0; r < Number(rounds); r++) {
  const go = join(roundsDir, `go-${r}`);
  for (let spins = 0; !existsSync(go); spins++) {
    if (spins > 60_000) throw new Error(`round ${r} never started`);
    sleep(1);
  }
  const lock = await acquireLock(stateDir, { command: `worker ${index}`, timeoutMs: 30_000, pollMs: 2 });
  appendFileSync(log, `+${process.pid}\n`);
  sleep(3);
  appendFileSync(log, `-${process.pid}\n`);
  if ((r + Number(index)) % 2 === 0) {
    const tmp = join(stateDir, `dead.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ pid: Number(deadPid), host: hostname(), started: new Date().toISOString(), command: 'killed', nonce: `${index}-${r}` }));
    renameSync(tmp, join(stateDir, 'lock'));
  } else lock.release();
  writeFileSync(join(roundsDir, `done-${r}-${index}`), '');
}
