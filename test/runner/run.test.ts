// End-to-end behaviour of `genesis run` and friends through the CLI, in temp folders.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';
import { runJson, statuses } from '../helpers/run-json.js';

const chain = (msgA = 'a', delayB = 0) => `name: chain
seed: 7
steps:
  a: { uses: debug/echo, with: { message: ${msgA} } }
  b: { uses: debug/echo, needs: [a], with: { message: b, delay_ms: ${delayB} } }
  c: { uses: debug/echo, needs: [b], with: { message: c } }
  d: { uses: debug/echo, with: { message: d } }
`;

describe('genesis run', () => {
  it('runs every step, then reports every step cached on a second run', async () => {
    const file = writePipeline(chain());
    const first = await runJson(file);
    expect(first.code).toBe(0);
    expect(first.report.status).toBe('succeeded');
    expect(statuses(first.report)).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect(readFileSync(join(dirname(file), 'out/chain/a/message.txt'), 'utf8')).toBe('a\n');
    const second = await runJson(file);
    expect(statuses(second.report)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
    expect(second.report.steps.map((s) => s.outputHash)).toEqual(first.report.steps.map((s) => s.outputHash));
  });

  it('reruns a changed step and only the dependants whose inputs changed', async () => {
    const file = writePipeline(chain('a'));
    await runJson(file);
    writeFileSync(file, chain('A'));
    const r = await runJson(file);
    expect(statuses(r.report)).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'cached' });
  });

  it('early cutoff: a rerun step with an unchanged output keeps its dependants cached', async () => {
    const file = writePipeline(chain('a', 0));
    await runJson(file);
    writeFileSync(file, chain('a', 1)); // delay changes b's fingerprint, not its output
    const r = await runJson(file);
    expect(statuses(r.report)).toEqual({ a: 'cached', b: 'ran', c: 'cached', d: 'cached' });
  });

  it('a failing step stops its dependants, lets independent branches finish, and exits 1', async () => {
    const file = writePipeline(`name: f
steps:
  bad: { uses: debug/echo, with: { fail: true } }
  after: { uses: debug/echo, needs: [bad] }
  other: { uses: debug/echo, with: { delay_ms: 20 } }
`);
    const { code, report } = await runJson(file);
    expect(code).toBe(1);
    expect(report.status).toBe('failed');
    expect(statuses(report)).toEqual({ bad: 'failed', after: 'skipped', other: 'ran' });
    expect(report.steps[0]!.error).toMatch(/failed on purpose/);
  });

  it('--until runs a step and its ancestors only; --only runs just the named step', async () => {
    const file = writePipeline(chain());
    const until = await runJson(file, '--until', 'b');
    expect(statuses(until.report)).toEqual({ a: 'ran', b: 'ran' });
    const only = await runJson(file, '--only', 'c');
    expect(statuses(only.report)).toEqual({ c: 'ran' });
    const bad = await runCli(['run', file, '--only', 'cc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no step "cc".*did you mean "c"/);
  });

  it('--force reruns everything, or just the named steps', async () => {
    const file = writePipeline(chain());
    await runJson(file);
    expect(statuses((await runJson(file, '--force')).report)).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect(statuses((await runJson(file, '--force', 'd')).report)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'ran' });
  });

  it('--dry-run says what would run and why, and runs nothing', async () => {
    const file = writePipeline(chain());
    const r = await runCli(['run', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/run\s+a \(debug\/echo\): never ran/);
    expect(existsSync(join(dirname(file), 'out'))).toBe(false);
    await runJson(file);
    writeFileSync(file, chain('A'));
    const again = await runCli(['run', file, '--dry-run']);
    expect(again.stdout).toMatch(/run\s+a \(debug\/echo\): changed: params\.message/);
    expect(again.stdout).toMatch(/cached\s+d/);
    expect(again.stdout).toMatch(/maybe\s+b/);
  });

  it('why prints the fingerprint fields that changed; status lists fresh and stale', async () => {
    const file = writePipeline(chain());
    await runJson(file);
    writeFileSync(file, chain('A').replace('seed: 7', 'seed: 8'));
    const why = await runCli(['why', file, 'a']);
    expect(why.stdout).toMatch(/params\.message: "a" → "A"/);
    expect(why.stdout).toMatch(/seed: 7 → 8/);
    const status = await runCli(['status', file]);
    expect(status.stdout).toMatch(/stale\s+a/);
  });

  it('detects a corrupted cached object and recomputes instead of serving it', async () => {
    const file = writePipeline(chain());
    await runJson(file);
    const dir = dirname(file);
    // Corrupt every stored object and remove the materialized copies.
    const objects = join(dir, '.genesis/objects');
    for (const p of readdirSync(objects)) for (const f of readdirSync(join(objects, p))) writeFileSync(join(objects, p, f), 'garbage');
    rmSync(join(dir, 'out'), { recursive: true });
    const r = await runJson(file);
    expect(r.code).toBe(0);
    expect(statuses(r.report)).toEqual({ a: 'ran', b: 'ran', c: 'ran', d: 'ran' });
    expect(readFileSync(join(dir, 'out/chain/a/message.txt'), 'utf8')).toBe('a\n');
  });

  it('restores a deleted materialized output from the cache without rerunning', async () => {
    const file = writePipeline(chain());
    await runJson(file);
    rmSync(join(dirname(file), 'out/chain/a'), { recursive: true });
    const r = await runJson(file);
    expect(statuses(r.report).a).toBe('cached');
    expect(readFileSync(join(dirname(file), 'out/chain/a/message.txt'), 'utf8')).toBe('a\n');
  });

  it('command steps: inputs are hashed, declared outputs cached and restored', async () => {
    const file = writePipeline(`name: cmd
steps:
  count:
    uses: command
    run: wc -l < data.txt > lines.txt
    inputs: [data.txt]
    outputs: [lines.txt]
`);
    const dir = dirname(file);
    writeFileSync(join(dir, 'data.txt'), 'x\ny\n');
    expect(statuses((await runJson(file)).report).count).toBe('ran');
    expect(readFileSync(join(dir, 'lines.txt'), 'utf8').trim()).toBe('2');
    rmSync(join(dir, 'lines.txt'));
    expect(statuses((await runJson(file)).report).count).toBe('cached');
    expect(readFileSync(join(dir, 'lines.txt'), 'utf8').trim()).toBe('2');
    writeFileSync(join(dir, 'data.txt'), 'x\ny\nz\n');
    expect(statuses((await runJson(file)).report).count).toBe('ran');
    expect(readFileSync(join(dir, 'lines.txt'), 'utf8').trim()).toBe('3');
  });

  it('a failing command step reports its exit code', async () => {
    const file = writePipeline('name: c\nsteps:\n  x: { uses: command, run: "exit 3" }\n');
    const { code, report } = await runJson(file);
    expect(code).toBe(1);
    expect(report.steps[0]!.error).toMatch(/exited with code 3/);
  });

  it('--json prints exactly one JSON report on stdout', async () => {
    const file = writePipeline(chain());
    const r = await runCli(['run', file, '--json']);
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['pipeline', 'runId', 'status', 'steps']));
    expect((parsed.steps as Array<Record<string, unknown>>)[0]).toEqual(expect.objectContaining({ id: 'a', uses: 'debug/echo', status: 'ran', durationMs: expect.any(Number), outputHash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

  it('--state-dir moves the state; runs lists history; graph prints mermaid and dot', async () => {
    const file = writePipeline(chain());
    const state = join(dirname(file), 'elsewhere');
    await runJson(file, '--state-dir', state);
    expect(existsSync(join(state, 'state.db'))).toBe(true);
    expect(existsSync(join(dirname(file), '.genesis'))).toBe(false);
    const runs = await runCli(['runs', file, '--state-dir', state]);
    expect(runs.stdout).toMatch(/chain\s+succeeded\s+4\s+0\s+0/);
    const mermaid = await runCli(['graph', file]);
    expect(mermaid.stdout).toContain('a --> b');
    const dot = await runCli(['graph', file, '--format', 'dot']);
    expect(dot.stdout).toContain('"b" -> "c";');
  });

  it('clean removes objects no longer referenced and keeps current outputs', async () => {
    const file = writePipeline(chain('one'));
    await runJson(file);
    writeFileSync(file, chain('two'));
    await runJson(file);
    const r = await runCli(['clean', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/removed [1-9]\d* object/);
    rmSync(join(dirname(file), 'out'), { recursive: true });
    expect(statuses((await runJson(file)).report)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
  });

  it('clean --drop-checkpoints forgets item checkpoints, so a forced rerun generates again', async () => {
    const file = writePipeline('name: g\nsteps:\n  gen: { uses: generate/conversations, with: { count: 20 } }\n');
    await runJson(file);
    const kept = await runCli(['run', file, '--json', '--force']);
    expect(kept.stdout).toMatch(/"reused": 20/);
    const r = await runCli(['clean', file, '--drop-checkpoints']);
    expect(r.stdout).toMatch(/20 item checkpoint\(s\) dropped/);
    const again = await runCli(['run', file, '--json', '--force']);
    expect(again.stdout).toMatch(/"generated": 20/);
  });

  it('reuses its cache of validated pipelines, and survives a damaged cache entry', async () => {
    const file = writePipeline(chain());
    await runJson(file);
    const cacheDir = join(dirname(file), '.genesis/pipelines');
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    expect(statuses((await runJson(file)).report)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
    writeFileSync(join(cacheDir, entries[0]!), '{ not json');
    expect(statuses((await runJson(file)).report)).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
    writeFileSync(file, chain().replace('uses: debug/echo, with: { message: d }', 'uses: debug/ecko'));
    const bad = await runCli(['run', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/pipeline\.yaml:7:\d+: error: unknown step type "debug\/ecko"/);
  });
});
