// Grammar round 3 (issue 15): the mechanical classes of the 2026-12-02 blind review (dialect words, Spanish
// register slips, slot leftovers), measured on generated conversations; every test here fails on round 2's generator.
import { describe, expect, it } from 'vitest';
import { agentPerspective, generateConversation } from '../../providers/offline/conversations/index.js';
import { dialectWording } from '../../providers/offline/conversations/dialect.js';
import { planConversation } from '../../steps/generate-conversations/plan.js';
import { createRng } from '../../util/rng.js';
import type { Conversation } from '../../util/records.js';
import { dialectLeak } from '../../metrics/coherence/dialect-words.js';
import { registerSwitch } from '../../metrics/coherence/register.js';

// The quick start's generate step without noise: typos would hide the words under test.
const params = {
  count: 3000, intents: 'all', languages: { en: 0.5, es: 0.5 }, sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 },
  complexity: { simple: 0.3, medium: 0.5, complex: 0.2 }, turns: { min: 2, max: 8 }, noise: 0, provider: 'default', batch_size: 5, few_shot: 2,
} as const;
function generate(n: number, seed: number): Conversation[] {
  const p = { ...params, count: n } as never;
  return Array.from({ length: n }, (_, i) => {
    const spec = planConversation(p, seed, i);
    return generateConversation(spec, createRng(seed, 'conversation/offline', spec.index, 0));
  });
}
const many = generate(3000, 20261203);
const inDialect = (d: string): Conversation[] => many.filter((c) => c.meta?.dialect === d);
const turnTexts = (cs: Conversation[], speaker?: string): string[] => cs.flatMap((c) => c.turns.filter((t) => speaker === undefined || t.speaker === speaker).map((t) => t.text));

describe('offline conversations: round 3 of the grammar (blind review 2026-12-02)', () => {
  it.each([
    ['en-US', 'Transfers to Spain typically take 2–3 working days.'],
    ['en-US', 'Make one chip and PIN payment in a shop first.'],
    ['en-US', 'Cancel the mandate; under the Direct Debit Guarantee we refund it.'],
    ['en-US', "If you didn't authorise it, tell us."],
    ['en-GB', 'It arrives within 2 business days.'],
    ['en-US', "I don't recognise this payment."],
    ['es-MX', 'No hay derecho.'],
    ['es-MX', 'Sube tu carné de conducir.'],
    ['es-MX', 'Por encima se aplica un 0,5%.'],
    ['es-ES', 'El retiro de efectivo es gratis.'],
    ['es-ES', 'La tasa de cambio fue mala.'],
  ])('the dialect_leak check flags %s "%s", and the dialect wording removes it', (dialect, text) => {
    expect(dialectLeak([{ text }], dialect)).toBeDefined();
    expect(dialectLeak([{ text: dialectWording(text, dialect as never) }], dialect)).toBeUndefined();
  });

  it.each(['en-US', 'en-GB', 'es-MX', 'es-ES'])('keeps %s conversations free of the other variety\'s words', (dialect) => {
    expect(inDialect(dialect).map((c) => dialectLeak(c.turns, dialect)).filter(Boolean)).toEqual([]);
  });

  it('keeps the Spanish wording readable: "cuando esté listo" stays, es-MX writes "0.5%", es-ES keeps "0,5%"', () => {
    expect(dialectWording('Recibirás una notificación cuando esté listo.', 'es-ES')).toBe('Recibirás una notificación cuando esté listo.');
    expect(dialectWording('Listo, gracias.', 'es-ES')).toBe('Perfecto, gracias.');
    expect(dialectWording('se aplica un 0,5% y 1.200 $', 'es-MX')).toBe('se aplica un 0.5% y 1.200 $');
    expect(dialectWording('se aplica un 0,5%', 'es-ES')).toBe('se aplica un 0,5%');
    expect(dialectWording('el retiro de 50 € y los retiros', 'es-ES')).toBe('el reintegro de 50 € y los reintegros');
  });

  it('never mixes tú and usted inside one agent turn ("Comparta… su cuenta… enviarte")', () => {
    const es = many.filter((c) => c.language === 'es');
    const bad = es.flatMap((c) => c.turns.filter((t) => t.speaker === 'agent' && registerSwitch([t]) !== undefined).map((t) => t.text));
    expect(bad).toEqual([]);
    expect(es.map((c) => registerSwitch(c.turns)).filter(Boolean)).toEqual([]);
  });

  it.each([
    ['an amount nobody gave, after a noun ("two payments of the amount", "below the amount")', /\b(of|below) the amount\b|(?<!\p{L})de (el|del) importe(?!\p{L})/iu],
    ['the customer\'s first mention repeated ("claim it back from a bike shop", "a una taquería")', /\b(from|to|with) an? (bike shop|coffee shop|hotel|pharmacy|restaurant|bookshop|friend|colleague|client|supplier)\b|(?<!\p{L})(a|con|de) una? (taquería|cafetería|farmacia|gasolinera|restaurante|papelería|amigo|cuate|cliente|proveedora)(?!\p{L})/iu],
    ['"cuando esté perfecto" for "cuando esté listo"', /esté perfecto/iu],
  ])('writes no agent slot leftover: %s', (_name, re) => {
    expect(turnTexts(many, 'agent').filter((t) => re.test(t))).toEqual([]);
  });

  it.each([
    ['a bike shop', 'en', 0, 'merchant', 'the bike shop'],
    ['an online shop', 'en', 0, 'merchant', 'the online shop'],
    ['a friend', 'en', 0, 'recipient', 'your friend'],
    ['una taquería', 'es', 0, 'merchant', 'la taquería'],
    ['un restaurante', 'es', 1, 'merchant', 'el restaurante'],
    ['un amigo', 'es', 1, 'recipient', 'su amigo'],
    ['Amazon', 'en', 0, 'merchant', 'Amazon'],
  ] as const)('the agent names "%s" (%s, register %i, %s) as "%s"', (value, lang, register, slot, expected) => {
    expect(agentPerspective(value, lang, register, slot)).toBe(expected);
  });
});
