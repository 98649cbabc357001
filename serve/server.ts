// The dashboard's HTTP server (node:http): guards every request, renders pages from stored state, streams live
// progress as server-sent events and starts runs through the RunManager.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { findDataset } from '../store/registry.js';
import { packageRoot } from '../util/paths.js';
import { compareVersions } from './compare.js';
import { page, html } from './html.js';
import { liveState } from './live-state.js';
import { comparePage } from './pages/compare.js';
import { datasetsPage } from './pages/datasets.js';
import { overviewPage } from './pages/overview.js';
import { pipelinePage } from './pages/pipeline.js';
import { reportPage } from './pages/report.js';
import { runPage } from './pages/run.js';
import { RunManager, type RunRequest } from './run-manager.js';
import { checkRequest, newGuard, type Guard } from './security.js';
import { ReportCache, reportTag } from './report-cache.js';
import { readState } from './state-db.js';
import { Workspace } from './workspace.js';

export interface Dashboard {
  url: string;
  port: number;
  host: string;
  runs: RunManager;
  close(): Promise<void>;
}

/** How often an open page's stream looks at the state folder (a run started from a terminal shows up this way). */
const POLL_MS = 500;

// The dashboard's own pages: scripts and styles from this server only; never framed (the Run button can't be clickjacked).
const CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
// The report is one self-contained file with inline scripts and styles: it may run them, and reach nothing else.
const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

export async function startDashboard(opts: { target: string; host: string; port: number }): Promise<Dashboard> {
  const workspace = new Workspace(opts.target);
  const runs = new RunManager();
  const assets = {
    '/assets/app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(packageRoot(), 'serve', 'browser', 'app.js')) },
    '/assets/style.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(packageRoot(), 'serve', 'browser', 'style.css')) },
  } as Record<string, { type: string; body: Buffer }>;
  const streams = new Set<ServerResponse>();
  const reports = new ReportCache();
  let guard: Guard | undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `internal error: ${e instanceof Error ? e.message : String(e)}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const verdict = checkRequest(req, url, guard!);
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', verdict.message);
    if (verdict.setCookie) res.setHeader('set-cookie', verdict.setCookie);
    if (verdict.redirectTo) {
      res.writeHead(303, { location: verdict.redirectTo, 'cache-control': 'no-store' });
      return void res.end();
    }
    const asset = assets[url.pathname];
    if (asset && req.method === 'GET') return send(res, 200, asset.type, asset.body);
    const file = url.searchParams.get('file');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return sendPage(res, overviewPage(workspace.root, await workspace.entries()));
      case 'GET /datasets':
        return sendPage(res, datasetsPage(await workspace.entries()));
      case 'GET /pipeline': {
        const e = await workspace.byKey(file);
        if (!e?.analyzed) return notFound(res, e ? `${e.key} does not load: ${e.error}` : `no pipeline "${file}" here`);
        return sendPage(res, pipelinePage(e));
      }
      case 'GET /run': {
        const e = await workspace.byKey(file);
        const body = e && runPage(e, url.searchParams.get('id') ?? '');
        return body ? sendPage(res, body) : notFound(res, `no run "${url.searchParams.get('id')}" of "${file}"`);
      }
      case 'GET /compare': {
        const e = await workspace.byKey(file);
        const name = url.searchParams.get('name') ?? '';
        const [va, vb] = ['a', 'b'].map((k) => Number(url.searchParams.get(k)));
        const body = e && readState(e.stateDir, undefined, (db) => {
          const a = findDataset(db, name, va);
          const b = findDataset(db, name, vb);
          return a && b ? comparePage(compareVersions(db, a, b)) : undefined;
        });
        return body ? sendPage(res, body) : notFound(res, `no versions ${va} and ${vb} of dataset "${name}" here`);
      }
      case 'GET /report': {
        const e = await workspace.byKey(file);
        if (!e?.analyzed) return notFound(res, `no pipeline "${file}" here`);
        res.setHeader('content-security-policy', REPORT_CSP);
        // Built once per state: the browser revalidates with its ETag and gets 304 until a run changes something.
        if (req.headers['if-none-match'] === reportTag(e)) {
          res.writeHead(304, { etag: reportTag(e), 'cache-control': 'no-cache' });
          return void res.end();
        }
        const { tag, html: body } = await reports.get(e, () => reportPage(e));
        res.setHeader('etag', tag);
        return send(res, 200, 'text/html; charset=utf-8', body, 'no-cache');
      }
      case 'GET /api/state': {
        const e = await workspace.byKey(file);
        if (!e) return sendJson(res, 404, { error: `no pipeline "${file}" here` });
        return sendJson(res, 200, { ...liveState(e), pageRun: runs.isRunning(e.key) });
      }
      case 'GET /api/events': {
        const e = await workspace.byKey(file);
        if (!e) return sendJson(res, 404, { error: `no pipeline "${file}" here` });
        return stream(req, res, e);
      }
      case 'POST /api/run': {
        let body: RunRequest & { file?: string };
        try {
          body = JSON.parse(await readBody(req)) as RunRequest & { file?: string };
        } catch {
          return sendJson(res, 400, { error: 'the body must be JSON: {"file": …, "force"?, "retryFailed"?, "step"?, "mode"?}' });
        }
        const e = await workspace.byKey(body.file ?? null);
        if (!e) return sendJson(res, 404, { error: `no pipeline "${body.file}" here` });
        const started = runs.start(e, { force: body.force === true, retryFailed: body.retryFailed === true, step: typeof body.step === 'string' && body.step ? body.step : undefined, mode: body.mode === 'only' ? 'only' : 'until' });
        return started.ok ? sendJson(res, 202, { started: true, pid: started.pid, command: `genesis ${started.argv.join(' ')}` }) : sendJson(res, started.status, { error: started.message, holder: started.holder ?? null });
      }
      default:
        return notFound(res, `nothing at ${url.pathname}`);
    }
  }

  /** Server-sent events: the page run's events (replayed from its start), and the polled state whenever it changes. */
  function stream(req: IncomingMessage, res: ServerResponse, e: Awaited<ReturnType<Workspace['byKey']>> & object): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = runs.subscribe(e.key, (m) => res.write(`event: ${m.type}\ndata: ${JSON.stringify(m.type === 'run' ? m.event : m)}\n\n`));
    let last = '';
    const poll = () => {
      let now: string;
      try {
        now = JSON.stringify({ ...liveState(e), pageRun: runs.isRunning(e.key) });
      } catch (err) {
        now = JSON.stringify({ error: err instanceof Error ? err.message : String(err) }); // e.g. the database mid-migration
      }
      if (now !== last) res.write(`event: state\ndata: ${now}\n\n`);
      last = now;
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    req.on('close', () => {
      clearInterval(timer);
      unsubscribe();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard = newGuard(opts.host, port);
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shownHost}:${port}/?token=${guard.token}`,
    port,
    host: opts.host,
    runs,
    async close() {
      await runs.stopAll();
      for (const s of streams) s.end();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff', 'content-security-policy': (res.getHeader('content-security-policy') as string | undefined) ?? CSP });
  res.end(body);
}

function sendPage(res: ServerResponse, body: string): void {
  send(res, 200, 'text/html; charset=utf-8', body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function notFound(res: ServerResponse, message: string): void {
  send(res, 404, 'text/html; charset=utf-8', page('not found', html`<h1>Not found</h1><p>${message}</p><p><a href="/">back to the pipelines</a></p>`));
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
      if (body.length > limit) {
        reject(new Error('body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

