// Round 6 (issue 15): counts of the 2026-12-04 blind review's discourse classes (a turn that does not fit the ones
// before it) in generated text, before and after. Usage: npx tsc -p tsconfig.json && node bench/conversations-round6.mjs [--dist path/to/dist]
// Counts are conversations with at least one hit; the patterns are the ones test/conversations/coherence-round6.test.ts
// asserts on (there they also run on label- and intent-scoped sets).
import { generatorFrom } from './conversations-generator.mjs';

const { gen } = await generatorFrom(process.argv.slice(2));
// The checks are this checkout's (main has none), applied to either build's conversations.
const { genderFlip } = await import(new URL('../dist/metrics/coherence/gender.js', import.meta.url).href);
const { unfoundedClosing } = await import(new URL('../dist/metrics/coherence/closing-fit.js', import.meta.url).href);
const first = (c) => c.turns[0]?.text ?? '';
const closing = (c) => {
  const n = c.turns.length;
  if (n < 4 || c.turns[n - 1]?.speaker !== 'agent') return undefined;
  return { words: c.turns[n - 2].text, before: c.turns.slice(0, n - 2).filter((t) => t.speaker === 'agent').map((t) => t.text), reply: c.turns[n - 1].text };
};
const A_TIME = /(\d+(?:[–-]\d+)? (?:working |business )?(?:days?|hours?|weeks?|días|horas|semanas)|(a|one) (working |business )?day|a few days|unos días|hábil|can take|puede tardar|pending|pendiente)/iu;
const BAD_NEWS = /(?<!\p{L})(no|not|can't|cannot|only|limits?|maximum|fees?|charges?|costs?|unfortunately|solo|límites?|máximo|comisión|tarifa|coste|costo|cuesta|lamentablemente|%)(?!\p{L})/iu;
const endsWith = (words, cause) => (c) => { const cl = closing(c); return cl !== undefined && words.test(cl.words) && !cause(cl.before); };

// [review class, name, hit]
const CLASSES = [
  [1, '"This is taking way too long" / "tardando demasiado" with no wait given', endsWith(/(tardando demasiado|taking way too long|i'll wait|esperaré)/iu, (b) => b.some((t) => A_TIME.test(t)))],
  [1, '"Not happy about it, but fine" / "No me hace gracia" after no bad news', endsWith(/(no me hace gracia|not happy about it|esperaba más|expected better|no es lo ideal|not ideal)/iu, (b) => b.some((t) => BAD_NEWS.test(t) || A_TIME.test(t)))],
  [1, 'celebration ("me encanta la app", "exactly what I needed") after "Aún no veo…"', (c) => {
    const cl = closing(c);
    return cl !== undefined && c.turns.slice(1, -2).some((t) => /(aún no veo|todavía no veo|no veo (el|la|los|las) (reembolso|transferencia|dinero|\$|\d)|still (don't|can't) see|hasn't arrived)/iu.test(t.text)) &&
      /(me encanta la app|estupendo|exactly what I needed|justo lo que necesitaba|sorted in|this is why I love|qué rápido)/iu.test(cl.words);
  }],
  [5, '"Glad that answers it" / "quedó resuelto" after words that did not say so', (c) => {
    const cl = closing(c);
    return cl !== undefined && /(answers it|glad that's sorted|quedó resuelto|se haya resuelto|me alegra que sirva)/iu.test(cl.reply) &&
      !/(sorted|answers it|needed|after|cleared|clear|makes sense|helpful|resuelto|resolverlo|arreglarlo|necesitaba|claro|clarísimo|todo|útil|ayudado|listo)/iu.test(cl.words);
  }],
  [5, 'unfounded_closing check (pending with nothing under way, wait complaint with no wait)', (c) => unfoundedClosing(c.turns) !== undefined],
  [5, '"Happy to explain"/"Yes"/"Sí:" to a message with no question; "let me clear that up" to a theft', (c) => {
    const ask = first(c);
    const reply = c.turns.find((t) => t.speaker === 'agent')?.text ?? '';
    const confused = /(confus|understand|lost|head|not sure|not clear|not following|make sense|can't find|couldn't find|can't work|entiendo|entender|confundid|confunde|cuadra|no sé|desconcertad|claro|se me escapa|explicar|no lo encuentro)/iu.test(ask);
    return (/(happy to explain|let me explain|glad you asked|great question|te explico|le explico|buena pregunta)/iu.test(reply) && !ask.includes('?') && !confused) ||
      (/(?:^|[.!]\s)[¡]?(Yes|Sí)(?!\p{L})/u.test(reply) && !ask.includes('?')) || (/(clear that up|lo aclaro)/iu.test(reply) && /(stole|stolen|(?<!no me l[ao] )robaron|robó)/iu.test(ask));
  }],
  [5, 'thanks "again" / "Gracias, de verdad" / patience in the first message', (c) => /(thanks again|gracias de nuevo|gracias,? de verdad|patient|paciencia)/iu.test(first(c))],
  [8, 'gender_flip check (Spanish)', (c) => c.language === 'es' && genderFlip(c.turns) !== undefined],
  [9, 'neutral "what do I do!"', (c) => c.sentiment === 'neutral' && /(what do i do|what should i do|qué hago)!/iu.test(first(c))],
  [9, 'positive customer voicing worry', (c) => c.sentiment === 'positive' && c.turns.some((t) => t.speaker === 'customer' && /(worr(y|ies|ied)|preocup)/iu.test(t.text))],
  [9, '"That still doesn\'t really help" answered with a bare rule', (c) => c.turns.some((t, i) => t.speaker === 'customer' && /^(that still doesn't really help|eso no me ayuda mucho)/iu.test(t.text) &&
    !/^(sorry|i understand|fair point|i hear you|perdon|perdone|entiendo|tienes razón|tiene razón|lo entiendo)/iu.test(c.turns[i + 1]?.text ?? 'sorry'))],
  ['—', 'cheerful greeting before anger ("Hi there! This is absurd.")', (c) => /^(hi|hello|hey|hi there|hello there|hiya|hola|buenas|qué tal)[^.,!?]*!\s*(this is (unacceptable|ridiculous|absurd)|i'm (fed up|furious|livid|really angry|extremely)|ugh|frankly|seriously|what is going on|how is this|esto es (inaceptable|una vergüenza|el colmo)|estoy (hart|furios|muy molest|bastante molest)|no me lo puedo|no hay derecho|¿qué pasa con|uf)/iu.test(first(c))],
];

for (const [label, cs] of [['quick start, seed 42, 1,000, noise 0.1', gen(42, 1000, 0.1)], ['seed 612, 4,000, no noise', gen(612, 4000, 0)]]) {
  console.log(`\n${label}`);
  for (const [cls, name, hit] of CLASSES) console.log(`  (${cls}) ${name}: ${cs.filter(hit).length}/${cs.length}`);
}
