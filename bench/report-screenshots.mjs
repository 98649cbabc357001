// Screenshots of `genesis report` pages in headless Chromium, with console errors and outside requests printed.
// Run: node bench/report-screenshots.mjs <report.html> <out.png> [more pairs…]   (also writes <out>-top.png: the first screen)
import { chromium } from 'playwright-core';

const pairs = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.GENESIS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (let i = 0; i + 1 < pairs.length; i += 2) {
  const [html, png] = [pairs[i], pairs[i + 1]];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith('file://')) problems.push(`request: ${r.url()}`); });
  await page.goto('file://' + html);
  await page.waitForFunction(() => window.__genesisReport?.done, null, { timeout: 60000 });
  const state = await page.evaluate(() => window.__genesisReport);
  await page.screenshot({ path: png, fullPage: true });
  await page.screenshot({ path: png.replace(/\.png$/, '-top.png') }); // the first screen, for the README
  console.log(`${png}: ${state.rendered} charts drawn, ${state.failed.length} failed ${state.failed.join(' ')}; ${problems.length} problems`);
  for (const p of problems) console.log('  ' + p);
  await page.close();
}
await browser.close();
