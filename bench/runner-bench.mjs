// Runner benchmark: genesis no-op reruns and first runs against Snakemake and wireit, interleaved in one run.
// Usage: node bench/runner-bench.mjs [--reps N] [--wide-reps N] [--sizes 10,100,1000,10000] [--skip chain5|wide]
//        [--bin path/to/genesis.js] [--baseline-bin path/to/other/genesis.js] [--no-build] [--tag name]
// --baseline-bin adds a second genesis build (e.g. main's) to the five-step case, interleaved with the rest, so a
// change is measured before/after in the same rounds rather than in two runs under different machine load.
// By default it runs `npm run build` (tsc + precompiled validators, what users get) and measures bin/genesis.js.
// Fixtures live in bench/.work/runner; results go to stdout as markdown and to bench/.work/runner/results-<tag>.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHAIN5, wide, writeGenesis, writeSnakemake, writeWireit } from './runner-fixtures.mjs';
import { median, quantile, timeInterleaved } from './runner-timer.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work', 'runner');
const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '15' },
    'wide-reps': { type: 'string', default: '5' },
    sizes: { type: 'string', default: '10,100,1000,10000' },
    bin: { type: 'string' },
    'baseline-bin': { type: 'string' },
    'snakemake-max': { type: 'string', default: '1000' },
    skip: { type: 'string', default: '' },
    'no-build': { type: 'boolean', default: false },
    tag: { type: 'string', default: 'latest' },
  },
});
const reps = Number(values.reps);
const wideReps = Number(values['wide-reps']);
const sizes = values.sizes.split(',').map(Number);
const snakemakeMax = Number(values['snakemake-max']);
const skip = new Set(values.skip.split(',').filter(Boolean));

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

function genesisBin() {
  if (values.bin) return resolve(values.bin);
  if (!values['no-build']) {
    process.stderr.write('building genesis (npm run build) …\n');
    // tsc emits even when someone's in-progress file has type errors, so the status is only reported.
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) process.stderr.write(`warning: npm run build exited ${r.status}; measuring what was emitted\n`);
  }
  return join(ROOT, 'bin', 'genesis.js');
}

function wireitPeer() {
  const dir = join(ROOT, 'bench', '.work', 'peers', 'wireit');
  if (!existsSync(join(dir, 'node_modules', 'wireit', 'bin', 'wireit.js'))) {
    process.stderr.write('installing wireit into bench/.work/peers/wireit …\n');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'wireit-peer-install', private: true }));
    sh('npm', ['install', '--no-audit', '--no-fund', 'wireit@0.14'], { cwd: dir });
  }
  return dir;
}

function haveSnakemake() {
  return spawnSync('snakemake', ['--version'], { encoding: 'utf8' }).status === 0;
}

const G = genesisBin();
const genesisArgv = (dir) => ({ argv: [process.execPath, G, 'run', 'pipeline.yaml', '--quiet'], cwd: dir });
const snakeArgv = (dir) => ({ argv: ['snakemake', '--cores', String(cpus().length), '--quiet'], cwd: dir });
const versions = {
  node: process.version,
  snakemake: haveSnakemake() ? sh('snakemake', ['--version']).trim() : 'missing',
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '?',
};

/** Runs once to fill caches, then checks the second run really is a no-op (a benchmark of a rebuild is worthless). */
function warmAndCheck(name, c, isNoop) {
  for (let i = 0; i < 2; i++) {
    const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd: c.cwd, env: { ...process.env, ...(c.env ?? {}) }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i === 1 && !isNoop(r.stdout + r.stderr)) throw new Error(`${name}: second run was not a no-op:\n${r.stdout}${r.stderr}`);
  }
}

const genesisNoop = (out) => !/\] ran /.test(out) && /cached/.test(out);
const snakeNoop = (out) => /Nothing to be done/.test(out) || out.trim() === '';
const wireitNoop = (out) => !/Ran \d+ script/.test(out) || /Ran 0 script/.test(out);

