// A fake Hugging Face Hub on 127.0.0.1: exactly the endpoints @huggingface/hub calls to create a dataset repo and
// commit files through LFS (basic transfer), with the Hub's status codes for a bad token and an existing repo.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHubRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export interface FakeHub {
  url: string;
  /** Every request, in order (paths only; bodies are kept as files). */
  requests: FakeHubRequest[];
  /** Repos that exist (created or given at start). */
  repos: Set<string>;
  /** Committed files per repo: path → bytes (LFS files resolved from their uploaded objects). */
  files: Map<string, Map<string, Buffer>>;
  /** Commits per repo: their titles. */
  commits: Map<string, string[]>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeHub(opts: { token: string; existing?: string[]; readOnly?: string[] }): Promise<FakeHub> {
  const requests: FakeHubRequest[] = [];
  const repos = new Set(opts.existing ?? []);
  const files = new Map<string, Map<string, Buffer>>();
  const commits = new Map<string, string[]>();
  const lfs = new Map<string, Buffer>();
  let base = '';

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      const data = await body(req);
      // LFS uploads go to the href the batch answer gave; the Hub signs those URLs instead of asking for the token.
      const upload = /^\/__lfs\/([0-9a-f]{64})$/.exec(path);
      if (req.method === 'PUT' && upload) {
        if (createHash('sha256').update(data).digest('hex') !== upload[1]) return json(res, 400, { error: 'sha256 mismatch' });
        lfs.set(upload[1]!, data);
        res.writeHead(200);
        return res.end();
      }
      if (req.headers.authorization !== `Bearer ${opts.token}`) return json(res, 401, { error: 'Invalid credentials in Authorization header' });
      if (req.method === 'POST' && path === '/api/repos/create') {
        const b = JSON.parse(data.toString()) as { name: string; organization: string; type: string };
        const id = `${b.organization}/${b.name}`;
        if (b.type !== 'dataset') return json(res, 400, { error: `expected a dataset repo, got ${b.type}` });
        if (repos.has(id)) return json(res, 409, { error: 'You already created this dataset repo', url: `${base}/datasets/${id}` });
        repos.add(id);
        return json(res, 200, { url: `${base}/datasets/${id}`, name: id });
      }
      const pre = /^\/api\/datasets\/([^/]+\/[^/]+)\/preupload\/main$/.exec(path);
      if (req.method === 'POST' && pre) {
        if (!repos.has(pre[1]!)) return json(res, 404, { error: 'Repository not found' });
        if (opts.readOnly?.includes(pre[1]!)) return json(res, 403, { error: 'You don\'t have the rights to create a commit in this repo' });
        const b = JSON.parse(data.toString()) as { files: Array<{ path: string }> };
        // The Hub's rule in short: binary data files go through LFS, text stays in git.
        return json(res, 200, { files: b.files.map((f) => ({ path: f.path, uploadMode: f.path.endsWith('.parquet') ? 'lfs' : 'regular' })) });
      }
      const batch = /^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/.exec(path);
      if (req.method === 'POST' && batch) {
        const b = JSON.parse(data.toString()) as { objects: Array<{ oid: string; size: number }>; transfers: string[] };
        res.writeHead(200, { 'Content-Type': 'application/vnd.git-lfs+json' });
        return res.end(JSON.stringify({ transfer: 'basic', objects: b.objects.map((o) => ({ ...o, actions: { upload: { href: `${base}/__lfs/${o.oid}` } } })) }));
      }
      const commit = /^\/api\/datasets\/([^/]+\/[^/]+)\/commit\/main$/.exec(path);
      if (req.method === 'POST' && commit) {
        const id = commit[1]!;
        if (!repos.has(id)) return json(res, 404, { error: 'Repository not found' });
        const lines = data.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; value: Record<string, unknown> });
        const repoFiles = files.get(id) ?? new Map<string, Buffer>();
        for (const l of lines) {
          if (l.key === 'header') commits.set(id, [...(commits.get(id) ?? []), String(l.value.summary)]);
          else if (l.key === 'file') repoFiles.set(String(l.value.path), Buffer.from(String(l.value.content), (l.value.encoding as BufferEncoding) ?? 'utf8'));
          else if (l.key === 'lfsFile') {
            const bytes = lfs.get(String(l.value.oid));
            if (!bytes) return json(res, 400, { error: `LFS object ${String(l.value.oid)} was never uploaded` });
            repoFiles.set(String(l.value.path), bytes);
          }
        }
        files.set(id, repoFiles);
        return json(res, 200, { commitOid: 'c'.repeat(40), commitUrl: `${base}/datasets/${id}/commit/${'c'.repeat(40)}` });
      }
      json(res, 404, { error: `fake hub: no route ${req.method} ${path}` });
    })().catch((e: unknown) => json(res, 500, { error: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, requests, repos, files, commits, close: () => new Promise((r) => server.close(() => r())) };
}
