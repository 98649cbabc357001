// The dashboard in headless Chromium: its Run button starts a run whose live progress advances on the page, a run
// started from a terminal shows up as running and advancing, and the page logs no error.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../serve/server.js';
import { browserRequired, findChromium, launchChromium } from '../helpers/browser.js';
import { spawnCli, tempDir, writePipeline } from '../helpers/cli.js';

const found = findChromium();
if (!found.path) console.warn(found.reason);

const steps = (ms: number) => `name: steps
steps:
  a: { uses: debug/echo, with: { message: a, delay_ms: ${ms} } }
  b: { uses: debug/echo, needs: [a], with: { message: b, delay_ms: ${ms} } }
  c: { uses: debug/echo, needs: [b], with: { message: c, delay_ms: ${ms} } }
`;

/** Every distinct text the element shows until `stop` matches one (or the limit passes). */
async function watchText(page: Page, selector: string, stop: RegExp, limitMs = 30_000): Promise<string[]> {
  const seen: string[] = [];
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const t = (await page.textContent(selector)) ?? '';
    if (seen[seen.length - 1] !== t) seen.push(t);
    if (stop.test(t)) return seen;
    await page.waitForTimeout(40);
  }
  throw new Error(`"${selector}" never matched ${stop}; saw ${JSON.stringify(seen)}`);
}

describe.skipIf(!found.path && !browserRequired())('genesis serve in a browser', () => {
  let dash: Dashboard;
  let dir: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    dir = tempDir('genesis-serve-browser-');
    writePipeline(steps(700), dir, 'steps.yaml');
    dash = await startDashboard({ target: dir, host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await dash?.close();
  });

  async function openPipeline(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(dash.url); // the token URL: the server sets the cookie and drops the token from the address
    expect(new URL(page.url()).search).toBe('');
    await page.click('a[href="/pipeline?file=steps.yaml"]');
    await page.waitForSelector('#live-summary');
    return { page, problems };
  }

  it('the Run button starts a run, and its live progress advances step by step to the end', async () => {
    const { page, problems } = await openPipeline();
    await page.check('input[name=force]');
    await page.click('#run-button');
    const seen = await watchText(page, '#live-summary', /^succeeded/);
    const done = seen.map((t) => /(\d) of 3 steps done/.exec(t)?.[1]).filter(Boolean).map(Number);
    // Seen at least two different counts on the way, never going back.
    expect(new Set(done).size).toBeGreaterThanOrEqual(2);
    expect(done).toEqual([...done].sort());
    expect(await page.textContent('#run-message')).toMatch(/started: genesis run .*steps\.yaml --json-events --lock-timeout 0 --force/);
    for (const id of ['a', 'b', 'c']) expect(await page.textContent(`tr[data-step="${id}"] .live-status`)).toBe('ran');
    await page.waitForFunction(() => document.querySelector('#runs tbody tr .badge')?.textContent === 'succeeded');
    // The report view is genesis report's own page, served under its no-fetch policy: it renders without an error.
    await page.click('a[href="/report?file=steps.yaml"]');
    await page.waitForSelector('section[id]');
    expect(await page.title()).toContain('steps');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a run started from a terminal shows as running on the page and advances; Run is refused meanwhile', async () => {
    const { page, problems } = await openPipeline();
    // Slower steps than the page polls the state folder (every 500 ms), so each commit is seen.
    writePipeline(steps(1500), dir, 'steps.yaml');
    const terminal = spawnCli(['run', join(dir, 'steps.yaml')]);
    const seen = await watchText(page, '#live-summary', /2 steps committed/);
    expect(seen.some((t) => /running from a terminal \(pid \d+: genesis run .*steps\.yaml\), run \S+: 1 step committed/.test(t))).toBe(true);
    await page.click('#run-button');
    await page.waitForFunction(() => /^not started/.test(document.getElementById('run-message')?.textContent ?? ''));
    expect(await page.textContent('#run-message')).toMatch(/not started: the state folder is locked by pid \d+ .*genesis run .*steps\.yaml/);
    expect((await terminal.done).code).toBe(0);
    await watchText(page, '#live-summary', /the terminal run ended/);
    // The refusal is an HTTP 409, which Chromium logs as a failed resource: that one is expected, nothing else.
    expect(problems.filter((p) => !/status of 409 \(Conflict\)/.test(p))).toEqual([]);
    await page.close();
  });
});
