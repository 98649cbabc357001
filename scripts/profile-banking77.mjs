// Builds data/profiles/banking77.json (counts and histograms only, no sentences) from Banking77 train.csv.
// Usage: npx tsc -p tsconfig.json && node scripts/profile-banking77.mjs [path/to/train.csv] [out.json]
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = process.argv[2] ?? join(root, '..', 'shared', 'datasets', 'banking77', 'train.csv');
const out = process.argv[3] ?? join(root, 'data', 'profiles', 'banking77.json');

const { readCsv } = await import(join(root, 'dist', 'util', 'tabular.js'));
const { profileFromTexts } = await import(join(root, 'dist', 'metrics', 'text-profile.js'));

const rows = (await readCsv(input)).map((r) => ({ text: r.text, intent: r.category }));
const profile = profileFromTexts(rows, 'Banking77 train.csv (PolyAI, CC BY 4.0): counts and histograms only', 1000);
writeFileSync(out, JSON.stringify(profile, null, 1) + '\n');
console.log(`${out}: ${profile.documents} texts, ${Object.keys(profile.intents).length} intents, ${Object.keys(profile.vocabulary.top).length} words`);
