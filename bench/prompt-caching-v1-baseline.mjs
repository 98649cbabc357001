// Bench: input tokens the v1 conversation prompt (before prompt caching, commit 2afd1b5) sends for the
// prompt-caching bench's 1,000 items, counted like the fake (ceil(chars / 4) per request), beside the current prompt's.
// Build first; needs git history: node bench/prompt-caching-v1-baseline.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const dist = root + 'dist/';
const { planConversation } = await import(dist + 'steps/generate-conversations/plan.js');
const { conversationParamsSchema } = await import(dist + 'steps/generate-conversations/params.js');
const { renderConversationBatch } = await import(dist + 'providers/llm/conversation-prompt.js');
const t = JSON.parse(execFileSync('git', ['show', '2afd1b5:data/prompts/conversations.json'], { cwd: root, encoding: 'utf8' }));
const intents = JSON.parse(readFileSync(root + 'data/intents.json', 'utf8')).intents;
const desc = new Map(intents.map((i) => [i.name, { en: i.description_en, es: i.description_es }]));
const params = {};
for (const [k, v] of Object.entries(conversationParamsSchema.properties)) if ('default' in v) params[k] = v.default;
Object.assign(params, { count: 1000, provider: 'claude', batch_size: 5 });
const specs = Array.from({ length: 1000 }, (_, i) => planConversation(params, 11, i));
const { canonicalJson } = await import(dist + 'util/canonical-json.js');
const specJson = (s) => canonicalJson({ conversation_id: s.conversation_id, intent: s.intent, category: s.category, language: s.language, sentiment: s.sentiment, complexity: s.complexity, turns: s.turns, noise: s.noise });
const languageOf = (text) => (/[¿¡ñáéíóú]|\b(que|los|las|una|por|para|pero|tengo|hace|sigue|el|la)\b/i.test(text) ? 'es' : 'en');
const itemExamples = (pool, spec, n) => [...pool.filter((e) => e.intent === spec.intent && languageOf(e.text) === spec.language), ...pool.filter((e) => e.intent === spec.intent && languageOf(e.text) !== spec.language), ...pool.filter((e) => e.intent !== spec.intent)].slice(0, n);
let oldTokens = 0, newTokens = 0;
for (let i = 0; i < 1000; i += 5) {
  const b = specs.slice(i, i + 5);
  const langs = [...new Set(b.map((s) => s.language))].sort();
  const system = [t.system.common, ...langs.map((l) => t.system.languages[l])].join('\n\n');
  const shots = [...new Set(b.flatMap((s) => itemExamples(t.examples, s, params.few_shot).map((e) => `- [${e.intent}] ${JSON.stringify(e.text)}`)))];
  const parts = [t.instructions.replaceAll('{count}', '5')];
  if (shots.length) parts.push([t.examples_header, ...shots].join('\n'));
  parts.push(['Items:', ...b.map((s) => t.item.replace('{spec}', specJson(s)).replace('{description}', desc.get(s.intent)?.[s.language] ? ` ${desc.get(s.intent)[s.language]}` : ''))].join('\n'));
  parts.push(t.output.replaceAll('{count}', '5'));
  oldTokens += Math.ceil([system, parts.join('\n\n')].join('\n').length / 4);
  const r = renderConversationBatch(b, { fewShot: params.few_shot, languages: ['en', 'es'] });
  newTokens += Math.ceil([r.system, r.messages[0].text].join('\n').length / 4);
}
console.log(JSON.stringify({ oldTokens, newTokens }));
