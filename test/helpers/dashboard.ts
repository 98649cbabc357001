// Talks to a `genesis serve` dashboard in tests: raw HTTP requests with chosen Host/Origin/Cookie, and its event stream.
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Trades the printed URL's token for the dashboard's cookie, as a browser does on first visit. */
export async function login(url: string): Promise<{ base: string; cookie: string }> {
  const r = await httpRequest(url);
  const set = r.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0]! : String(set)).split(';')[0]!;
  return { base: new URL(url).origin, cookie };
}

/** A POST the way the dashboard's own page sends it (same origin, JSON, with the cookie). */
export function postRun(base: string, cookie: string, body: unknown, origin = base): Promise<Reply> {
  return httpRequest(`${base}/api/run`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Collects the dashboard's server-sent events for one pipeline until `stop()`. */
export function openEvents(base: string, cookie: string, file: string): { events: Array<{ event: string; data: unknown }>; stop(): void } {
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = '';
  const req = request(`${base}/api/events?file=${encodeURIComponent(file)}`, { headers: { cookie } }, (res) => {
    res.on('data', (d: Buffer) => {
      buffer += d.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return { events, stop: () => req.destroy() };
}
