// Who may talk to the dashboard: only the bound Host (DNS rebinding), a holder of the token (in the URL once, then a
// cookie), and, for anything that changes state, a same-origin page.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces, hostname } from 'node:os';

export interface Guard {
  token: string;
  cookieName: string;
  allowedHosts: ReadonlySet<string>;
}

export type Verdict = { ok: true; setCookie?: string; redirectTo?: string } | { ok: false; status: number; message: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

export function newGuard(host: string, port: number): Guard {
  const names = new Set<string>([host]);
  if (isLoopback(host)) names.add('localhost').add('127.0.0.1');
  // Bound to every interface: a browser names the machine by one of its addresses or its host name.
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname()).add('localhost');
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address);
  }
  const allowedHosts = new Set([...names].map((n) => `${n.includes(':') ? `[${n}]` : n}:${port}`));
  // Cookies are shared by every port of a host: one name per port keeps two dashboards apart.
  return { token: randomBytes(24).toString('base64url'), cookieName: `genesis-serve-${port}`, allowedHosts };
}

export function checkRequest(req: IncomingMessage, url: URL, g: Guard): Verdict {
  const host = req.headers.host ?? '';
  if (!g.allowedHosts.has(host)) return { ok: false, status: 403, message: `unexpected Host "${host}": this dashboard answers only to ${[...g.allowedHosts][0]}` };
  const safe = req.method === 'GET' || req.method === 'HEAD';
  if (!safe) {
    // A browser always sends Origin on a cross-origin POST (and on same-origin fetch POSTs): anything else is refused.
    const origin = req.headers.origin;
    if (origin !== `http://${host}`) return { ok: false, status: 403, message: `cross-origin request refused (Origin ${origin ?? 'missing'})` };
    if (req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') return { ok: false, status: 403, message: 'cross-site request refused' };
  }
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && same(fromQuery, g.token)) {
    const setCookie = `${g.cookieName}=${g.token}; HttpOnly; SameSite=Strict; Path=/`;
    if (!safe) return { ok: true, setCookie };
    // Take the token out of the address bar (and of the history) once it is in the cookie.
    const clean = new URL(url);
    clean.searchParams.delete('token');
    return { ok: true, setCookie, redirectTo: clean.pathname + clean.search };
  }
  if (same(cookie(req, g.cookieName) ?? '', g.token)) return { ok: true };
  return { ok: false, status: 401, message: 'this dashboard needs its token: open the URL `genesis serve` printed (…/?token=…)' };
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
