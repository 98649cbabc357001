// Screenshots of `genesis serve` on a copy of pipelines/ (the quick start run twice: two registered versions; the
// time series once), for the README and for a look:
// node bench/serve-screenshots.mjs [--reuse DIR]   (needs Debian's Chromium; writes bench/screenshots/serve-*.png)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe } from './serve-start.mjs';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'genesis.js');
const shots = join(root, 'bench', 'screenshots');
mkdirSync(shots, { recursive: true });
const reuse = process.argv.indexOf('--reuse');
const dir = reuse > 0 ? resolve(process.argv[reuse + 1]) : mkdtempSync(join(tmpdir(), 'genesis-serve-shots-'));
const file = join(dir, 'quickstart.yaml');

const run = (f) => {
  const r = spawnSync(process.execPath, [bin, 'run', f, '-q'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`genesis run exited ${r.status}`);
};
if (!existsSync(join(dir, '.genesis', 'state.db'))) {
  for (const f of readdirSync(join(root, 'pipelines'))) if (f.endsWith('.yaml')) copyFileSync(join(root, 'pipelines', f), join(dir, f));
  run(file); // v1: 1,000 conversations
  writeFileSync(file, readFileSync(file, 'utf8').replace('count: 1000', 'count: 1200'));
  run(file); // v2: 200 more
  run(join(dir, 'timeseries.yaml'));
}

const { server, url } = await startServe(bin, dir);
const browser = await chromium.launch({ executablePath: process.env.GENESIS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.screenshot({ path: join(shots, 'serve-overview.png'), fullPage: true });
  await page.click('a[href="/pipeline?file=quickstart.yaml"]');
  await page.check('input[name=force]');
  await page.click('#run-button');
  // Mid-run: a step running with its progress bar.
  await page.waitForFunction(() => /steps done/.test(document.getElementById('live-summary')?.textContent ?? '') && [...document.querySelectorAll('.live-status')].some((e) => e.textContent === 'running'), null, { timeout: 120_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(shots, 'serve-run.png'), fullPage: true });
  await page.waitForFunction(() => /^(succeeded|failed)/.test(document.getElementById('live-summary')?.textContent ?? ''), null, { timeout: 300_000 });
  await page.goto(new URL('/datasets', url).href);
  await page.screenshot({ path: join(shots, 'serve-datasets.png'), fullPage: true });
  await page.goto(new URL('/compare?file=quickstart.yaml&name=quickstart-conversations&a=1&b=2', url).href);
  await page.screenshot({ path: join(shots, 'serve-compare.png'), fullPage: true });
  console.log(`screenshots in ${shots} (state in ${dir})`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
