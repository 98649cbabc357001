// Which durable store for item checkpoints? SQLite (WAL, synchronous=NORMAL) against an append-only JSONL
// file with fsync, both per item (paid-for LLM items) and in groups (cheap offline items), in one run.
// Usage: node bench/checkpoint-store.mjs [--items 5000] [--size 1500]
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const arg = (n, d) => (process.argv.includes(`--${n}`) ? Number(process.argv[process.argv.indexOf(`--${n}`) + 1]) : d);
const items = arg('items', 5000);
const size = arg('size', 1500);
const value = JSON.stringify({ text: 'x'.repeat(size) });

function sqlite(group) {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-ckpt-'));
  const db = new Database(join(dir, 'state.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE items (scope TEXT, key TEXT, status TEXT, value TEXT, PRIMARY KEY (scope, key)) WITHOUT ROWID');
  const ins = db.prepare('INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?)');
  const commit = db.transaction((rows) => rows.forEach((r) => ins.run(...r)));
  const t = performance.now();
  let batch = [];
  for (let i = 0; i < items; i++) {
    batch.push(['conversations', `key-${i}`, 'done', value]);
    if (batch.length >= group) commit(batch.splice(0));
  }
  if (batch.length) commit(batch);
  const ms = performance.now() - t;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

function appendFile(group) {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-ckpt-'));
  const fd = openSync(join(dir, 'items.jsonl'), 'a');
  const t = performance.now();
  let pending = [];
  for (let i = 0; i < items; i++) {
    pending.push(JSON.stringify({ key: `key-${i}`, status: 'done', value }) + '\n');
    if (pending.length >= group) {
      writeSync(fd, pending.join(''));
      fsyncSync(fd);
      pending = [];
    }
  }
  if (pending.length) {
    writeSync(fd, pending.join(''));
    fsyncSync(fd);
  }
  const ms = performance.now() - t;
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const group of [1, 1024]) {
  const s = [];
  const f = [];
  for (let rep = 0; rep < 5; rep++) {
    s.push(sqlite(group));
    f.push(appendFile(group));
  }
  rows.push({ group, sqlite: median(s), file: median(f) });
}
console.log(`${items} items of ~${size} bytes, median of 5 interleaved reps`);
console.log('| commit | SQLite WAL (ms) | µs/item | append-only + fsync (ms) | µs/item | SQLite ÷ file |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.group === 1 ? 'every item' : `every ${r.group} items`} | ${r.sqlite.toFixed(0)} | ${((r.sqlite * 1000) / items).toFixed(0)} | ${r.file.toFixed(0)} | ${((r.file * 1000) / items).toFixed(0)} | ${(r.sqlite / r.file).toFixed(2)} |`);
