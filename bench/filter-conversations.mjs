// Bench for filter/conversations: time against validate/conversations on the same generated data (same run), and
// what each rule removes from the offline generator's output.
// Usage: npx tsc -p tsconfig.json && node bench/filter-conversations.mjs [count=20000]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'genesis-bench-filter-'));
mkdirSync(dir, { recursive: true });
// Every rule on except intent consistency (its cost is the classifier's predict, measured in bench/ml-*.mjs).
writeFileSync(join(dir, 'p.yaml'), `name: b
seed: 42
steps:
  generate:
    uses: generate/conversations
    with: { count: ${count}, languages: { en: 0.5, es: 0.5 } }
  filter:
    uses: filter/conversations
    needs: [generate]
    with: { coherence: [foreign_followup, locale_mismatch, register_switch, positive_reply_to_negative] }
  validate:
    uses: validate/conversations
    needs: [generate]
`);
const r = spawnSync(process.execPath, [join(root, 'bin/genesis.js'), 'run', join(dir, 'p.yaml'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const steps = Object.fromEntries(JSON.parse(r.stdout).steps.map((s) => [s.id, s]));
const report = JSON.parse(readFileSync(join(dir, 'out/b/filter/filter.json'), 'utf8'));
const f = steps.filter.durationMs;
const v = steps.validate.durationMs;
console.log(`${count} offline conversations (seed 42): filter ${f} ms (${((f * 1000) / count).toFixed(0)} µs/conversation), validate ${v} ms; filter/validate ${(f / v).toFixed(2)}`);
console.log(`kept ${report.kept} of ${report.input}; removed: ${Object.entries(report.rules).map(([k, x]) => `${k} ${x.removed}`).join(', ')}`);
console.log(`emptied intents: ${report.emptied_intents.length}; warnings: ${report.warnings.length}`);
rmSync(dir, { recursive: true, force: true });
