// Prints offline conversations as a reader sees them, for read-and-fix grammar rounds: drawn with the quick start's
// distributions, optionally narrowed to some intents or categories and one language. Never use a blind-review seed.
// Usage: npx tsc -p tsconfig.json && node bench/conversations-read.mjs [--seed N] [--n 200] [--lang en|es]
//        [--intents cards,transfer_timing,…] [--complexity simple|medium|complex] [--sentiment positive|neutral|negative]
import { planConversation } from '../dist/steps/generate-conversations/plan.js';
import { generateConversation } from '../dist/providers/offline/conversations/index.js';
import { createRng } from '../dist/util/rng.js';

const args = process.argv.slice(2);
const flag = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const seed = Number(flag('--seed', '7'));
const n = Number(flag('--n', '100'));
const lang = flag('--lang', undefined);
const intents = flag('--intents', 'all');
const only = (k) => { const v = flag(`--${k}`, undefined); return v === undefined ? undefined : { [v]: 1 }; };
if (seed >= 20261201 && seed <= 20261299) throw new Error('blind-review seeds (202612xx) are not for reading while tuning');
const params = {
  count: n, intents: intents === 'all' ? 'all' : intents.split(','),
  languages: lang ? { [lang]: 1 } : { en: 0.5, es: 0.5 },
  sentiment: only('sentiment') ?? { positive: 0.3, neutral: 0.5, negative: 0.2 },
  complexity: only('complexity') ?? { simple: 0.3, medium: 0.5, complex: 0.2 },
  turns: { min: 2, max: 8 }, noise: 0.1, provider: 'default', batch_size: 5, few_shot: 2,
};
for (let i = 0; i < n; i++) {
  const s = planConversation(params, seed, i);
  const c = generateConversation(s, createRng(seed, 'conversation/offline', s.index, 0));
  const reg = c.language === 'es' ? (c.meta.register === 'formal' ? ', usted' : ', tú') : '';
  console.log(`\n#${i + 1} ${c.conversation_id} (${c.meta.dialect}${reg}, ${c.intent}, ${c.sentiment}, ${s.complexity}, ${c.resolution_status})`);
  for (const t of c.turns) console.log(`  ${t.speaker === 'customer' ? 'C' : 'A'}: ${t.text}`);
}
