// Counts template-join wording slips (issue 15, review classes 6 and 7) in offline conversations drawn by seed.
// Usage: npx tsc -p tsconfig.json && node bench/wording-joins.mjs [--seed 11] [--n 4000]   (noise off: typos are not joins)
import { planConversation } from '../dist/steps/generate-conversations/plan.js';
import { generateConversation } from '../dist/providers/offline/conversations/index.js';
import { createRng } from '../dist/util/rng.js';

const args = process.argv.slice(2);
const flag = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const seed = Number(flag('--seed', '11'));
const n = Number(flag('--n', '4000'));
if (seed >= 20261201 && seed <= 20261299) throw new Error('blind-review seeds (202612xx) are not for tuning');
const params = {
  count: n, intents: 'all', languages: { en: 0.5, es: 0.5 }, sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 },
  complexity: { simple: 0.3, medium: 0.5, complex: 0.2 }, turns: { min: 2, max: 8 }, noise: 0, provider: 'default', batch_size: 5, few_shot: 2,
};
// [label, dialect prefix the pattern is wrong in, pattern]
const PATTERNS = [
  ['"a the …" / "my the …"', 'en', /(?<!\p{L})(a|an|my) the(?!\p{L})/iu],
  ['"it is been"', 'en', /(?<!\p{L})(it|what|there|that) is (been|got)(?!\p{L})/iu],
  ['"funds is/arrives/was/has"', 'en', /(?<!\p{L})funds (is|arrives|was|has)(?!\p{L})/iu],
  ['"the application"', 'en', /(?<!\p{L})the application(?!\p{L})/iu],
  ['"charged/billed a charge"', 'en', /(?<!\p{L})(charged|billed) (a )?charges?(?!\p{L})/iu],
  ['"the request was/is"', 'en', /(?<!\p{L})the request (was|is)(?!\p{L})/iu],
  ['"why exactly I/we/you"', 'en', /(?<!\p{L})why exactly (I|we|you)(?!\p{L})/iu],
  ['"pocket funds"', 'en', /pocket funds/iu],
  ['"I live to …"', 'en', /(?<!\p{L})live to [A-Z]/u],
  ['en-US: "petrol station" (any speaker)', 'en-US', /petrol station/iu],
  ['en-US: British slot words (neighbour, flatmate, Tesco, Argos, bookshop)', 'en-US', /(?<!\p{L})(neighbour|flatmate|Tesco|Sainsbury's|Argos|bookshop)(?!\p{L})/iu],
  ['es: "los el", "lo me" (determiner/clitic joins)', 'es', /(?<!\p{L})(los el|las el|los la|las la|lo me|la me|los me|las me|le me|les me)(?!\p{L})/iu],
  ['es: "¿Cuánto se tarda <noun>"', 'es', /¿Cuánto se tarda (?!en)/iu],
  ['es: "mi pasta/lana … -ado/bajo" (gender lost)', 'es', /(?<!\p{L})(mi|la) (pasta|lana)(?!\p{L})[^.?!]*(?<!\p{L})(\p{L}+[aií]dos?|bajo|alto)(?!\p{L})/iu],
  ['es: "sí recibí." (object dropped)', 'es', /sí recibí\./iu],
  ['es-ES: "demora"', 'es-ES', /(?<!\p{L})demora/iu],
  ['es-MX: "importe"', 'es-MX', /(?<!\p{L})importes?(?!\p{L})/iu],
];
const counts = PATTERNS.map(() => 0);
const examples = PATTERNS.map(() => '');
for (let i = 0; i < n; i++) {
  const spec = planConversation(params, seed, i);
  const c = generateConversation(spec, createRng(seed, 'conversation/offline', spec.index, 0));
  for (const t of c.turns) {
    PATTERNS.forEach(([, d, re], k) => {
      if (!c.meta.dialect.startsWith(d) || !re.test(t.text)) return;
      counts[k]++;
      if (examples[k] === '') examples[k] = t.text.slice(0, 110);
    });
  }
}
console.log(`seed ${seed}, ${n} conversations, noise 0: turns with each slip`);
PATTERNS.forEach(([label], k) => console.log(`${String(counts[k]).padStart(5)}  ${label}${examples[k] ? `  e.g. "${examples[k]}"` : ''}`));
