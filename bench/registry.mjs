// Registry costs: dataset hashing vs sha256sum, a registration transaction, and `genesis datasets` vs bare node.
// Run: npx tsc -p tsconfig.json && node bench/registry.mjs   (needs dist/; writes scratch files under the OS temp folder)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashAndCount } from '../dist/steps/register-dataset/content.js';
import { openDb } from '../dist/store/db.js';
import { registerDataset } from '../dist/store/registry.js';

const root = mkdtempSync(join(tmpdir(), 'genesis-bench-registry-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, n) => median(Array.from({ length: n }, () => { const t = performance.now(); fn(); return performance.now() - t; }));

// 1. hashing + counting a ~100 MB JSONL, against coreutils sha256sum (hash only) on the same file.
const line = JSON.stringify({ conversation_id: 'c', turns: [{ speaker: 'customer', text: 'x'.repeat(400) }] }) + '\n';
const big = join(root, 'conversations.jsonl');
writeFileSync(big, line.repeat(Math.ceil(100e6 / line.length)));
const ours = time(() => hashAndCount(big), 5);
const peer = time(() => execFileSync('sha256sum', [big]), 5);
console.log(`hashAndCount 100 MB: ${ours.toFixed(0)} ms; sha256sum: ${peer.toFixed(0)} ms; ratio ${(ours / peer).toFixed(2)}`);

// 2. registering into a registry already holding 10,000 versions (new version, then the idempotent repeat).
const db = openDb(join(root, '.genesis'));
const base = { name: 'd', description: null, fileName: 'conversations.jsonl', recordType: 'conversation', recordCount: 1, schemaVersion: '1', runId: null, pipelineFile: 'p', pipelineName: 'p', pipelineHash: 'h', producerStep: 'gen', producerUses: 'u', producerFingerprint: { uses: 'u', params: { count: 1 } }, producerFingerprintHash: 'f', producerOutputHash: 'o', provider: 'offline', model: 'offline/1', inputTokens: 0, outputTokens: 0, requests: 0, costUsd: 0, seed: 1, outputPath: '/x' };
db.transaction(() => { for (let i = 0; i < 10_000; i++) registerDataset(db, { ...base, name: `d${i % 100}`, contentHash: `h${i}` }); })();
let k = 0;
const fresh = time(() => db.transaction(() => registerDataset(db, { ...base, name: 'd7', contentHash: `new${k++}` })).immediate(), 201);
const again = time(() => db.transaction(() => registerDataset(db, { ...base, name: 'd7', contentHash: 'new0' })).immediate(), 201);
console.log(`register (10,000 rows): new version ${(fresh * 1000).toFixed(0)} µs, repeat ${(again * 1000).toFixed(0)} µs (median of 201)`);
db.close();

// 3. `genesis datasets --json` on that registry against `node -e ""` (process start).
const bin = resolve('bin/genesis.js');
const cli = time(() => execFileSync(process.execPath, [bin, 'datasets', '--json', '--state-dir', join(root, '.genesis')], { stdio: 'pipe' }), 7);
const small = join(root, 'small');
const sdb = openDb(small);
for (let i = 0; i < 10; i++) registerDataset(sdb, { ...base, contentHash: `s${i}` });
sdb.close();
const cliSmall = time(() => execFileSync(process.execPath, [bin, 'datasets', '--state-dir', small], { stdio: 'pipe' }), 7);
const bare = time(() => execFileSync(process.execPath, ['-e', ''], { stdio: 'pipe' }), 7);
console.log(`genesis datasets (10 rows, table): ${cliSmall.toFixed(0)} ms; ratio to bare node ${(cliSmall / bare).toFixed(2)}`);
console.log(`genesis datasets --json (10,201 rows): ${cli.toFixed(0)} ms; node -e "": ${bare.toFixed(0)} ms; ratio ${(cli / bare).toFixed(2)}`);
rmSync(root, { recursive: true, force: true });
