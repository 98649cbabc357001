// Start-up cost of the ways to invoke genesis (npx, npm exec, node bin/genesis.js, the bin run directly as a
// global link would): median wall time of `genesis --version`, interleaved reps, ratios against `node bin/genesis.js`.
// Usage: node bench/startup.mjs [--reps N]   (run from the repository root; --offline keeps npm off the network)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 9;
const forms = [
  ['node -e 0 (floor)', process.execPath, ['-e', '0']],
  ['node bin/genesis.js', process.execPath, ['bin/genesis.js', '--version']],
  ['bin/genesis.js via its shebang (= npm link / global install)', join(root, 'bin/genesis.js'), ['--version']],
  ['npm --version (npm’s own start-up)', 'npm', ['--version']],
  ['npm exec --offline -- genesis', 'npm', ['exec', '--offline', '--', 'genesis', '--version']],
  ['npx --offline genesis', 'npx', ['--offline', 'genesis', '--version']],
];

const times = new Map(forms.map(([name]) => [name, []]));
// One warm-up each: the first npx/npm exec in a project installs it into ~/.npm/_npx (running `prepare`).
for (const [, cmd, args] of forms) spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
for (let r = 0; r < reps; r++) {
  for (const [name, cmd, args] of forms) {
    const t = performance.now();
    const res = spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
    if (res.status !== 0) throw new Error(`${name} exited ${res.status}`);
    times.get(name).push(performance.now() - t);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('node bin/genesis.js'));
console.log(`| form | median ms | ÷ node bin/genesis.js |\n|---|---|---|`);
for (const [name] of forms) {
  const m = median(times.get(name));
  console.log(`| ${name} | ${Math.round(m)} | ${(m / base).toFixed(2)} |`);
}
