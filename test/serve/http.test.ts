// `genesis serve` over HTTP: the token, the Host and Origin checks, the state lock shared with terminal runs,
// live events of a page run, and the CLI's errors (port taken, no such folder).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../serve/server.js';
import { runCli, spawnCli, tempDir, writePipeline } from '../helpers/cli.js';
import { httpRequest, login, openEvents, postRun } from '../helpers/dashboard.js';
import { until, waitFor } from '../helpers/wait.js';

const SLOW = (ms: number) => `name: slow
steps:
  first: { uses: debug/echo, with: { message: one } }
  second: { uses: debug/echo, needs: [first], with: { message: two, delay_ms: ${ms} } }
`;

let dir: string;
let dash: Dashboard;

beforeEach(async () => {
  dir = tempDir('genesis-serve-');
  writePipeline(SLOW(1500), dir, 'slow.yaml');
  dash = await startDashboard({ target: dir, host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await dash.close();
});

describe('genesis serve: who may talk to it', () => {
  it('refuses requests without the token, and trades the token for an HttpOnly SameSite=Strict cookie', async () => {
    const base = new URL(dash.url).origin;
    expect((await httpRequest(`${base}/`)).status).toBe(401);
    expect((await httpRequest(`${base}/?token=not-the-token`)).status).toBe(401);
    expect((await httpRequest(`${base}/api/state?file=slow.yaml`)).status).toBe(401);
    const first = await httpRequest(dash.url);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/'); // the token leaves the address bar
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await httpRequest(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('slow.yaml');
  });

  it.each([
    ['another site name resolving to this machine (DNS rebinding)', 'evil.example:PORT', 403],
    ['the right name on another port', '127.0.0.1:1', 403],
    ['localhost on the bound port', 'localhost:PORT', 200],
  ])('Host header of %s → %i', async (_what, host, status) => {
    const { base, cookie } = await login(dash.url);
    const r = await httpRequest(`${base}/`, { headers: { cookie, host: host.replace('PORT', String(dash.port)) } });
    expect(r.status).toBe(status);
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['no Origin at all', undefined],
  ])('a POST from %s is refused and starts nothing', async (_what, origin) => {
    const { base, cookie } = await login(dash.url);
    const headers: Record<string, string> = { cookie, 'content-type': 'application/json' };
    if (origin) headers.origin = origin;
    const r = await httpRequest(`${base}/api/run`, { method: 'POST', headers, body: JSON.stringify({ file: 'slow.yaml' }) });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/cross-origin request refused/);
    expect(existsSync(join(dir, '.genesis', 'state.db'))).toBe(false);
  });

  it('the report view of a pipeline that never ran says how to make one', async () => {
    const { base, cookie } = await login(dash.url);
    const r = await httpRequest(`${base}/report?file=slow.yaml`, { headers: { cookie } });
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/pipeline &quot;slow&quot; has never run here, so there is nothing to report; run `genesis run .*slow\.yaml` first, or press Run/);
  });

  it('the report view answers 304 while nothing changed, and a new page once a run changed the state', async () => {
    writePipeline('name: fast\nsteps:\n  only: { uses: debug/echo, with: { message: hi } }\n', dir, 'fast.yaml');
    const { base, cookie } = await login(dash.url);
    const get = (tag?: string) => httpRequest(`${base}/report?file=fast.yaml`, { headers: { cookie, ...(tag ? { 'if-none-match': tag } : {}) } });
    const before = await get();
    const t0 = String(before.headers.etag);
    expect(before.status).toBe(200);
    expect(before.body).toMatch(/has never run here/);
    expect((await get(t0)).status).toBe(304);
    expect((await runCli(['run', join(dir, 'fast.yaml')])).code).toBe(0);
    const after = await get(t0);
    expect(after.status).toBe(200);
    expect(after.body).not.toMatch(/has never run here/);
    const t1 = String(after.headers.etag);
    expect(t1).not.toBe(t0);
    expect((await get(t1)).status).toBe(304);
  });

  it('refuses a step the pipeline does not have, instead of passing it on', async () => {
    const { base, cookie } = await login(dash.url);
    const r = await postRun(base, cookie, { file: 'slow.yaml', step: '--state-dir=/tmp/x' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatch(/no step "--state-dir=\/tmp\/x" in slow.yaml/);
  });
});

describe('genesis serve: runs and the state lock', () => {
  it('while a terminal run holds the lock, the page run is refused naming the holder, and the page sees the run', async () => {
    const { base, cookie } = await login(dash.url);
    const terminal = spawnCli(['run', join(dir, 'slow.yaml')]);
    let err = '';
    terminal.child.stderr!.on('data', (d) => (err += d));
    await waitFor(() => err, /\[second\] running/);
    const refused = await postRun(base, cookie, { file: 'slow.yaml' });
    expect(refused.status).toBe(409);
    const { error, holder } = JSON.parse(refused.body);
    expect(error).toContain(`locked by pid ${terminal.child.pid}`);
    expect(error).toContain(`genesis run ${join(dir, 'slow.yaml')}`);
    expect(holder.pid).toBe(terminal.child.pid);
    // Polled from the state folder: running, with the step committed so far.
    const state = JSON.parse((await httpRequest(`${base}/api/state?file=slow.yaml`, { headers: { cookie } })).body);
    expect(state.lock.pid).toBe(terminal.child.pid);
    expect(state.running.run.status).toBe('running');
    expect(state.running.stepsDone).toEqual(['first']);
    expect((await terminal.done).code).toBe(0);
    const after = JSON.parse((await httpRequest(`${base}/api/state?file=slow.yaml`, { headers: { cookie } })).body);
    expect(after).toMatchObject({ lock: null, running: null });
  });

  it('a page run streams the runner events, holds the lock against a terminal run, and lands in the history', async () => {
    const { base, cookie } = await login(dash.url);
    const stream = openEvents(base, cookie, 'slow.yaml');
    try {
      const started = await postRun(base, cookie, { file: 'slow.yaml', force: true });
      expect(started.status).toBe(202);
      expect(JSON.parse(started.body).command).toMatch(/--json-events --lock-timeout 0 --force$/);
      const kinds = () => stream.events.filter((e) => e.event === 'run').map((e) => (e.data as { kind: string }).kind).join(' ');
      await waitFor(kinds, /step-start/);
      // The other direction: a terminal run does not overlap the page's run either.
      const terminal = await runCli(['run', join(dir, 'slow.yaml'), '--lock-timeout', '0']);
      expect(terminal.code).toBe(75);
      expect(terminal.stderr).toMatch(/another genesis process holds the state lock \(pid \d+ .*: genesis run /);
      await waitFor(kinds, /run-finish/);
      expect(kinds()).toBe('run-start step-start step-finish step-start step-finish run-finish');
      await until(() => stream.events.some((e) => e.event === 'exit'));
      expect(stream.events.find((e) => e.event === 'exit')!.data).toMatchObject({ code: 0 });
    } finally {
      stream.stop();
    }
    const page = await httpRequest(`${base}/pipeline?file=slow.yaml`, { headers: { cookie } });
    expect(page.body).toMatch(/<td>\s*<span class="badge s-succeeded">succeeded<\/span><\/td>/);
  });
});

describe('genesis serve: the command', () => {
  let blocker: Server;
  afterEach(() => blocker?.close());

  it('says clearly when the port is taken (exit 2)', async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const r = await runCli(['serve', dir, '--port', String(port)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(r.stderr).toContain('--port 0');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns when asked to listen beyond this machine, and still checks the token there', async () => {
    const server = spawnCli(['serve', dir, '--port', '0', '--host', '0.0.0.0']);
    let out = '';
    server.child.stdout!.on('data', (d) => (out += d));
    const url = (await waitFor(() => out, /http:\S+token=\S+/))[0];
    const port = new URL(url).port;
    expect((await httpRequest(`http://127.0.0.1:${port}/`)).status).toBe(401);
    server.child.kill('SIGINT');
    const done = await server.done;
    expect(done.stderr).toMatch(/warning: serving on 0\.0\.0\.0, not only this machine/);
    expect(done.code).toBe(0);
  });

  it('says so when the folder does not exist (exit 2)', async () => {
    const r = await runCli(['serve', join(dir, 'nope'), '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such folder or pipeline file');
  });

  it('Ctrl-C stops the server and the run it started: the run is recorded interrupted and the lock released', async () => {
    const folder = tempDir('genesis-serve-sigint-');
    writePipeline(SLOW(60_000), folder, 'slow.yaml');
    const server = spawnCli(['serve', folder, '--port', '0']);
    let out = '';
    server.child.stdout!.on('data', (d) => (out += d));
    const url = (await waitFor(() => out, /http:\S+token=\S+/))[0];
    const { base, cookie } = await login(url);
    expect((await postRun(base, cookie, { file: 'slow.yaml' })).status).toBe(202);
    const state = () => httpRequest(`${base}/api/state?file=slow.yaml`, { headers: { cookie } }).then((r) => JSON.parse(r.body));
    for (let i = 0; i < 200 && !(await state()).running?.stepsDone.includes('first'); i++) await new Promise((r) => setTimeout(r, 50));
    server.child.kill('SIGINT');
    const done = await server.done;
    expect(done.code).toBe(0);
    expect(existsSync(join(folder, '.genesis', 'lock'))).toBe(false);
    const runs = await runCli(['runs', join(folder, 'slow.yaml'), '--json']);
    expect(JSON.parse(runs.stdout)[0].status).toBe('interrupted');
  });
});
