// `genesis report` on a big pipeline: report build time, file size and time to first paint in headless Chromium.
// Run: node bench/report-scale.mjs [conversations=100000] [dir]   (runs the pipeline first unless dir already holds it)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';

const count = Number(process.argv[2] ?? 100_000);
const dir = process.argv[3] ?? join(tmpdir(), `genesis-report-scale-${count}`);
const bin = new URL('../bin/genesis.js', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const file = join(dir, 'big.yaml');
writeFileSync(
  file,
  `name: big
seed: 42
steps:
  generate: { uses: generate/conversations, with: { count: ${count}, languages: { en: 0.5, es: 0.5 } } }
  validate: { uses: validate/conversations, needs: [generate] }
  bias: { uses: bias/conversations, needs: [generate] }
  register: { uses: register/dataset, needs: [generate, validate, bias], with: { name: big } }
`,
);
if (!existsSync(join(dir, 'out/big/register'))) {
  const t = performance.now();
  execFileSync(process.execPath, [bin, 'run', file, '-q'], { stdio: 'inherit' });
  console.log(`pipeline ran in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
const builds = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  execFileSync(process.execPath, [bin, 'report', file], { stdio: 'ignore' });
  builds.push(performance.now() - t);
}
const html = join(dir, 'out/big/report.html');
const data = statSync(join(dir, 'out/big/generate/conversations.jsonl')).size;
const browser = await chromium.launch({ executablePath: process.env.GENESIS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const fcp = [];
const drawn = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto('file://' + html);
  await page.waitForFunction(() => window.__genesisReport?.done, null, { timeout: 60_000 });
  const r = await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => res({ fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime, done: performance.now() }))));
  fcp.push(r.fcp);
  drawn.push(r.done);
  await page.close();
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| conversations | conversations.jsonl | report.html | genesis report (median of 3) | first contentful paint (median of 5) | all charts drawn (median of 5) |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| ${count.toLocaleString('en')} | ${(data / 1e6).toFixed(1)} MB | ${(statSync(html).size / 1e3).toFixed(0)} KB | ${(median(builds) / 1000).toFixed(2)} s | ${median(fcp).toFixed(0)} ms | ${median(drawn).toFixed(0)} ms |`);
