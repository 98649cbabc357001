// Bench: issue 14's intent-consistency filter as a real genesis pipeline (generate → seed classifier → filter → train).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-filter-pipeline.mjs [banking77/train.csv] [--seed-per-intent N] [--untouched]
// The seed classifier trains on N real utterances per intent taken from the 60 % of train.csv that is in neither test
// split (bench/conversations-splits.py); the classifiers trained on all / kept conversations are scored on the held-out
// 20 % (seed 42), and with --untouched also on the untouched split (seed 2015), which only the final run may look at.
// Held-out only is the default (`--held-out-only` says so explicitly and refuses --untouched): the untouched file is
// deleted unread right after the splits are written.
import { writeFileSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const trainCsv = resolve(args[0] && !args[0].startsWith('--') ? args[0] : join(root, '../shared/datasets/banking77/train.csv'));
const nSeed = Number(opt('--seed-per-intent', '10'));
const untouched = args.includes('--untouched');
if (untouched && args.includes('--held-out-only')) { console.log('filter pipeline: --untouched and --held-out-only contradict each other'); process.exit(2); }
if (!existsSync(trainCsv)) { console.log(`filter pipeline: skipped (${trainCsv} not found)`); process.exit(0); }
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const dir = mkdtempSync(join(tmpdir(), 'genesis-filter-bench-'));
const split = spawnSync(python, [join(root, 'bench/conversations-splits.py'), trainCsv, dir, String(nSeed)], { encoding: 'utf8' });
if (split.status !== 0) { console.log(`filter pipeline: splits failed (needs python3-sklearn)\n${split.stderr}`); process.exit(1); }
process.stdout.write(split.stdout);
if (!untouched) rmSync(join(dir, 'untouched.csv'), { force: true });

const trainOn = (needs, evalFile) => `    uses: train/intent-classifier\n    needs: [${needs}]\n    with: { text_from: first_customer_turn, label_column: category, evaluate_on: ${evalFile} }\n`;
let yaml = `name: useful-filter\nseed: 42\nsteps:\n  generate:\n    uses: generate/conversations\n    with: { count: 10000, languages: { en: 1 }, noise: 0.1 }\n`
  + `  seed:\n    uses: train/intent-classifier\n    with: { input: seed.csv, label_column: category }\n`
  + `  filter:\n    uses: filter/conversations\n    needs: [generate, seed]\n    with: { top_k: 3 }\n`
  + `  all:\n${trainOn('generate', 'heldout.csv')}  kept:\n${trainOn('filter', 'heldout.csv')}`;
if (untouched) yaml += `  all_untouched:\n${trainOn('generate', 'untouched.csv')}  kept_untouched:\n${trainOn('filter', 'untouched.csv')}`;
writeFileSync(join(dir, 'pipeline.yaml'), yaml);
const t0 = Date.now();
const run = spawnSync(process.execPath, [join(root, 'bin/genesis.js'), 'run', 'pipeline.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
console.log(`genesis run: exit ${run.status} in ${((Date.now() - t0) / 1000).toFixed(0)} s (work dir ${dir})`);
if (run.status !== 0) { console.log(run.stdout + run.stderr); process.exit(1); }
const out = join(dir, 'out/useful-filter');
const report = JSON.parse(readFileSync(join(out, 'filter/filter.json'), 'utf8'));
const removed = Object.entries(report.rules).filter(([, r]) => r.removed > 0).map(([k, r]) => `${k} ${r.removed}`).join(', ');
console.log(`filter/conversations (top 3 of a seed classifier on ${nSeed} real/intent): kept ${report.kept}/${report.input} (removed: ${removed || 'none'})`);
const ext = (step) => JSON.parse(readFileSync(join(out, step, 'metrics.json'), 'utf8')).external;
const fmt = (m) => `accuracy ${m.accuracy.toFixed(3)}${m.macro_f1 !== undefined ? `, macro-F1 ${m.macro_f1.toFixed(3)}` : ''}`;
console.log(`seed classifier, its own held-out 20 %: ${JSON.stringify(JSON.parse(readFileSync(join(out, 'seed/metrics.json'), 'utf8')).held_out.accuracy)}`);
console.log(`train/intent-classifier on all 10000, held-out 20 % (seed 42): ${fmt(ext('all'))}`);
console.log(`train/intent-classifier on the kept ${report.kept}, held-out 20 % (seed 42): ${fmt(ext('kept'))}`);
if (untouched) {
  console.log(`train/intent-classifier on all 10000, untouched split (seed 2015): ${fmt(ext('all_untouched'))}`);
  console.log(`train/intent-classifier on the kept ${report.kept}, untouched split (seed 2015): ${fmt(ext('kept_untouched'))}`);
}
