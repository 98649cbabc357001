// "What changed from v1 to v2" on the dashboard: two registered versions of a dataset side by side, from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../serve/server.js';
import { runCli, tempDir, writePipeline } from '../helpers/cli.js';
import { httpRequest, login } from '../helpers/dashboard.js';

const PIPE = `name: small
seed: 7
steps:
  generate: { uses: generate/conversations, with: { count: 40 } }
  bias: { uses: bias/conversations, needs: [generate] }
  register: { uses: register/dataset, needs: [generate, bias], with: { name: small-set } }
`;

let dash: Dashboard;
let get: (path: string) => Promise<{ status: number; body: string }>;
let dir: string;
let file: string;
let base: string;
let cookie: string;

beforeAll(async () => {
  dir = tempDir('genesis-serve-compare-');
  file = writePipeline(PIPE, dir, 'small.yaml');
  expect((await runCli(['run', file, '-q'])).code).toBe(0);
  writeFileSync(file, readFileSync(file, 'utf8').replace('count: 40', 'count: 60'));
  expect((await runCli(['run', file, '-q'])).code).toBe(0);
  dash = await startDashboard({ target: join(dir, 'small.yaml'), host: '127.0.0.1', port: 0 });
  ({ base, cookie } = await login(dash.url));
  get = (path) => httpRequest(`${base}${path}`, { headers: { cookie } });
});
afterAll(() => dash?.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('genesis serve: dataset versions', () => {
  it('lists both versions with their reports and a form to compare them', async () => {
    const r = await get('/datasets');
    expect(r.status).toBe(200);
    expect(text(r.body)).toMatch(/v2 60 .* v1 40 /);
    expect(r.body).toContain('action="/compare"');
    expect(text(r.body)).toContain('bias: max severity');
  });

  it('shows the changes from v1 to v2: counts, distributions with their counts, and the fingerprint field that changed', async () => {
    const r = await get('/compare?file=small.yaml&name=small-set&a=1&b=2');
    expect(r.status).toBe(200);
    const t = text(r.body);
    expect(t).toContain('What changed in small-set from v1 (A) to v2 (B)');
    expect(t).toMatch(/records 40 60 \+20/);
    expect(t).toMatch(/intent share/);
    expect(t).toMatch(/language share/);
    expect(t).toMatch(/params\.count 40 60/);
    // Each distribution row names the counts behind its shares, and they add up to the records of each version.
    const counts = [...r.body.matchAll(/<h3>category share[\s\S]*?<\/table>/g)][0]![0];
    const pairs = [...counts.matchAll(/(\d+) → (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pairs.reduce((s, [a]) => s + a!, 0)).toBe(40);
    expect(pairs.reduce((s, [, b]) => s + b!, 0)).toBe(60);
  });

  it("serves the pipeline's report, the same page genesis report writes, allowed to fetch nothing", async () => {
    const r = await httpRequest(`${base}/report?file=small.yaml`, { headers: { cookie } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toMatch(/^default-src 'none'/);
    const written = await runCli(['report', file, '-o', join(dir, 'report.html')]);
    expect(written.code).toBe(0);
    // Same sections as the file the CLI writes (the dashboard adds only its way back).
    const sections = (h: string) => [...h.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections(r.body)).toEqual(sections(readFileSync(join(dir, 'report.html'), 'utf8')));
    expect(sections(r.body).length).toBeGreaterThan(1);
    expect(r.body).toContain('href="/pipeline?file=small.yaml"');
  });

  it('says so for a version that does not exist', async () => {
    const r = await get('/compare?file=small.yaml&name=small-set&a=1&b=9');
    expect(r.status).toBe(404);
    expect(text(r.body)).toContain('no versions 1 and 9 of dataset "small-set" here');
  });
});
