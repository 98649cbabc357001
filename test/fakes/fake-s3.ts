// A fake Amazon S3 (path-style, in memory) for the fake Bedrock's batch jobs: the object operations the SDK sends.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

interface StoredObject {
  body: Buffer;
  etag: string;
  modified: Date;
}

export interface FakeS3 {
  /** Answers the request when it is an S3 operation (true), else leaves it alone (false). */
  handle(req: Req, res: Res, body: Buffer): boolean;
  put(bucket: string, key: string, body: Buffer | string): void;
  get(bucket: string, key: string): Buffer | undefined;
  list(bucket: string, prefix: string): string[];
  stats(): Record<string, number>;
}

/** `s3://bucket/key` → parts; undefined when it is not an S3 URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return m ? { bucket: m[1] as string, key: m[2] as string } : undefined;
}

export function createFakeS3(): FakeS3 {
  const objects = new Map<string, StoredObject>();
  const counts = { puts: 0, gets: 0, heads: 0, lists: 0 };
  const id = (bucket: string, key: string) => `${bucket}/${key}`;

  const put = (bucket: string, key: string, body: Buffer | string) => {
    const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    objects.set(id(bucket, key), { body: b, etag: `"${createHash('md5').update(b).digest('hex')}"`, modified: new Date() });
  };
  const list = (bucket: string, prefix: string) =>
    [...objects.keys()].filter((k) => k.startsWith(`${bucket}/${prefix}`)).map((k) => k.slice(bucket.length + 1)).sort();

  const xml = (res: Res, status: number, body: string) => {
    (res as ServerResponse).writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'fake-s3' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };
  const error = (res: Res, status: number, code: string, message: string, head = false) => {
    if (head) {
      (res as ServerResponse).writeHead(status, { 'x-amz-request-id': 'fake-s3' });
      return res.end();
    }
    xml(res, status, `<Error><Code>${code}</Code><Message>${esc(message)}</Message></Error>`);
  };

  const handle = (req: Req, res: Res, raw: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    // S3 requests are the only ones whose first path segment is not one of Bedrock's resources.
    if (!bucket || ['model', 'model-invocation-job', 'model-invocation-jobs', '__fake'].includes(bucket)) return false;
    const method = req.method ?? 'GET';
    if (method === 'PUT' && key) {
      counts.puts++;
      put(bucket, key, decodeBody(req, raw));
      const o = objects.get(id(bucket, key)) as StoredObject;
      (res as ServerResponse).writeHead(200, { etag: o.etag, 'x-amz-request-id': 'fake-s3' });
      res.end();
      return true;
    }
    if ((method === 'GET' || method === 'HEAD') && key) {
      const o = objects.get(id(bucket, key));
      if (method === 'HEAD') counts.heads++;
      else counts.gets++;
      if (!o) return (error(res, 404, 'NoSuchKey', 'The specified key does not exist.', method === 'HEAD'), true);
      (res as ServerResponse).writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(o.body.length),
        etag: o.etag,
        'last-modified': o.modified.toUTCString(),
        'x-amz-request-id': 'fake-s3',
      });
      if (method === 'HEAD') res.end();
      else res.end(o.body);
      return true;
    }
    if (method === 'GET' && url.searchParams.get('list-type') === '2') {
      counts.lists++;
      const prefix = url.searchParams.get('prefix') ?? '';
      const max = Number(url.searchParams.get('max-keys') ?? 1000);
      const after = url.searchParams.get('continuation-token') ?? url.searchParams.get('start-after') ?? '';
      const all = list(bucket, prefix).filter((k) => k > after);
      const page = all.slice(0, max);
      const truncated = all.length > page.length;
      const contents = page
        .map((k) => {
          const o = objects.get(id(bucket, k)) as StoredObject;
          return `<Contents><Key>${esc(k)}</Key><LastModified>${o.modified.toISOString()}</LastModified><ETag>${esc(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
        })
        .join('');
      const next = truncated ? `<NextContinuationToken>${esc(page[page.length - 1] as string)}</NextContinuationToken>` : '';
      xml(
        res,
        200,
        `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${esc(bucket)}</Name><Prefix>${esc(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${next}${contents}</ListBucketResult>`,
      );
      return true;
    }
    error(res, 405, 'MethodNotAllowed', `The fake S3 does not support ${method} ${url.pathname}${url.search}`);
    return true;
  };

  return {
    handle,
    put,
    get: (bucket, key) => objects.get(id(bucket, key))?.body,
    list,
    stats: () => ({ ...counts, objects: objects.size }),
  };
}

/** The SDK streams bodies with `aws-chunked` encoding (trailing checksums) when it cannot hash them up front. */
function decodeBody(req: Req, raw: Buffer): Buffer {
  if (!/aws-chunked/.test(String(req.headers['content-encoding'] ?? ''))) return raw;
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(at, eol).toString('latin1').split(';')[0] as string, 16);
    if (!(size > 0)) break;
    out.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
