// Ctrl-C and feedback through the built CLI: offline generation and training stop on Ctrl-C, -q is quiet, NO_COLOR on a TTY is plain.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, spawnCli, writePipeline, waitFor } from '../helpers/cli.js';

const generate = (count: number) => `name: big
steps:
  generate: { uses: generate/conversations, with: { count: ${count} } }
`;

describe('Ctrl-C', () => {
  it.each([1, 2])('during offline generation stops it before the end (%i Ctrl-C), keeping the finished items', async (presses) => {
    const file = writePipeline(generate(30_000));
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    // A progress line past 0 means generation is under way, and that progress reaches the user while it runs.
    await waitFor(() => err, /\[generate\] [1-9]\d*\/30000/, 60_000);
    for (let i = 0; i < presses; i++) child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/stopping — finished items are kept/);
    const dry = await runCli(['run', file, '--dry-run']);
    const [, left, checkpointed] = /(\d+) of 30000 conversations to generate offline \((\d+) checkpointed/.exec(dry.stdout) ?? [];
    expect(Number(left)).toBeGreaterThan(0);
    if (presses === 1) expect(Number(checkpointed)).toBeGreaterThan(0);
  });

  it("during training's feature phase: progress shows it, and Ctrl-C stops the step without a model", async () => {
    const file = writePipeline(`name: t
steps:
  generate: { uses: generate/conversations, with: { count: 3000 } }
  train: { uses: train/intent-classifier, needs: [generate], with: { text_from: all_turns } }
`);
    expect((await runCli(['run', file, '--only', 'generate'])).code).toBe(0);
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await waitFor(() => err, /\[train\] \d+\/\d+ texts read for features/, 60_000);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/\[train\] stopped: interrupted/);
    expect(existsSync(join(dirname(file), 'out/t/train/model.json'))).toBe(false);
  });
});

describe('progress', () => {
  it('validate and bias report progress on datasets of a few thousand conversations, not only every 10,000', async () => {
    const file = writePipeline(`name: p
steps:
  generate: { uses: generate/conversations, with: { count: 4000 } }
  validate: { uses: validate/conversations, needs: [generate] }
  bias: { uses: bias/conversations, needs: [generate] }
`);
    const r = await runCli(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\[validate\] 2000 conversations read$/m);
    expect(r.stderr).toMatch(/^\[bias\] 2000 conversations read$/m);
  });
});

describe('quiet and NO_COLOR', () => {
  it('-q prints no progress or per-step lines, only the summary', async () => {
    const file = writePipeline(`name: q
steps:
  generate: { uses: generate/conversations, with: { count: 600 } }
  echo: { uses: debug/echo, needs: [generate] }
`);
    const r = await runCli(['run', file, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^succeeded: 2 ran in /)]);
  });

  it('NO_COLOR=1 on a terminal prints labelled lines and no listr symbols', () => {
    const file = writePipeline(`name: nc
steps:
  a: { uses: debug/echo, with: { message: hi } }
  b: { uses: debug/echo, needs: [a] }
`);
    // `script` runs the CLI on a pseudo-terminal; the first run makes a, b; the second shows them cached.
    const tty = () => execFileSync('script', ['-qec', `node ${BIN} run ${file}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    tty();
    const out = tty().replace(/\r/g, '');
    expect(out).not.toMatch(/[❯›✔✖]/);
    expect(out).toMatch(/^\[a\] cached/m);
    expect(out).toMatch(/^\[b\] cached/m);
    for (const line of out.trim().split('\n')) expect(line).toMatch(/^(\[(a|b)\] |genesis: |succeeded: )/);
  });
});
