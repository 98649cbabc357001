// Generation throughput through `genesis run` (checkpointing, hashing, storing, materializing included),
// against the bare generator loop in the same run, and peak memory as `count` grows.
// Usage: npm run build && node bench/generation-throughput.mjs [--counts 2000,10000,20000] [--length 720]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const counts = arg('counts', '2000,10000,20000').split(',').map(Number);
const length = Number(arg('length', '720'));
const bin = join(root, 'bin/genesis.js');

function runPipeline(yaml) {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-gen-bench-'));
  writeFileSync(join(dir, 'p.yaml'), yaml);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'run', join(dir, 'p.yaml'), '--json'], { encoding: 'utf8' });
  const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const report = JSON.parse(r.stdout);
  rmSync(dir, { recursive: true, force: true });
  return { wall, rssMb: rssKb / 1024, stepMs: report.steps[0].durationMs, items: report.steps[0].metrics?.items };
}

function bareLoop(kind, count) {
  // The generator alone, in a fresh process: plan + generate + JSON.stringify, no checkpoints, no disk.
  const code = kind === 'conversations'
    ? `const {planConversation}=await import('${root}/dist/steps/generate-conversations/plan.js');const {generateConversation}=await import('${root}/dist/providers/offline/conversations/index.js');const {createRng}=await import('${root}/dist/util/rng.js');
       const p={count:${count},intents:'all',languages:{en:.5,es:.5},sentiment:{positive:.3,neutral:.5,negative:.2},complexity:{simple:.3,medium:.5,complex:.2},turns:{min:2,max:8},noise:.1,provider:'default',batch_size:5,few_shot:2};
       const t=performance.now();let n=0;for(let i=0;i<${count};i++){n+=JSON.stringify(generateConversation(planConversation(p,42,i),createRng(42,'c',i))).length}console.log(performance.now()-t)`
    : `const {planSeries,seriesRng}=await import('${root}/dist/steps/generate-timeseries/plan.js');const {generateSeries}=await import('${root}/dist/providers/offline/timeseries/index.js');const {normalizeTimeseriesParams}=await import('${root}/dist/steps/generate-timeseries/params.js');
       const p=normalizeTimeseriesParams({count:${count},domains:{electricity:.5,energy:.2,sensors:.2,financial:.1},length:${length},frequency:'1H',start:'2024-01-01T00:00:00Z',provider:'default'});
       const t=performance.now();let n=0;for(let i=0;i<${count};i++){const s=planSeries(p,42,i);n+=JSON.stringify(generateSeries(s,seriesRng(42,s))).length}console.log(performance.now()-t)`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim());
}

const rows = [];
for (const kind of ['conversations', 'timeseries']) {
  for (const count of counts) {
    const yaml = kind === 'conversations'
      ? `name: b\nsteps:\n  gen: { uses: generate/conversations, with: { count: ${count} } }\n`
      : `name: b\nsteps:\n  gen: { uses: generate/timeseries, with: { count: ${count}, length: ${length} } }\n`;
    const bare = bareLoop(kind, count);
    const p = runPipeline(yaml);
    rows.push({ kind, count, bareMs: Math.round(bare), stepMs: p.stepMs, wallS: p.wall, rssMb: Math.round(p.rssMb), ratio: (p.stepMs / bare).toFixed(2) });
    console.error(JSON.stringify(rows.at(-1)));
  }
}
console.log(`| dataset | count | generator alone (ms) | genesis step (ms) | step ÷ generator | whole command (s) | peak RSS (MB) |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.kind}${r.kind === 'timeseries' ? ` ×${length}` : ''} | ${r.count.toLocaleString('en-US')} | ${r.bareMs} | ${r.stepMs} | ${r.ratio} | ${r.wallS} | ${r.rssMb} |`);
