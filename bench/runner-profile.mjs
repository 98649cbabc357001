// Start-up profile of a genesis no-op rerun: module import costs, in-process phase timings, and a --cpu-prof breakdown.
// Usage: node bench/runner-profile.mjs [--bin bin/genesis.js] [--reps 9] [--steps 5,1000]  (build first: npm run build)
// Writes its own fixtures under bench/.work/runner-profile; prints markdown (also saved there as profile.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CHAIN5, wide, writeGenesis } from './runner-fixtures.mjs';
import { median } from './runner-timer.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work', 'runner-profile');
const { values } = parseArgs({
  options: {
    bin: { type: 'string', default: join(ROOT, 'bin', 'genesis.js') },
    reps: { type: 'string', default: '9' },
    steps: { type: 'string', default: '5,1000' },
  },
});
const BIN = resolve(values.bin);
const DIST = join(dirname(dirname(BIN)), 'dist');
const reps = Number(values.reps);
const md = [];

function node(args, opts = {}) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function fixture(n) {
  const dir = join(WORK, `n${n}`);
  if (!existsSync(join(dir, 'pipeline.yaml'))) writeGenesis(dir, `p${n}`, n === 5 ? CHAIN5 : wide(n));
  // Fill the cache, then one no-op run so the state is steady.
  for (let i = 0; i < 2; i++) node([BIN, 'run', 'pipeline.yaml', '--quiet'], { cwd: dir });
  return dir;
}

// 1. Cost of importing each dependency (and genesis's own entry modules) in a fresh process.
function importCosts() {
  const targets = [
    ['node -e 0 baseline (import of nothing)', null],
    ['yaml', 'yaml'],
    ['ajv', 'ajv'],
    ['better-sqlite3 (+ native addon on first `new Database`)', 'better-sqlite3'],
    ['@dagrejs/graphlib', '@dagrejs/graphlib'],
    ['listr2 (TTY only)', 'listr2'],
    ['genesis cli/main.js', pathToFileURL(join(DIST, 'cli', 'main.js')).href],
    ['genesis cli/commands/run.js (+ everything it imports statically)', pathToFileURL(join(DIST, 'cli', 'commands', 'run.js')).href],
    ['genesis runner/execute.js', pathToFileURL(join(DIST, 'runner', 'execute.js')).href],
    ['genesis steps/debug-echo', pathToFileURL(join(DIST, 'steps', 'debug-echo', 'index.js')).href],
  ];
  const rows = [];
  for (const [label, spec] of targets) {
    const code = spec
      ? `const t=performance.now(); const m=await import(${JSON.stringify(spec)}); ${spec === 'better-sqlite3' ? "new m.default(':memory:').close();" : ''} console.log(performance.now()-t)`
      : 'console.log(0)';
    const xs = [];
    for (let i = 0; i < reps; i++) xs.push(Number(node(['--input-type=module', '-e', code]).trim()));
    rows.push(`| ${label} | ${median(xs).toFixed(1)} |`);
  }
  md.push('### Import cost in a fresh process (median ms, each measured alone)', '', '| module | ms |', '|---|---|', ...rows, '');
}

// 2. Phase timings of `genesis run` done by hand, with the same calls cli/commands/run.ts makes.
const PHASES = (dist, dir) => `
const t0 = performance.now(); const T = {}; let last = t0;
const mark = (k) => { const n = performance.now(); T[k] = (T[k] ?? 0) + n - last; last = n; };
const u = (p) => ${JSON.stringify(pathToFileURL(dist).href)} + '/' + p;
const { loadPipeline } = await import(u('runner/load.js')); mark('import load.js (yaml; ajv only without precompiled validators)');
const { analyze } = await import(u('runner/analyze.js')); mark('import analyze.js (graphlib, registry)');
const { StateStore } = await import(u('store/state.js')); mark('import store/state.js (better-sqlite3)');
const { acquireLock } = await import(u('store/lock.js'));
const { execute } = await import(u('runner/execute.js')); mark('import lock.js, execute.js');
process.chdir(${JSON.stringify(dir)});
const p = loadPipeline('pipeline.yaml'); mark('loadPipeline (parse YAML, pipeline schema)');
const a = await analyze(p); mark('analyze (step types, with: schemas, graph, order)');
const lock = await acquireLock('.genesis', { command: 'bench', timeoutMs: 0 }); mark('acquireLock');
const store = StateStore.open('.genesis'); mark('StateStore.open (open db, pragmas, prepare)');
const r = await execute(a, store, { signal: new AbortController().signal, reporter: () => {} }); mark('execute (fingerprint, lookup, marker check, record runs)');
store.close(); lock.release(); mark('close + release');
if (r.steps.some((s) => s.status !== 'cached')) throw new Error('not a no-op');
T.total = performance.now() - t0;
console.log(JSON.stringify(T));
`;

