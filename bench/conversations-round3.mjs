// Grammar round 3 (issue 15): counts of the mechanical defect classes of the 2026-12-02 blind review in generated text.
// Usage: npx tsc -p tsconfig.json && node bench/conversations-round3.mjs [--dist path/to/dist]
import { generatorFrom } from './conversations-generator.mjs';

const { gen } = await generatorFrom(process.argv.slice(2));

// Each class: the dialect it applies to (or any), the speaker whose turns are searched, and the pattern.
const CLASSES = [
  ['en-US: British wording (working day, chip and PIN, mandate, guarantee, -ise)', 'en-US', 'any', /\b(working days?|chip and PIN|mandates?|Direct Debit Guarantee|under the guarantee|(un)?authoris\w*|recognis\w*|finalis\w*)\b/iu],
  ['en-GB: US wording (business day)', 'en-GB', 'any', /\b(business days?)\b/iu],
  ['es-MX: peninsular wording (No hay derecho, carné de conducir, meter billetes)', 'es-MX', 'any', /(?<!\p{L})(no hay derecho|carn[ée]t? de conducir|meter billetes)(?!\p{L})/iu],
  ['es-MX: decimal comma in a percentage (0,5%)', 'es-MX', 'any', /\d,\d{1,2} ?%/u],
  ['es-ES: Latin American wording (retiro, tasa de cambio)', 'es-ES', 'any', /(?<!\p{L})(retiros?|tasa de cambio)(?!\p{L})/iu],
  ['es: tú and usted in one agent turn', 'es', 'agent', null],
  ['template leftover: "of/below the amount", agent repeats "a bike shop"/"una taquería", "esté perfecto"', 'any', 'agent', /\b(of|below) the amount\b|(?<!\p{L})(from|to|with) an? (?!partner\b|few\b|lot\b|second\b|new\b|moment\b)\p{L}+ (shop|store|station|restaurant|hotel|pharmacy|company|place|stall|friend|colleague|client|supplier)\b|(?<!\p{L})(a|con|de) (una?) (taquería|cafetería|farmacia|gasolinera|restaurante|papelería|tienda|estética|amigo|amiga|cuate|compa|cliente|proveedora)(?!\p{L})|esté perfecto/iu],
];
const TU = /(?<!\p{L})(te|tu|tus|tienes|puedes|enviarte|ayudarte|escríbenos|toca|revisa|comparte)(?!\p{L})/iu;
const USTED = /(?<!\p{L})(usted|su cuenta|toque|revise|comparta|escríbanos)(?!\p{L})/u;

function count(cs) {
  return CLASSES.map(([name, where, who, re]) => {
    const hits = cs.filter((c) => (where === 'any' || c.meta?.dialect === where || c.language === where) &&
      c.turns.some((t) => (who === 'any' || t.speaker === who) && (re ? re.test(t.text) : TU.test(t.text) && USTED.test(t.text))));
    return [name, hits.length, hits[0]?.turns.find((t) => (re ? re.test(t.text) : TU.test(t.text) && USTED.test(t.text)))?.text];
  });
}
for (const [label, seed, n, noise] of [['quick start (seed 42, 1,000, noise 0.1)', 42, 1000, 0.1], ['round-2 test set (seed 20261202, 3,000, no noise)', 20261202, 3000, 0]]) {
  console.log(`\n${label}`);
  for (const [name, k, ex] of count(gen(seed, n, noise))) console.log(`  ${k}\t${name}${ex ? `\n\t  e.g. ${ex.slice(0, 160)}` : ''}`);
}