const results = { versions, date: new Date().toISOString(), reps, wideReps, chain5: {}, wide: {} };
const md = [];

// 1. Five-step chain, no-op rerun.
if (!skip.has('chain5')) {
  const gdir = writeGenesis(join(WORK, 'chain5', 'genesis'), 'chain5', CHAIN5);
  const cases = [
    { name: 'node -e 0 (floor)', argv: [process.execPath, '-e', '0'], cwd: WORK },
    { name: 'genesis run', ...genesisArgv(gdir) },
  ];
  warmAndCheck('genesis', cases[1], genesisNoop);
  if (values['baseline-bin']) {
    const bdir = writeGenesis(join(WORK, 'chain5', 'genesis-baseline'), 'chain5', CHAIN5);
    const c = { name: 'genesis run (baseline build)', argv: [process.execPath, resolve(values['baseline-bin']), 'run', 'pipeline.yaml', '--quiet'], cwd: bdir };
    warmAndCheck('genesis baseline', c, genesisNoop);
    cases.push(c);
  }
  if (versions.snakemake !== 'missing') {
    const sdir = writeSnakemake(join(WORK, 'chain5', 'snakemake'), CHAIN5);
    const c = { name: 'snakemake', ...snakeArgv(sdir) };
    warmAndCheck('snakemake', { ...c, argv: c.argv.filter((a) => a !== '--quiet') }, snakeNoop);
    cases.push(c);
  }
  const peer = wireitPeer();
  const w = writeWireit(join(WORK, 'chain5', 'wireit'), CHAIN5, peer);
  const npmCase = { name: 'wireit via npm run', argv: ['npm', 'run', '--silent', w.target], cwd: w.dir };
  // What `node --run` (Node 22) would do: no npm process in between.
  const directCase = {
    name: 'wireit direct (node --run equivalent)',
    argv: [process.execPath, w.wireitBin],
    cwd: w.dir,
    env: { NODE_RUN_SCRIPT_NAME: w.target, NODE_RUN_PACKAGE_JSON_PATH: join(w.dir, 'package.json') },
  };
  warmAndCheck('wireit', npmCase, wireitNoop);
  cases.push(npmCase, directCase);
  process.stderr.write(`chain5 no-op: ${cases.length} cases × ${reps} interleaved reps …\n`);
  const r = timeInterleaved(cases, { reps, warmup: 2 });
  results.chain5 = r;
  const g = r['genesis run'];
  md.push(`### Five-step chain, no-op rerun (${reps} interleaved reps, median ms)`, '', '| command | wall | wall p90 | CPU | genesis ÷ peer (wall) | genesis ÷ peer (CPU) |', '|---|---|---|---|---|---|');
  for (const c of cases) {
    const x = r[c.name];
    const w2 = median(x.wall), c2 = median(x.cpu);
    const ratio = c.name === 'genesis run' ? ' | — | — |' : ` | ${(median(g.wall) / w2).toFixed(2)} | ${(median(g.cpu) / c2).toFixed(2)} |`;
    md.push(`| ${c.name} | ${w2.toFixed(0)} | ${quantile(x.wall, 0.9).toFixed(0)} | ${c2.toFixed(0)}${ratio}`);
  }
  md.push('');
}

