// How long `genesis serve` takes to answer its pages, and how big they are, on a folder whose pipelines have run
// (bench/serve-screenshots.mjs makes one); the peer is `genesis datasets` / `genesis runs` as a process, same run.
// node bench/serve-pages.mjs DIR
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe } from './serve-start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'genesis.js');
const dir = resolve(process.argv[2] ?? '.');
const N = 15;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, url } = await startServe(bin, dir);
const get = (path, cookie) =>
  new Promise((res, rej) => {
    const t0 = performance.now();
    const req = request(new URL(path, url), { headers: cookie ? { cookie } : {} }, (r) => {
      let bytes = 0;
      r.on('data', (d) => (bytes += d.length));
      r.on('end', () => res({ ms: performance.now() - t0, bytes, status: r.statusCode, cookie: String(r.headers['set-cookie'] ?? '').split(';')[0] }));
    });
    req.on('error', rej);
    req.end();
  });
const { cookie } = await get(url);
const pages = ['/', '/pipeline?file=quickstart.yaml', '/datasets', '/compare?file=quickstart.yaml&name=quickstart-conversations&a=1&b=2', '/report?file=quickstart.yaml'];
const rows = [];
for (const p of pages) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const r = await get(p, cookie);
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  rows.push({ page: p, medianMs: median(times).toFixed(1), firstMs: times[0].toFixed(1), kB: (bytes / 1024).toFixed(1) });
}
server.kill('SIGINT');
const cli = (args) => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times).toFixed(1);
};
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${N} requests per page (median; first request in brackets)`);
for (const r of rows) console.log(`| GET ${r.page} | ${r.medianMs} ms (${r.firstMs}) | ${r.kB} kB |`);
console.log(`| peer: genesis datasets (a process) | ${cli(['datasets'])} ms | |`);
console.log(`| peer: genesis runs quickstart.yaml (a process) | ${cli(['runs', 'quickstart.yaml'])} ms | |`);
