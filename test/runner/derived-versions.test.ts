// Derived versions through the CLI, on a copy of the built package: editing a shipped data file or a step's code and
// rebuilding reruns exactly the steps that read it, and an unchanged output still stops the cascade.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writePipeline } from '../helpers/cli.js';

const REPO = resolve(__dirname, '../..');

/** A private copy of the built package (dist, data, schemas, build script) sharing node_modules. */
function copyPackage(): string {
  const root = tempDir('genesis-pkg-');
  for (const p of ['bin', 'dist', 'data', 'schemas', 'scripts', 'package.json']) cpSync(join(REPO, p), join(root, p), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  return root;
}

function rebuildVersions(root: string): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-versions.mjs'), '--root', root], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

function genesis(root: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/genesis.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const summaries = new Map<string, string>();

function run(root: string, file: string): Record<string, string> {
  const r = genesis(root, 'run', file, '--json');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  const report = JSON.parse(r.stdout) as { steps: Array<{ id: string; status: string; summary?: string }> };
  for (const s of report.steps) summaries.set(s.id, s.summary ?? '');
  return Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
}

const PIPELINE = `name: derived
seed: 3
steps:
  generate: { uses: generate/conversations, with: { count: 30 } }
  series: { uses: generate/timeseries, with: { count: 4, length: 48 } }
  validate: { uses: validate/conversations, needs: [generate] }
  register: { uses: register/dataset, needs: [generate, validate], with: { name: derived } }
`;

/** Rewrites a JSON file with other formatting: new bytes, same meaning (so the generator's output is unchanged). */
function reformatJson(path: string): void {
  const text = readFileSync(path, 'utf8');
  const again = JSON.stringify(JSON.parse(text), null, text.includes('\n    "') ? 1 : 4) + '\n';
  expect(again).not.toBe(text);
  writeFileSync(path, again);
}

describe('versions derived from content, through the CLI', () => {
  let root: string;
  let file: string;
  beforeAll(() => {
    root = copyPackage();
    rebuildVersions(root); // what the copy holds, whatever state the repository's dist/ was left in
    file = writePipeline(PIPELINE);
    expect(run(root, file)).toEqual({ generate: 'ran', series: 'ran', validate: 'ran', register: 'ran' });
  });

  it('a no-op rerun stays cached: versions are stable across runs and rebuilds', () => {
    rebuildVersions(root);
    expect(run(root, file)).toEqual({ generate: 'cached', series: 'cached', validate: 'cached', register: 'cached' });
  });

  it('editing a grammar file and rebuilding reruns the generator, says why, and keeps dependants cached when the dataset is unchanged', () => {
    const grammar = readdirSync(join(root, 'data/grammar')).filter((f) => f.endsWith('.json')).sort()[0]!;
    reformatJson(join(root, 'data/grammar', grammar));
    rebuildVersions(root);
    expect(genesis(root, 'status', file).stdout).toMatch(/stale\s+generate\s+changed: version/);
    expect(genesis(root, 'why', file, 'generate').stdout).toMatch(/version: "[0-9a-f]{16}" → "[0-9a-f]{16}" \(the step's code, a module it imports or a data file it reads changed\)/);
    expect(run(root, file)).toEqual({ generate: 'ran', series: 'cached', validate: 'cached', register: 'cached' });
    // The generator's version is in every offline item key: the items are made again, not reused from checkpoints.
    expect(summaries.get('generate')).toMatch(/30 new, 0 reused/);
  });

  it('editing a quality metric’s code and rebuilding reruns validate, not the generators', () => {
    const versions = JSON.parse(readFileSync(join(root, 'dist/code-versions.json'), 'utf8')) as { units: Record<string, { code: string[] }> };
    const metric = versions.units['step:validate/conversations']!.code.find((f) => f.startsWith('dist/metrics/') && !versions.units['step:generate/conversations']!.code.includes(f))!;
    writeFileSync(join(root, metric), readFileSync(join(root, metric), 'utf8') + '\n// a change\n');
    rebuildVersions(root);
    expect(run(root, file)).toEqual({ generate: 'cached', series: 'cached', validate: 'ran', register: 'cached' });
  });

  it('editing the code that checks and corrects each offline item makes the items again, not reuses them', () => {
    const check = join(root, 'dist/steps/generate-conversations/check.js');
    writeFileSync(check, readFileSync(check, 'utf8') + '\n// a change\n');
    rebuildVersions(root);
    expect(run(root, file)).toEqual({ generate: 'ran', series: 'cached', validate: 'cached', register: 'cached' });
    expect(summaries.get('generate')).toMatch(/30 new, 0 reused/);
  });

  it('editing a time-series data file reruns the series generator only', () => {
    reformatJson(join(root, 'data/series-types.json'));
    rebuildVersions(root);
    expect(run(root, file)).toMatchObject({ generate: 'cached', series: 'ran', validate: 'cached' });
    expect(summaries.get('series')).toMatch(/4 new, 0 reused/);
  });

  it('a change to the pipeline loader’s code drops the cached normalized pipelines it made', () => {
    const echo = writePipeline('name: loader\nsteps:\n  a: { uses: debug/echo, with: { message: hi } }\n');
    expect(run(root, echo)).toEqual({ a: 'ran' });
    expect(run(root, echo)).toEqual({ a: 'cached' }); // served from the cache of normalized pipelines
    // The loader now normalizes `with:` differently: only a fresh parse sees it.
    const load = join(root, 'dist/runner/load.js');
    const text = readFileSync(load, 'utf8');
    expect(text).toContain('with: s.with ?? {},');
    writeFileSync(load, text.replace('with: s.with ?? {},', "with: { ...(s.with ?? {}), message: 'normalized' },"));
    rebuildVersions(root);
    expect(genesis(root, 'status', echo).stdout).toMatch(/stale\s+a\s+changed: params\.message/);
  });
});
