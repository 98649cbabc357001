// Paraphrase sets and calendar dates: reword customer turns without breaking meaning, casing or determinism.
import { describe, expect, it } from 'vitest';
import { paraphrase } from '../../providers/offline/conversations/paraphrase.js';
import { SlotBinder, type Dialect } from '../../providers/offline/conversations/slots.js';
import { createRng } from '../../util/rng.js';

describe('paraphrase', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const text = 'How do I top up my account? I think the app is not working.';
    const out = (seed: number) => paraphrase(text, 'en-GB', createRng(seed, 'p'));
    expect(out(3)).toBe(out(3));
    const variants = new Set(Array.from({ length: 40 }, (_, i) => out(i)));
    expect(variants.size).toBeGreaterThan(10);
  });

  it.each([
    ['en-US', 'How do I order a physical card?', /^[A-Z]/],
    ['es-MX', '¿Por qué me cobraron una comisión?', /^¿[A-ZÁÉÍÓÚ]/],
    ['es-ES', '¿Puedo retirar dinero en el cajero?', /^¿[A-ZÁÉÍÓÚ]/],
  ] as const)('keeps a capital at the start of a %s sentence', (dialect: Dialect, text, re) => {
    for (let i = 0; i < 30; i++) expect(paraphrase(text, dialect, createRng(i, 'case'))).toMatch(re);
  });

  it('a phrase that began with the pronoun I is capitalised only where a sentence starts ("Hi there, It looks like…")', () => {
    const out = Array.from({ length: 200 }, (_, i) => paraphrase('Hi there, I think someone has my card details. I think it was stolen. Yes, I think so.', 'en-GB', createRng(i, 'I'), 1));
    expect(out.some((t) => /, it looks like/.test(t))).toBe(true);
    expect(out.filter((t) => /, It /.test(t))).toEqual([]);
    expect(out.every((t) => /\. (I|It) /.test(t))).toBe(true);
    expect(out.filter((t) => /(feel|looks) like so(?!\p{L})/u.test(t))).toEqual([]);
  });

  it('never lowercases the pronoun I and leaves words that only contain a phrase alone', () => {
    for (let i = 0; i < 50; i++) {
      const out = paraphrase("I'd like to know why there's a feed issue.", 'en-US', createRng(i, 'i'));
      expect(out).not.toMatch(/\bi\b/);
      expect(out).toMatch(/feed/);
    }
  });

  it('rate 0 changes nothing', () => {
    const text = 'Why was I charged a fee?';
    expect(paraphrase(text, 'en-US', createRng(1, 'z'), 0)).toBe(text);
  });
});

describe('date slot', () => {
  it.each([
    ['en-US', /^(on [A-Z][a-z]+ \d|on \d+\/\d+|last |this past |on the |yesterday|two|three|four|five|a |earlier|over|late|around|at|on [A-Z])/],
    ['es-ES', /^(el |ayer|anteayer|hace|esta|la semana|anoche|hoy|a principios)/],
  ] as const)('writes %s dates with many distinct values', (dialect: Dialect, re) => {
    const dates = Array.from({ length: 300 }, (_, i) => new SlotBinder(createRng(i, 'd'), dialect, { en: { date: ['yesterday'] }, es: { date: ['ayer'] } }).get('date'));
    for (const d of dates) expect(d).toMatch(re);
    expect(new Set(dates).size).toBeGreaterThan(60);
  });
});
