// A/B of two genesis builds on no-op reruns, interleaved round by round (so machine load hits both alike):
// the five-step debug/echo chain and the quick start (the real step types, whose derived versions are read).
// Usage: node bench/runner-ab.mjs --a path/to/old/bin/genesis.js --b path/to/new/bin/genesis.js [--reps N]
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHAIN5, writeGenesis } from './runner-fixtures.mjs';
import { median, quantile, timeInterleaved } from './runner-timer.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work', 'runner-ab');
const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' }, reps: { type: 'string', default: '15' } } });
if (!values.a || !values.b) throw new Error('usage: node bench/runner-ab.mjs --a OLD/bin/genesis.js --b NEW/bin/genesis.js [--reps N]');
const bins = { A: resolve(values.a), B: resolve(values.b) };
const reps = Number(values.reps);

/** A fixture folder per build (their state differs), warmed twice; the second run must be a no-op. */
function prepare(label, fixture) {
  const dir = join(WORK, `${fixture}-${label}`);
  if (fixture === 'chain5') writeGenesis(dir, 'chain5', CHAIN5);
  else {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'pipelines', 'quickstart.yaml'), join(dir, 'pipeline.yaml'));
  }
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(process.execPath, [bins[label], 'run', 'pipeline.yaml'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${label} ${fixture}: exit ${r.status}\n${r.stderr}`);
    if (i === 1 && /\] ran /.test(r.stdout + r.stderr)) throw new Error(`${label} ${fixture}: second run was not a no-op`);
  }
  return { name: `${fixture} ${label}`, argv: [process.execPath, bins[label], 'run', 'pipeline.yaml', '--quiet'], cwd: dir };
}

const cases = [{ name: 'node -e 0 (floor)', argv: [process.execPath, '-e', '0'], cwd: ROOT }];
for (const fixture of ['chain5', 'quickstart']) for (const label of ['A', 'B']) cases.push(prepare(label, fixture));
process.stderr.write(`${cases.length} cases × ${reps} interleaved reps …\n`);
const r = timeInterleaved(cases, { reps, warmup: 2 });
const lines = [`A = ${bins.A}`, `B = ${bins.B}`, '', `| case | wall median | wall p90 | CPU median |`, '|---|---|---|---|'];
for (const c of cases) lines.push(`| ${c.name} | ${median(r[c.name].wall).toFixed(0)} | ${quantile(r[c.name].wall, 0.9).toFixed(0)} | ${median(r[c.name].cpu).toFixed(0)} |`);
for (const fixture of ['chain5', 'quickstart']) {
  const a = r[`${fixture} A`], b = r[`${fixture} B`];
  lines.push('', `${fixture}: B ÷ A wall ${(median(b.wall) / median(a.wall)).toFixed(2)}, CPU ${(median(b.cpu) / median(a.cpu)).toFixed(2)}`);
}
console.log(lines.join('\n'));
