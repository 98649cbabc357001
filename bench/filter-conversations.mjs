// Bench for filter/conversations: time against validate/conversations on the same generated data (same run), and
// what each rule removes from the offline generator's output.
// Usage: npx tsc -p tsconfig.json && node bench/filter-conversations.mjs [count=20000]
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, tempPipeline } from './lib/genesis-run.mjs';

const count = Number(process.argv[2] ?? 20000);
// Every rule on except intent consistency (its cost is the classifier's predict, measured in bench/ml-*.mjs).
const { dir, file } = tempPipeline('genesis-bench-filter-', `name: b
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
const steps = runJson(file);
const report = JSON.parse(readFileSync(join(dir, 'out/b/filter/filter.json'), 'utf8'));
const f = steps.filter.durationMs;
const v = steps.validate.durationMs;
console.log(`${count} offline conversations (seed 42): filter ${f} ms (${((f * 1000) / count).toFixed(0)} µs/conversation), validate ${v} ms; filter/validate ${(f / v).toFixed(2)}`);
console.log(`kept ${report.kept} of ${report.input}; removed: ${Object.entries(report.rules).map(([k, x]) => `${k} ${x.removed}`).join(', ')}`);
console.log(`emptied intents: ${report.emptied_intents.length}; warnings: ${report.warnings.length}`);
rmSync(dir, { recursive: true, force: true });
