// Kill-and-resume trials on the Bedrock path: SIGKILL `genesis run` at a random moment while it generates
// against the fake Bedrock, rerun, and check the dataset is whole, identical, and nothing checkpointed was
// requested again. Usage: npm run build && node bench/bedrock-sigkill.mjs [--trials 20] [--count 60]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const trials = Number(arg('trials', '20'));
const count = Number(arg('count', '60'));
const { startFakeBedrock } = await import(join(root, 'dist/test/fakes/fake-bedrock.js'));
const { createRng } = await import(join(root, 'dist/util/rng.js'));
const bin = join(root, 'bin/genesis.js');
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'us-east-1', NO_COLOR: '1' };

const yaml = (url) => `name: kill
seed: 9
providers:
  claude: { type: bedrock, region: us-east-1, model: us.anthropic.claude-3-haiku-20240307-v1:0, endpoint: ${url}, limits: { rpm: 600, concurrency: 4 } }
steps:
  gen: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 3 } }
`;

function run(file, killAfterMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', file, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const t = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(t);
      resolve({ code, signal, out });
    });
  });
}

const ids = (file) => readFileSync(join(dirname(file), 'out/kill/gen/conversations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).conversation_id);
function checkpointedIds(dir) {
  try {
    const db = new Database(join(dir, '.genesis/state.db'), { readonly: true });
    const rows = db.prepare("SELECT value FROM items WHERE scope = 'conversations' AND status = 'done'").all();
    db.close();
    return rows.map((r) => JSON.parse(r.value).conversation_id);
  } catch {
    return [];
  }
}

// Reference: an uninterrupted run.
const refFake = await startFakeBedrock({ rpm: 600, seed: 1, latencyMs: 40 });
const refDir = mkdtempSync(join(tmpdir(), 'genesis-kill-ref-'));
writeFileSync(join(refDir, 'p.yaml'), yaml(refFake.url));
const t0 = performance.now();
await run(join(refDir, 'p.yaml'));
const fullMs = performance.now() - t0;
const reference = ids(join(refDir, 'p.yaml')).sort().join(',');
await refFake.close();

const rng = createRng(2026, 'sigkill-trials');
const results = [];
for (let t = 0; t < trials; t++) {
  const fake = await startFakeBedrock({ rpm: 600, seed: 100 + t, latencyMs: 40 });
  const dir = mkdtempSync(join(tmpdir(), 'genesis-kill-'));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, yaml(fake.url));
  const killAt = Math.round(200 + rng.next() * Math.max(200, fullMs - 200));
  const first = await run(file, killAt);
  const saved = checkpointedIds(dir);
  const before = { ...fake.itemRequests() };
  const second = await run(file);
  const after = fake.itemRequests();
  const got = ids(file);
  const repeats = saved.filter((id) => (after[id] ?? 0) !== (before[id] ?? 0)).length;
  results.push({
    trial: t + 1,
    killAt,
    killed: first.signal === 'SIGKILL',
    checkpointedBeforeRerun: saved.length,
    rerunExit: second.code,
    items: got.length,
    unique: new Set(got).size,
    identicalSet: [...got].sort().join(',') === reference,
    requestedAgainAfterCheckpoint: repeats,
  });
  console.error(JSON.stringify(results.at(-1)));
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
rmSync(refDir, { recursive: true, force: true });
const ok = results.filter((r) => r.rerunExit === 0 && r.items === count && r.unique === count && r.identicalSet && r.requestedAgainAfterCheckpoint === 0).length;
console.log(`uninterrupted run: ${(fullMs / 1000).toFixed(1)} s for ${count} items`);
console.log(`| trial | killed at (ms) | checkpointed before rerun | rerun exit | items | unique | identical item set | requested again after checkpoint |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const r of results) console.log(`| ${r.trial} | ${r.killAt}${r.killed ? '' : ' (finished first)'} | ${r.checkpointedBeforeRerun} | ${r.rerunExit} | ${r.items} | ${r.unique} | ${r.identicalSet ? 'yes' : 'NO'} | ${r.requestedAgainAfterCheckpoint} |`);
console.log(`\n${ok}/${results.length} trials passed every check`);
process.exit(ok === results.length ? 0 : 1);
