// The HTML report in headless Chromium: no console error, no request leaving the file, marks in every chart, filters that filter.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { browserRequired, findChromium, launchChromium } from '../helpers/browser.js';
import { conversationsRun, seriesRun } from '../report/fixtures.js';

const found = findChromium();
if (!found.path) console.warn(found.reason);

// The SVG group Plot draws each mark type into (its aria-label).
const GROUP: Record<string, string> = { barX: 'bar', barY: 'bar', cell: 'cell', line: 'line', lineY: 'line', dot: 'dot', text: 'text', tickX: 'tick', tickY: 'tick', ruleX: 'rule', ruleY: 'rule', areaY: 'area' };

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
  charts: Record<string, { marks: Array<{ mark: string; data: unknown[] }> }>;
}

describe.skipIf(!found.path && !browserRequired())('genesis report in Chromium', () => {
  let browser: Browser;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    for (const [name, make] of [['conv', conversationsRun], ['series', seriesRun]] as const) {
      const file = await make();
      expect((await runCli(['report', file])).code).toBe(0);
      reports[name] = join(dirname(file), 'out', name, 'report.html');
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Every request is seen here; anything but the file itself is refused (and fails the test below).
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url().startsWith('file://') ? route.continue() : route.abort();
    });
    await page.goto('file://' + reports[name]);
    await page.waitForFunction(() => (window as unknown as { __genesisReport?: { done?: boolean } }).__genesisReport?.done, null, { timeout: 30_000 });
    const html = readFileSync(reports[name]!, 'utf8');
    const json = /<script type="application\/json" id="genesis-report-data">(.*?)<\/script>/s.exec(html)![1]!;
    return { page, problems, requests, charts: JSON.parse(json).charts };
  }

  it.each(['conv', 'series'])('%s: opens with no console error or warning and requests nothing but the file', async (name) => {
    const o = await open(name);
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([`file://${reports[name]}`]);
    await o.page.close();
  });

  it.each(['conv', 'series'])('%s: every chart is drawn, and every mark with data has drawn elements', async (name) => {
    const o = await open(name);
    const state = await o.page.evaluate(() => (window as unknown as { __genesisReport: { rendered: number; failed: string[] } }).__genesisReport);
    expect(state.failed).toEqual([]);
    expect(state.rendered).toBe(Object.keys(o.charts).length);
    for (const [id, spec] of Object.entries(o.charts)) {
      const drawn = await o.page.$$eval(`figure[data-chart-id="${id}"] svg g[aria-label]`, (gs) => gs.map((g) => [g.getAttribute('aria-label'), g.querySelectorAll('rect, path, circle, line, text').length] as const));
      for (const m of spec.marks.filter((x) => x.data.length > 0)) {
        const group = drawn.filter(([label]) => label === GROUP[m.mark]);
        expect(group.length, `${id}: a ${m.mark} mark`).toBeGreaterThan(0);
        expect(Math.max(...group.map(([, n]) => n)), `${id}: ${m.mark} elements`).toBeGreaterThan(0);
      }
    }
    await o.page.close();
  });

  it('the sample browser filters by language, sentiment, intent and resolution, and shows a whole conversation', async () => {
    const o = await open('conv');
    const { page } = o;
    const items = () => page.$$eval('.conv-list li', (lis) => lis.map((li) => li.textContent ?? ''));
    const all = await items();
    expect(all.length).toBeGreaterThan(20);
    expect(await page.textContent('.filters .count')).toBe(`${all.length} of ${all.length} sampled conversations`);

    await page.selectOption('select[data-filter="language"]', 'es');
    const spanish = await items();
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish.length).toBeLessThan(all.length);
    for (const t of spanish) expect(t).toMatch(/ es · /);

    await page.selectOption('select[data-filter="sentiment"]', 'negative');
    const negative = await items();
    expect(negative.length).toBeLessThanOrEqual(spanish.length);
    for (const t of negative) expect(t).toMatch(/ es · negative — /);

    await page.selectOption('select[data-filter="language"]', '');
    await page.selectOption('select[data-filter="sentiment"]', '');
    const resolutions = await page.$$eval('select[data-filter="resolution"] option', (os) => os.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    expect(resolutions.length).toBeGreaterThan(1);
    await page.selectOption('select[data-filter="resolution"]', resolutions[0]!);
    const resolved = (await items()).length;
    expect(resolved).toBeLessThan(all.length);
    await page.selectOption('select[data-filter="resolution"]', '');

    const intent = await page.$eval('.conv-list li:nth-child(3) b', (b) => b.textContent!);
    await page.selectOption('select[data-filter="intent"]', intent);
    const ofIntent = await items();
    for (const t of ofIntent) expect(t.startsWith(intent)).toBe(true);

    // Clicking one shows it whole, turn by turn, as the sample stored it.
    await page.click('.conv-list li:nth-child(1)');
    const id = await page.getAttribute('.conv-list li:nth-child(1)', 'data-id');
    expect(await page.textContent('.chat-head b')).toBe(id);
    const bubbles = await page.$$eval('.chat .bubble', (bs) => bs.map((b) => [b.classList.contains('customer') ? 'customer' : 'agent', b.querySelector('p')!.textContent]));
    const stored = readFileSync(join(dirname(reports.conv!), 'generate', 'conversations.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((c) => c.conversation_id === id);
    expect(bubbles).toEqual(stored.turns.map((t: { speaker: string; text: string }) => [t.speaker, t.text]));
    expect(o.problems).toEqual([]);
    await page.close();
  });
});