function phases(n, dir) {
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(JSON.parse(node(['--input-type=module', '-e', PHASES(DIST, dir)])));
  const keys = Object.keys(runs[0]);
  md.push(`### In-process phases of a no-op \`genesis run\`, ${n} steps (median of ${reps} fresh processes, ms)`, '', '| phase | ms |', '|---|---|');
  for (const k of keys) md.push(`| ${k} | ${median(runs.map((r) => r[k])).toFixed(1)} |`);
  md.push('');
}

// 3. CPU profile of the real CLI: self time by package and inclusive time of named functions.
function cpuProfile(n, dir) {
  const profDir = join(WORK, `prof-${n}`);
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const bySelf = new Map();
  const byFn = new Map();
  let total = 0;
  const runsN = Math.max(3, Math.min(reps, 5));
  for (let i = 0; i < runsN; i++) node(['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', profDir, BIN, 'run', 'pipeline.yaml', '--quiet'], { cwd: dir });
  for (const f of readdirSync(profDir)) {
    const prof = JSON.parse(readFileSync(join(profDir, f), 'utf8'));
    const byId = new Map(prof.nodes.map((x) => [x.id, x]));
    const parent = new Map();
    for (const x of prof.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    prof.samples.forEach((id, i) => {
      const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000 / runsN;
      total += dt;
      const leaf = byId.get(id);
      bySelf.set(category(leaf.callFrame), (bySelf.get(category(leaf.callFrame)) ?? 0) + dt);
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const k = fnKey(byId.get(cur).callFrame);
        if (k && !seen.has(k)) {
          seen.add(k);
          byFn.set(k, (byFn.get(k) ?? 0) + dt);
        }
      }
    });
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  md.push(`### --cpu-prof of a no-op \`genesis run\`, ${n} steps (mean of ${runsN} profiles; profiled time ${total.toFixed(0)} ms)`, '', 'Self time by where the code lives:', '', '| where | self ms |', '|---|---|');
  for (const [k, v] of top(bySelf, 14)) md.push(`| ${k} | ${v.toFixed(1)} |`);
  md.push('', 'Inclusive time of the heaviest genesis functions:', '', '| function | inclusive ms |', '|---|---|');
  for (const [k, v] of top(byFn, 400).filter(([k]) => k.includes('(genesis ')).slice(0, 22)) md.push(`| ${k} | ${v.toFixed(1)} |`);
  md.push('', 'Inclusive time in dependencies and the module loader:', '', '| function | inclusive ms |', '|---|---|');
  for (const [k, v] of top(byFn, 400).filter(([k]) => !k.includes('(genesis ')).slice(0, 12)) md.push(`| ${k} | ${v.toFixed(1)} |`);
  md.push('');
}

function category(cf) {
  const url = cf.url ?? '';
  if (!url) return cf.functionName || '(anonymous)';
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return `dep: ${nm[1]}`;
  const d = url.match(/\/dist\/(.*)$/);
  if (d) return `genesis: ${d[1].split('/').slice(0, -1).join('/') || '.'}`;
  if (url.startsWith('node:internal/modules')) return 'node: module loader';
  if (url.startsWith('node:')) return 'node: other internals';
  return url.split('/').slice(-2).join('/');
}

function fnKey(cf) {
  const url = cf.url ?? '';
  if (!url || !cf.functionName) return undefined;
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const where = nm ? nm[1] : url.includes('/dist/') ? `genesis ${url.split('/dist/')[1]}` : url.replace(/^node:internal\//, 'node:');
  return `${cf.functionName} (${where})`;
}

importCosts();
for (const n of values.steps.split(',').map(Number)) {
  const dir = fixture(n);
  phases(n, dir);
  cpuProfile(n, dir);
}
mkdirSync(WORK, { recursive: true });
writeFileSync(join(WORK, 'profile.md'), md.join('\n'));
console.log(md.join('\n'));