// 2. Wide pipelines: first run (from empty state) and no-op rerun.
if (!skip.has('wide')) {
  md.push(`### Wide pipelines (n independent trivial steps; ${wideReps} interleaved reps, median ms)`, '', '| n | tool | first run wall | first run CPU | no-op wall | no-op CPU | first run ms/step | ÷ snakemake first run (wall) | ÷ snakemake no-op (wall) |', '|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const steps = wide(n);
    const gdir = writeGenesis(join(WORK, `wide-${n}`, 'genesis'), `wide${n}`, steps);
    const first = [{ name: 'genesis', ...genesisArgv(gdir), prep: 'rm -rf .genesis out' }];
    const noop = [{ name: 'genesis', ...genesisArgv(gdir) }];
    if (n <= snakemakeMax) {
      // Same shell line per step as the Snakemake rule: isolates runner overhead from in-process vs spawn.
      const cdir = writeGenesis(join(WORK, `wide-${n}`, 'genesis-command'), `wide${n}c`, steps, { command: true });
      first.push({ name: 'genesis (command steps)', ...genesisArgv(cdir), prep: 'rm -rf .genesis out' });
      noop.push({ name: 'genesis (command steps)', ...genesisArgv(cdir) });
    }
    const useSnake = versions.snakemake !== 'missing' && n <= snakemakeMax;
    if (useSnake) {
      const sdir = writeSnakemake(join(WORK, `wide-${n}`, 'snakemake'), steps, { wildcard: true });
      first.push({ name: 'snakemake', ...snakeArgv(sdir), prep: 'rm -rf out .snakemake', timeout: 900 });
      noop.push({ name: 'snakemake', ...snakeArgv(sdir), timeout: 900 });
    }
    const nreps = n >= 10000 ? 1 : wideReps;
    process.stderr.write(`wide ${n}: first runs × ${nreps} …\n`);
    const rf = timeInterleaved(first, { reps: nreps, warmup: 0 });
    // The first-run loop leaves every fixture fully built, so the no-op loop needs no separate warm-up run.
    warmAndCheck(`genesis wide ${n}`, noop[0], genesisNoop);
    if (values['baseline-bin']) {
      const bdir = writeGenesis(join(WORK, `wide-${n}`, 'genesis-baseline'), `wide${n}`, steps);
      const c = { name: 'genesis (baseline build)', argv: [process.execPath, resolve(values['baseline-bin']), 'run', 'pipeline.yaml', '--quiet'], cwd: bdir };
      warmAndCheck(`genesis baseline wide ${n}`, c, genesisNoop);
      noop.push(c);
    }
    process.stderr.write(`wide ${n}: no-op × ${nreps} …\n`);
    const rn = timeInterleaved(noop, { reps: nreps, warmup: 0 });
    results.wide[n] = { first: rf, noop: rn };
    const sf = rf.snakemake?.wall.length ? median(rf.snakemake.wall) : NaN;
    const sn = rn.snakemake?.wall.length ? median(rn.snakemake.wall) : NaN;
    for (const c of first) {
      const f = median(rf[c.name].wall), nn = median(rn[c.name].wall);
      const ratio = (x, y) => (Number.isFinite(x / y) ? (x / y).toFixed(2) : '—');
      const ratios = c.name === 'snakemake' ? ' — | — |' : ` ${ratio(f, sf)} | ${ratio(nn, sn)} |`;
      md.push(`| ${n} | ${c.name} | ${f.toFixed(0)} | ${median(rf[c.name].cpu).toFixed(0)} | ${nn.toFixed(0)} | ${median(rn[c.name].cpu).toFixed(0)} | ${(f / n).toFixed(2)} |${ratios}`);
    }
    if (rn['genesis (baseline build)']) {
      const b = rn['genesis (baseline build)'];
      md.push(`| ${n} | genesis (baseline build), no-op only | | | ${median(b.wall).toFixed(0)} | ${median(b.cpu).toFixed(0)} | | | ${Number.isFinite(sn) ? (median(b.wall) / sn).toFixed(2) : '—'} |`);
    }
    if (!useSnake) md.push(`| ${n} | snakemake | skipped (n > --snakemake-max ${snakemakeMax}) | | | | | | |`);
  }
  md.push('');
}

mkdirSync(WORK, { recursive: true });
writeFileSync(join(WORK, `results-${values.tag}.json`), JSON.stringify(results, null, 2));
console.log(`machine: ${versions.cpus} × ${versions.cpu}; node ${versions.node}; snakemake ${versions.snakemake}; date ${results.date.slice(0, 10)}\n`);
console.log(md.join('\n'));
