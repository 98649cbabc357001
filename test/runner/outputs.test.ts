// out/ and .genesis/ hold what the database says: edits put back, damaged objects recomputed, debris reclaimed,
// folders genesis did not make left alone — all through the CLI in temp folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../util/hash.js';
import { spawnSync } from 'node:child_process';
import { BIN, runCli, spawnCli, tempDir, writePipeline } from '../helpers/cli.js';
import { runJson as run, statuses } from '../helpers/run-json.js';

const chain = (msgB = 'b') => `name: chain
steps:
  a: { uses: debug/echo, with: { message: alpha } }
  b: { uses: debug/echo, needs: [a], with: { message: ${msgB} } }
`;

/** Every stored object file of a state folder. */
function objectFiles(state: string): string[] {
  const root = join(state, 'objects');
  return readdirSync(root).flatMap((p) => readdirSync(join(root, p)).map((f) => join(root, p, f)));
}

describe('materialized outputs are what the database says', () => {
  it('a cached step puts back a file edited or deleted under out/ and removes a file added there, saying so', async () => {
    const file = writePipeline(chain());
    const dir = dirname(file);
    expect((await runCli(['run', file])).code).toBe(0);
    const a = join(dir, 'out/chain/a');
    writeFileSync(join(a, 'message.txt'), 'ALPHA\n'); // same size, other bytes
    writeFileSync(join(a, 'notes.txt'), 'mine\n');
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[a\] cached/);
    expect(r.stderr).toMatch(/\[a\] warning: out\/chain\/a: restored message\.txt from the cache/);
    expect(r.stderr).toMatch(/\[a\] warning: out\/chain\/a: removed notes\.txt/);
    expect(readFileSync(join(a, 'message.txt'), 'utf8')).toBe('alpha\n');
    expect(existsSync(join(a, 'notes.txt'))).toBe(false);
  });

  // util-linux `script` gives the run a terminal, so the TTY (listr) reporter renders.
  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal too, the warning stays on screen under the cached step', async () => {
    const file = writePipeline(chain());
    expect((await runCli(['run', file])).code).toBe(0);
    writeFileSync(join(dirname(file), 'out/chain/a/message.txt'), 'edited\n');
    const r = spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${BIN}" run "${file}"`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/a: cached[^]*warning: out\/chain\/a: restored message\.txt from the cache/);
  });

  it.each([
    ['edited', (p: string) => writeFileSync(p, 'edited by hand\n')],
    ['deleted', (p: string) => rmSync(p)],
  ])('a damaged object behind a cached step whose out/ copy was %s is recomputed in the same run', async (_n, damageCopy) => {
    const file = writePipeline(chain());
    const dir = dirname(file);
    const first = await run(file);
    expect(first.code).toBe(0);
    for (const o of objectFiles(join(dir, '.genesis'))) writeFileSync(o, 'garbage');
    damageCopy(join(dir, 'out/chain/a/message.txt'));
    writeFileSync(file, chain('b2')); // the dependant must run and read a's output
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[a\] warning: cached output is damaged \(object [0-9a-f]{64} is corrupt or missing\)/);
    expect(r.stderr).toMatch(/\[a\] running \(cached output damaged\)/);
    expect(r.stderr).toMatch(/\[b\] ran /);
    expect(readFileSync(join(dir, 'out/chain/a/message.txt'), 'utf8')).toBe('alpha\n');
    // And the store is whole again: the next run is a plain no-op.
    const again = await run(file);
    expect(statuses(again.report)).toEqual({ a: 'cached', b: 'cached' });
    expect(again.report.steps[0]!.outputHash).toBe(first.report.steps[0]!.outputHash);
  });

  it('a no-op rerun notices a damaged object behind an intact out/ copy and stores it again from that copy', async () => {
    const file = writePipeline(chain());
    const dir = dirname(file);
    await run(file);
    const objects = objectFiles(join(dir, '.genesis'));
    for (const o of objects) writeFileSync(o, 'garbage');
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[a\] warning: stored object\(s\) behind out\/chain\/a\/message\.txt were corrupt or missing/);
    for (const o of objects) expect(sha256(readFileSync(o))).toBe(o.split('/').slice(-2).join(''));
  });

  it('never replaces a folder genesis did not make: the step fails saying so and the folder is untouched', async () => {
    const file = writePipeline(chain());
    const dir = dirname(file);
    mkdirSync(join(dir, 'out/chain/a'), { recursive: true });
    writeFileSync(join(dir, 'out/chain/a/thesis.tex'), 'three years of work');
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(statuses(r.report)).toEqual({ a: 'failed', b: 'skipped' });
    expect(r.report.steps[0]!.error).toMatch(/out\/chain\/a exists and was not made by genesis/);
    expect(readFileSync(join(dir, 'out/chain/a/thesis.tex'), 'utf8')).toBe('three years of work');
  });

  it.each([
    ['../elsewhere', '../elsewhere'],
    ['an absolute path', '/tmp/genesis-outside-out'],
  ])('`outputs:` outside the pipeline folder (%s) is a located error unless allow_outside_outputs is set', async (_n, outputs) => {
    const root = tempDir();
    mkdirSync(join(root, 'p'));
    const yaml = `name: o\noutputs: ${outputs}\nsteps:\n  a: { uses: debug/echo }\n`;
    const file = writePipeline(yaml, join(root, 'p'));
    const bad = await runCli(['run', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/pipeline\.yaml:2:10: error: `outputs:` points outside this pipeline's folder/);
    expect(bad.stderr).not.toMatch(/\bat .*:\d+:\d+\)/);
    if (outputs.startsWith('/')) return; // don't write into a shared /tmp from a test
    writeFileSync(file, `${yaml}allow_outside_outputs: true\n`);
    const ok = await runCli(['run', file]);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(root, 'elsewhere/o/a/message.txt'), 'utf8')).toBe('hello\n');
  });
});

describe('.genesis/tmp', () => {
  it('a killed run leaves scratch files; the next run reclaims them, and clean reports their true size', async () => {
    const file = writePipeline(`name: k
steps:
  slow: { uses: command, run: 'head -c 3145728 /dev/zero > "$GENESIS_OUT/big.bin" && sleep 8' }
`);
    const dir = dirname(file);
    const tmp = join(dir, '.genesis/tmp');
    const written = () => existsSync(tmp) && readdirSync(tmp).some((r) => existsSync(join(tmp, r, 'slow/big.bin')) && readFileSync(join(tmp, r, 'slow/big.bin')).length === 3145728);
    const { child, done } = spawnCli(['run', file]);
    for (let i = 0; i < 1200 && !written(); i++) await new Promise((res) => setTimeout(res, 25));
    child.kill('SIGKILL');
    await done;
    expect(readdirSync(tmp)).toHaveLength(1);
    const clean = await runCli(['clean', file, '--dry-run']);
    expect(clean.stdout).toMatch(/would remove 0 object\(s\) and 1 temp folder\(s\) left by killed runs, 3\.0 MB/);
    // The next run (here a quick one) reclaims them and leaves no tmp behind.
    writeFileSync(file, 'name: k\nsteps:\n  quick: { uses: debug/echo }\n');
    expect((await runCli(['run', file])).code).toBe(0);
    expect(existsSync(tmp)).toBe(false);
  });
});
