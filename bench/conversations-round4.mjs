// Grammar round 4 (issue 15): counts of the 2026-12-02 blind review's classes 1-4, 7 and 8 in generated text.
// Usage: npx tsc -p tsconfig.json && node bench/conversations-round4.mjs [--dist path/to/dist]
// Counts are conversations with at least one hit; the patterns are the ones test/conversations/coherence-round4.test.ts
// asserts on (the positive-label class uses the PRAISE lexicon from this branch's util/sentiment-lexicon.ts).
import { generatorFrom } from './conversations-generator.mjs';

const { gen } = await generatorFrom(process.argv.slice(2));
const { PRAISE } = await import(new URL('../dist/util/sentiment-lexicon.js', import.meta.url).href);
const customer = (c) => c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text);
const agent = (c) => c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text);
const first = (c) => c.turns[0]?.text ?? '';
const inIntents = (xs) => (c) => xs.includes(c.intent);
const openingTwice = (t) => {
  const o = t.split(/(?<=[.?!])\s+/u).map((s) => /^[¿¡]?(\p{L}+ \p{L}+ \p{L}+)/u.exec(s.toLowerCase())?.[1]).filter(Boolean);
  return new Set(o).size < o.length;
};

// [review class, name, which conversations, hit]
const CLASSES = [
  [2, 'positive label, no praise in the customer\'s words ("Ok thanks", "Gracias, saludos")', (c) => c.sentiment === 'positive', (c) => !PRAISE[c.language].test(customer(c).join(' '))],
  [3, 'money sent away under receiving / paying in ("It went to a client", "iba para mi hija")', inIntents(['transfer_into_account', 'receiving_money', 'balance_not_updated_after_bank_transfer']), (c) => /\b(went to|was going to)\b|iba para|le mandé/iu.test(first(c))],
  [3, 'a cheque after cash ("money I have in cash? It is a cheque from…")', inIntents(['top_up_by_cash_or_cheque']), (c) => /\bin cash\b[^]*\b(cheque|check) from\b|en efectivo[^]*cheque de/iu.test(first(c))],
  [4, 'card detail that is not part of the story ("I\'m based in the US", "It\'s the bank card", "I ordered it…")', (c) => c.category === 'cards' && !['card_arrival', 'card_delivery_estimate'].includes(c.intent), (c) => /\b(I'm|I am) based in\b|\bIt's (my|the) \w+ card\.|\b(I ordered it|It was ordered)\b|(^|[.!?] )(Vivo en|Es mi tarjeta|La pedí|La solicité)/u.test(first(c))],
  [4, '"I used my credit card" under a how-to (limits, auto top-up)', inIntents(['top_up_limits', 'automatic_top_up']), (c) => /\b(I used|I was using) my\b|(?<!\p{L})(Usé|Estaba usando) mi(?!\p{L})/iu.test(first(c))],
  [4, 'two sentences of the first message open alike ("Me mudé… Me mudé a…")', () => true, (c) => openingTwice(first(c))],
  [8, 'agent asks what no answer uses (tried again, device, e-mail, "was this…?", which card)', () => true, (c) => agent(c).some((t) => /\btried (it )?again\b|vuelto a intentar|\bwhich device\b|qué dispositivo|confirm the email address|confirmar? el correo|\bwas this (on |last |this )|fue (el|este) \p{L}+\?|(which of your cards|last four digits|cuál de (tus|sus) tarjetas|últimos (cuatro )?dígitos)[^.!]*\?/iu.test(t))],
  [7, 'agent stitches formulas ("I can see it now. I can see…", "…in touch. Thank you!", resolved "Thanks for your patience.", "lugar correcto")', () => true, (c) => agent(c).some((t) => /I can see it now\.[^]*\bI (can )?see\b|ya lo veo\.[^]*(?<!\p{L})veo(?!\p{L})|^[^.!?]*thank[^.!?]*[.!?]\s+Thank you[!.]|^[^.!?]*gracias[^.!?]*[.!?]\s+¡Gracias[!.]|^Thanks for your patience\.|Gracias a (ti|usted) por (tu|su) paciencia|lugar correcto/iu.test(t))],
  [1, 'non-native phrasing ("Why exactly cannot I", "a big help", "glad with", "until now", "Clear right now", "a ATM", "I\'ve the funds", "ahorita tiene sentido", "Increíble")', () => true, (c) => c.turns.some((t) => /\b(why|how come)( exactly)? (cannot|can not) I\b|\breally a big help\b|\bglad with\b|\b(great|smooth|seamless|painless|easy|brilliant)[^.!?]* until now\b|\bclear right now\b|\bI've (the|my|enough) (money|funds|balance)\b|ahorita tiene sentido|documentos quiero|¿me gustaría una|^Increíble\.?$/iu.test(t.text) || /\ba ATM\b/u.test(t.text))],
];

for (const [label, cs] of [['quick start, seed 42, 1,000, noise 0.1', gen(42, 1000, 0.1)], ['seed 20261203, 3,000, no noise', gen(20261203, 3000, 0)]]) {
  console.log(`\n${label}`);
  for (const [cls, name, scope, hit] of CLASSES) {
    const pool = cs.filter(scope);
    const hits = pool.filter(hit);
    console.log(`  (${cls}) ${name}: ${hits.length}/${pool.length}${hits[0] ? `  e.g. ${JSON.stringify(first(hits[0])).slice(0, 140)}` : ''}`);
  }
}
