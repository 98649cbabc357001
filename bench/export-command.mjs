// `genesis export` end to end on a registered dataset of N offline conversations: wall time and peak RSS of the whole
// command (open the registry, read the records, split, write default + per-language files and the card), Parquet and
// JSONL, against `genesis datasets` on the same state (the cost of starting genesis and opening the registry).
// Usage: npm run build && node bench/export-command.mjs [--count 100000] [--repeat 3]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const count = Number(arg('count', '100000'));
const repeat = Number(arg('repeat', '3'));
const bin = join(root, 'bin/genesis.js');
const work = mkdtempSync(join(tmpdir(), 'genesis-export-bench-'));
writeFileSync(join(work, 'p.yaml'), `name: b\nseed: 42\nsteps:\n  gen: { uses: generate/conversations, with: { count: ${count}, languages: { en: 0.5, es: 0.5 } } }\n  register: { uses: register/dataset, needs: [gen], with: { name: bench } }\n`);
const run = spawnSync(process.execPath, [bin, 'run', join(work, 'p.yaml'), '-q'], { encoding: 'utf8' });
if (run.status !== 0) throw new Error(run.stderr);

function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...args], { encoding: 'utf8', cwd: work });
  if (r.status !== 0) throw new Error(r.stderr);
  const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, rssMb: rssKb / 1024 };
}
const size = (dir) => readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f))).filter((s) => s.isFile()).reduce((a, s) => a + s.size, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const [label, args] of [
  ['genesis datasets', ['datasets', '--state-dir', join(work, '.genesis')]],
  ['genesis export (parquet)', ['export', 'bench', '--to', join(work, 'hf-parquet'), '--state-dir', join(work, '.genesis')]],
  ['genesis export --format jsonl', ['export', 'bench', '--to', join(work, 'hf-jsonl'), '--state-dir', join(work, '.genesis'), '--format', 'jsonl']],
]) {
  const runs = Array.from({ length: repeat }, () => timed(args));
  const out = args.includes('--to') ? args[args.indexOf('--to') + 1] : undefined;
  rows.push({ label, wall: median(runs.map((r) => r.wall)), rssMb: Math.round(Math.max(...runs.map((r) => r.rssMb))), mb: out ? +(size(out) / 2 ** 20).toFixed(1) : undefined });
  console.error(JSON.stringify(rows.at(-1)));
}
const jsonlMb = +(size(join(work, 'out/b/gen')) / 2 ** 20).toFixed(1);
console.log(`${count} conversations (registered JSONL + generation.json: ${jsonlMb} MB), ${repeat} runs each, node ${process.version}`);
console.log('| command | wall, median | peak RSS | written (default + per-language files + card) |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.label} | ${r.wall.toFixed(2)} s | ${r.rssMb} MB | ${r.mb === undefined ? '—' : `${r.mb} MB`} |`);
rmSync(work, { recursive: true, force: true });
