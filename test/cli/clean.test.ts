// `genesis clean --drop-checkpoints` through the CLI: scoped to one pipeline (or step), costed, asked on a TTY, compacted.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, writePipeline } from '../helpers/cli.js';

const gen = (name: string, seed: number, count: number) => `name: ${name}
seed: ${seed}
steps:
  generate: { uses: generate/conversations, with: { count: ${count} } }
  check: { uses: debug/echo, needs: [generate] }
`;

/** What a dry run says of the generate step: "N of M conversations to generate offline (K checkpointed; no cost)". */
async function toGenerate(file: string): Promise<string> {
  const r = await runCli(['run', file, '--dry-run']);
  expect(r.code, r.stderr).toBe(0);
  return /(\d+ of \d+) conversations to generate/.exec(r.stdout)?.[1] ?? r.stdout;
}

const dbBytes = (dir: string) => ['state.db', 'state.db-wal'].reduce((n, f) => { try { return n + statSync(join(dir, '.genesis', f)).size; } catch { return n; } }, 0);

describe('genesis clean --drop-checkpoints', () => {
  it("drops only the named pipeline's checkpoints, says what and what it cost, and compacts state.db", async () => {
    const dir = tempDir();
    const a = writePipeline(gen('a', 1, 1500), dir, 'a.yaml');
    const b = writePipeline(gen('b', 2, 300), dir, 'b.yaml');
    expect((await runCli(['run', a])).code).toBe(0);
    expect((await runCli(['run', b])).code).toBe(0);
    const before = dbBytes(dir);

    const r = await runCli(['clean', a, '--drop-checkpoints', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/generate \(generate\/conversations\): 1,500 item checkpoint\(s\), no cost \(made offline\)/);
    expect(r.stdout).toMatch(/1500 item checkpoint\(s\) dropped; state\.db [\d.]+ MB → [\d.]+ MB/);
    expect(await toGenerate(a)).toBe('1500 of 1500');
    expect(await toGenerate(b)).toBe('0 of 300');
    expect(dbBytes(dir)).toBeLessThan(before / 2);
  });

  it('--step narrows to one step, --dry-run drops nothing, and mistakes are located usage errors', async () => {
    const a = writePipeline(gen('a', 1, 50));
    expect((await runCli(['run', a])).code).toBe(0);
    const dry = await runCli(['clean', a, '--drop-checkpoints', '--step', 'generate', '--dry-run']);
    expect(dry.stdout).toMatch(/that would be dropped:\n {2}generate \(generate\/conversations\): 50 item checkpoint/);
    expect(dry.stdout).toMatch(/50 item checkpoint\(s\) would be dropped/);
    expect(await toGenerate(a)).toBe('0 of 50');

    const typo = await runCli(['clean', a, '--drop-checkpoints', '--step', 'generat']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/no step "generat" in .*did you mean "generate"/);
    const none = await runCli(['clean', a, '--drop-checkpoints', '--step', 'check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/step "check" \(debug\/echo\) keeps no item checkpoints/);
    const nofile = await runCli(['clean', '--drop-checkpoints', '--state-dir', join(dirname(a), '.genesis')]);
    expect(nofile.code).toBe(2);
    expect(nofile.stderr).toMatch(/--drop-checkpoints needs the pipeline/);
    expect(await toGenerate(a)).toBe('0 of 50');
  });

  it.each([
    ['n', 1, /nothing changed/, '0 of 40'],
    ['y', 0, /40 item checkpoint\(s\) dropped/, '40 of 40'],
  ])('asks on a terminal; answering %s', async (answer, code, says, after) => {
    const a = writePipeline(gen('a', 1, 40));
    expect((await runCli(['run', a])).code).toBe(0);
    // `script` gives the CLI a pseudo-terminal; the answer arrives on it as typed input.
    let out = '';
    let status = 0;
    try {
      out = execFileSync('script', ['-qec', `node ${BIN} clean ${a} --drop-checkpoints`, '/dev/null'], { input: `${answer}\n`, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      out = err.stdout;
    }
    expect(out).toMatch(/drop 40 item checkpoint\(s\)\? A rerun makes \(and pays for\) them again \[y\/N\]/);
    expect(out).toMatch(says);
    expect(status).toBe(code);
    expect(await toGenerate(a)).toBe(after);
  });
});
