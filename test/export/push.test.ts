// `genesis export --push` against a local fake of the Hub endpoints @huggingface/hub calls: create, LFS, commit;
// token from HF_TOKEN only, never written anywhere; clear errors for no token, a refused token and a foreign repo.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { startFakeHub, type FakeHub } from '../fakes/fake-hub.js';
import { conversationsPipeline, filesUnder, registered } from './fixtures.js';

const TOKEN = 'hf_fakeTokenForTestsOnly0123456789';
let hub: FakeHub;
let state: string;
let pipelineDir: string;
const saved = { token: process.env.HF_TOKEN, endpoint: process.env.HF_ENDPOINT };

beforeAll(async () => {
  hub = await startFakeHub({ token: TOKEN, existing: ['someone/taken', 'someone/else'], readOnly: ['someone/else'] });
  const r = await registered(conversationsPipeline());
  state = r.state;
  pipelineDir = join(r.file, '..');
});
afterAll(() => hub.close());
afterEach(() => {
  for (const [k, v] of [['HF_TOKEN', saved.token], ['HF_ENDPOINT', saved.endpoint]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const push = async (repo: string, env: { token?: string } = { token: TOKEN }) => {
  if (env.token === undefined) delete process.env.HF_TOKEN;
  else process.env.HF_TOKEN = env.token;
  process.env.HF_ENDPOINT = hub.url;
  const to = join(tempDir(), 'hf');
  return { to, ...(await runCli(['export', 'support', '--to', to, '--state-dir', state, '--push', repo])) };
};

/** Every byte under a folder, as text, to search for the token. */
function everything(dir: string): string {
  let out = '';
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out += readFileSync(p).toString('latin1');
  }
  return out;
}

describe('genesis export --push', () => {
  it('creates the dataset repo and commits the card and every data file, Parquet through LFS', async () => {
    const r = await push('me/support-convs');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/created dataset repo me\/support-convs/);
    expect(r.stdout).toMatch(/pushed to me\/support-convs: http:\/\/127\.0\.0\.1:\d+\/datasets\/me\/support-convs\/commit\/c+/);
    const files = hub.files.get('me/support-convs')!;
    expect([...files.keys()].sort()).toEqual(filesUnder(r.to));
    for (const [path, bytes] of files) expect(bytes.equals(readFileSync(join(r.to, path))), path).toBe(true);
    const paths = hub.requests.map((q) => `${q.method} ${q.path.replace(/[0-9a-f]{64}/, '<oid>')}`);
    expect(paths).toContain('POST /api/repos/create');
    expect(paths).toContain('POST /datasets/me/support-convs.git/info/lfs/objects/batch');
    expect(paths).toContain('PUT /__lfs/<oid>');
    expect(paths.at(-1)).toBe('POST /api/datasets/me/support-convs/commit/main');
    expect(hub.commits.get('me/support-convs')).toEqual(['genesis export support@1']);
  });

  it('an existing repo gets one more commit', async () => {
    const r = await push('someone/taken');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/dataset repo someone\/taken exists: adding a commit/);
    expect(hub.files.get('someone/taken')!.has('README.md')).toBe(true);
  });

  it('the token goes only into the Authorization header: not the export, the state folder or the output', async () => {
    const r = await push('me/secret-check');
    expect(r.code, r.stderr).toBe(0);
    expect(hub.requests.some((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true);
    for (const where of [everything(r.to), everything(state), everything(pipelineDir), r.stdout, r.stderr]) expect(where).not.toContain(TOKEN);
  });

  it('no HF_TOKEN: exit 2 before anything is written or sent', async () => {
    const before = hub.requests.length;
    const r = await push('me/no-token', {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--push needs a Hugging Face token in HF_TOKEN/);
    expect(() => statSync(r.to)).toThrow();
    expect(hub.requests.length).toBe(before);
  });

  it.each([
    ['not-a-repo', /--push "not-a-repo": a Hub repo is <user or org>\/<name>/],
    ['a/b/c', /--push "a\/b\/c": a Hub repo is/],
  ])('a malformed repo id (%s) is exit 2', async (repo, message) => {
    const r = await push(repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a token the Hub refuses (401): exit 1 saying so, the export kept, the token not printed', async () => {
    const wrong = 'hf_wrongTokenWrongToken000000000';
    const r = await push('me/refused', { token: wrong });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/push to me\/refused failed while creating the dataset repo: the Hub refused HF_TOKEN \(401 Unauthorized\)/);
    expect(r.stderr).not.toContain(wrong);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(filesUnder(r.to)).toContain('README.md');
    expect(hub.repos.has('me/refused')).toBe(false);
  });

  it('a repo the token may not write (403): exit 1 saying so', async () => {
    const r = await push('someone/else');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/push to someone\/else failed while uploading the files: HF_TOKEN may not write to someone\/else \(403 Forbidden\)/);
    expect(hub.files.has('someone/else')).toBe(false);
  });

  it('a Hub that cannot be reached is exit 1 naming it', async () => {
    process.env.HF_TOKEN = TOKEN;
    process.env.HF_ENDPOINT = 'http://127.0.0.1:9';
    const to = join(tempDir(), 'hf');
    const r = await runCli(['export', 'support', '--to', to, '--state-dir', state, '--push', 'me/offline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/push to me\/offline failed while creating the dataset repo: cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
