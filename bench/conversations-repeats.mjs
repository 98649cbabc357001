// Word-for-word repetition across offline conversations, as a reviewer reading a 100-conversation sample sees it: the
// share of conversations that share a sentence of 8+ words with another conversation of the same sample, by role.
// The 2026-12-07 review saw six such pairs in 100 (refund answers, the limits paragraph, a claim sentence).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-repeats.mjs [--samples 20] [--seed 500] [--top 25]
//        [--intents a,b] [--lang en|es]
import { planConversation } from '../dist/steps/generate-conversations/plan.js';
import { generateConversation } from '../dist/providers/offline/conversations/index.js';
import { createRng } from '../dist/util/rng.js';

const args = process.argv.slice(2);
const flag = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const samples = Number(flag('--samples', '20'));
const seed0 = Number(flag('--seed', '500'));
const top = Number(flag('--top', '25'));
const intents = flag('--intents', 'all');
const lang = flag('--lang', undefined);
if (seed0 >= 20261201 && seed0 <= 20261299) throw new Error('blind-review seeds (202612xx) are not for tuning');
const params = {
  count: 100, intents: intents === 'all' ? 'all' : intents.split(','),
  languages: lang ? { [lang]: 1 } : { en: 0.5, es: 0.5 },
  sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 }, complexity: { simple: 0.3, medium: 0.5, complex: 0.2 },
  turns: { min: 2, max: 8 }, noise: 0.1, provider: 'default', batch_size: 5, few_shot: 2,
};
const MIN_WORDS = 8;
const sentences = (text) => text.split(/(?<=[.!?])\s+/u).map((s) => s.trim().toLowerCase()).filter((s) => s.split(/\s+/u).length >= MIN_WORDS);
// A sentence seen under 3+ intents is a stock phrase (offers, sign-offs); under one or two it is an intent's content
// (an answer, a claim sentence), which is what a reviewer notices most.
const totals = { agent: { content: 0, stock: 0 }, customer: { content: 0, stock: 0 } };
const counts = new Map(); // "role\tsentence" → number of samples × conversations it repeated in
for (let k = 0; k < samples; k++) {
  const seed = seed0 + k;
  const bySentence = { agent: new Map(), customer: new Map() };
  for (let i = 0; i < 100; i++) {
    const s = planConversation(params, seed, i);
    const c = generateConversation(s, createRng(seed, 'conversation/offline', s.index, 0));
    for (const role of ['agent', 'customer']) {
      const own = new Set(c.turns.filter((t) => t.speaker === role).flatMap((t) => sentences(t.text)));
      for (const x of own) bySentence[role].set(x, [...(bySentence[role].get(x) ?? []), `${c.intent}`]);
    }
  }
  for (const role of ['agent', 'customer']) {
    for (const [x, convs] of bySentence[role]) {
      if (convs.length < 2) continue;
      const where = [...new Set(convs)];
      const key = `${role}\t${x}\t${where.join(',')}`;
      counts.set(key, (counts.get(key) ?? 0) + convs.length);
      totals[role][where.length >= 3 ? 'stock' : 'content'] += convs.length;
    }
  }
}
console.log(`samples of 100 conversations: ${samples} (seeds ${seed0}–${seed0 + samples - 1}); sentences of ${MIN_WORDS}+ words`);
console.log('sentence occurrences per 100 conversations that repeat one in another conversation of the sample:');
for (const role of ['agent', 'customer']) console.log(`  ${role.padEnd(8)} intent content ${(totals[role].content / samples).toFixed(1)}, stock phrases (3+ intents) ${(totals[role].stock / samples).toFixed(1)}`);
console.log(`\nmost repeated (occurrences over all samples):`);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const [role, x, where] = key.split('\t');
  console.log(`${String(n).padStart(4)}  ${role.padEnd(8)} [${where}] ${x}`);
}
