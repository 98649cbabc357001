// Grammar round 5 (issue 15): counts of the 2026-12-03 blind review's classes in generated text, before and after.
// Usage: npx tsc -p tsconfig.json && node bench/conversations-round5.mjs [--dist path/to/dist]
// Counts are conversations with at least one hit; the patterns are the ones test/conversations/coherence-round5.test.ts
// asserts on (there they run on intent-scoped sets as well).
import { generatorFrom } from './conversations-generator.mjs';

const { gen } = await generatorFrom(process.argv.slice(2));
// The metric is this checkout's (main has none), applied to either build's conversations.
const { reasked } = await import(new URL('../dist/metrics/coherence/reask.js', import.meta.url).href);
const first = (c) => c.turns[0]?.text ?? '';
const anyTurn = (re) => (c) => c.turns.some((t) => re.test(t.text));
const inDialect = (d, re) => (c) => c.meta.dialect === d && anyTurn(re)(c);

// [review class, name, hit]
const CLASSES = [
  [1, 'es-ES preterite for what just happened ("Ya lo intenté", "Ya lo escalé", "qué pasó aquí", "que quedó resuelto")', inDialect('es-ES', /(?<!\p{L})(ya (?:lo )?(?:intenté|escalé|cerré)|lo intenté \S+ veces|qué pasó aquí|que quedó resuelto)(?!\p{L})/iu)],
  [1, 'es-ES Latin-American words ("costo", "rentar", "declinaron", "¡Buena tarde!", "Regresé", "en línea", "una selfie")', inDialect('es-ES', /(?<!\p{L})(costos?|rentar|renta de autos|declinaron|buena tarde|regresé|una selfie|en línea)(?!\p{L})/iu)],
  [1, 'es-MX "caducidad"', inDialect('es-MX', /caducidad/iu)],
  [5, 'en-US British words ("brilliant", "Hiya", "sort code", "my mobile", "Speak soon")', inDialect('en-US', /\b(brilliant|hiya|sort code|my mobile|speak soon)\b/iu)],
  [2, 're-ask: the answer to a later question says mostly what the agent had said (≥ 3 shared stems and half)', (c) => reasked(c.turns)],
  [3, 'denies and claims the same event ("I don\'t recognise… I bought it", "no hice yo… Intenté retirar")', (c) => /(don't recogni[sz]e|didn't make|never shopped|no reconozco|no hice)/iu.test(first(c)) && /(I bought it|I ordered it|I paid\b|intenté (sacar|retirar)|compré)/iu.test(first(c))],
  [3, 'ATM cash in cents', (c) => c.category === 'cash_atm' && anyTurn(/(sacar|retirar|withdraw|took out|take out|asked for|pedí|saqué|sacó)[^.?!]*\d[.,]\d\d(?!\d)/iu)(c)],
  [3, '"Is there a fee?" → "Of course… it\'s free"', (c) => c.turns.some((t, i) => t.speaker === 'agent' && /^(?:[^.!?]*[.!?]\s+)?(Of course|Sure|Yes|Por supuesto|Claro|Sí)(?!\p{L})[^]*(?<!\p{L})(free|gratis)(?!\p{L})/iu.test(t.text) && /(fee|charge|cost|cobran|tarifa|comisi|coste|costo|cuesta)[^.?!]*\?/iu.test(c.turns[i - 1]?.text ?? ''))],
  [3, '"flying out <date> next month"', (c) => /flying out (yesterday|today|last|this|on|\d)/iu.test(first(c))],
  [4, '"Ya me llegó la tarjeta" → how to order one', (c) => /(ya me llegó|me llegó la tarjeta|ya tengo la tarjeta|acabo de recibir|llegó la tarjeta)/iu.test(first(c)) && c.turns.some((t) => t.speaker === 'agent' && /se pide en/iu.test(t.text))],
  [4, 'Google Pay question, Apple Pay-only answer', (c) => {
    const cust = c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text).join(' ');
    return /google pay/iu.test(cust) && !/apple/iu.test(cust) && c.turns.some((t) => t.speaker === 'agent' && /(in|en) Apple Pay(?! (\/|or|o) Google)/u.test(t.text));
  }],
  [4, '"Glad we got there"', anyTurn(/glad we got there/iu)],
];

const { grammar } = await import(new URL(`${process.argv.includes('--dist') ? `file://${process.argv[process.argv.indexOf('--dist') + 1]}` : new URL('../dist', import.meta.url).href}/providers/offline/conversations/grammar.js`).href);
const problem = grammar().problem;
const PREFACE = /(scratching my head|Not sure what's going on here|I'm not following what happened|I'm lost here|\bUrgent:|This is urgent:|I need help (quickly|fast|asap)|(angry|upset|not happy) right now|This is (unacceptable|ridiculous|absurd)|No sé qué pasó aquí|No sé qué está pasando|No entiendo (bien|muy bien) qué pasa|(?<!\p{L})Es urgente:|Necesito ayuda (rápido|cuanto antes|ya)|¿Cómo puede ser que pase esto\?|Esto pasa una y otra vez)/u;
CLASSES.push([5, 'problem preface or bare "Urgent:" / causeless anger before a plain question', (c) => !problem.has(c.intent) && PREFACE.test(first(c))]);

for (const [label, cs] of [['quick start, seed 42, 1,000, noise 0.1', gen(42, 1000, 0.1)], ['seed 20261205, 3,000, no noise', gen(20261205, 3000, 0)]]) {
  console.log(`\n${label}`);
  for (const [cls, name, hit] of CLASSES) {
    const hits = cs.filter(hit);
    console.log(`  (${cls}) ${name}: ${hits.length}/${cs.length}`);
  }
}
