// Builds bench/RESULTS.md from the summary and each area's section in bench/results/ (one source per number).
// Usage: node bench/assemble-results.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const order = ['summary', 'runner', 'generation', 'checkpoints', 'conversations-round9', 'conversations-round8', 'conversations-round7', 'conversations-round6', 'conversations', 'timeseries', 'quality', 'ml', 'bedrock', 'registry', 'cli', 'faults', 'filter', 'export', 'report', 'serve'];
const parts = order.map((name) => readFileSync(join(dir, `${name}.md`), 'utf8').replace(/^<!--.*?-->\n/s, '').trim());
writeFileSync(join(dir, '..', 'RESULTS.md'), `${parts.join('\n\n---\n\n')}\n`);
console.log(`bench/RESULTS.md: ${order.length} sections`);
