// Plans: deterministic, prefix-stable, balanced over intents, following the requested weights.
import { describe, expect, it } from 'vitest';
import { planConversation } from '../../steps/generate-conversations/plan.js';
import { resolveIntents } from '../../steps/generate-conversations/params.js';
import { InputError } from '../../util/errors.js';
import { baseParams } from './fixtures.js';

describe('planConversation', () => {
  it('gives the same spec for the same seed and index, and a different one for another seed', () => {
    expect(planConversation(baseParams, 1, 5)).toEqual(planConversation(baseParams, 1, 5));
    const a = Array.from({ length: 20 }, (_, i) => planConversation(baseParams, 1, i).intent);
    const b = Array.from({ length: 20 }, (_, i) => planConversation(baseParams, 2, i).intent);
    expect(a).not.toEqual(b);
  });

  it('is prefix-stable: raising count keeps the earlier items', () => {
    const small = Array.from({ length: 100 }, (_, i) => planConversation({ ...baseParams, count: 100 }, 3, i));
    const big = Array.from({ length: 100 }, (_, i) => planConversation({ ...baseParams, count: 1500 }, 3, i));
    expect(big).toEqual(small);
  });

  it('covers every intent exactly once per block of 77', () => {
    const intents = Array.from({ length: 154 }, (_, i) => planConversation(baseParams, 9, i).intent);
    expect(new Set(intents.slice(0, 77)).size).toBe(77);
    expect(new Set(intents.slice(77)).size).toBe(77);
  });

  it.each([
    ['language', 'es', 0.5],
    ['sentiment', 'negative', 0.2],
    ['sentiment', 'neutral', 0.5],
    ['complexity', 'simple', 0.3],
  ] as const)('draws %s=%s at roughly its weight over 5,000 plans', (field, value, weight) => {
    let hits = 0;
    for (let i = 0; i < 5000; i++) if (planConversation(baseParams, 11, i)[field] === value) hits++;
    expect(Math.abs(hits / 5000 - weight)).toBeLessThan(0.03);
  });

  it('honours a zero weight', () => {
    const langs = new Set(Array.from({ length: 300 }, (_, i) => planConversation({ ...baseParams, languages: { en: 1, es: 0 } }, 4, i).language));
    expect([...langs]).toEqual(['en']);
  });

  it('rejects weights that sum to zero with an InputError', () => {
    expect(() => planConversation({ ...baseParams, sentiment: { positive: 0 } }, 1, 0)).toThrow(InputError);
  });
});

describe('resolveIntents', () => {
  it.each([
    [['cash_atm'], 6],
    [['fees', 'card_arrival'], 8],
    [['Refund_not_showing_up', 'reverted_card_payment?'], 2],
  ])('expands %j to %i intents', (intents, n) => {
    expect(resolveIntents({ intents })).toHaveLength(n);
  });

  it('returns all 77 for "all"', () => {
    expect(resolveIntents({ intents: 'all' })).toHaveLength(77);
  });

  it('names an unknown intent and suggests the closest one', () => {
    expect(() => resolveIntents({ intents: ['card_arival'] })).toThrow(/unknown intent or category 'card_arival'; did you mean 'card_arrival'\?/);
    expect(() => resolveIntents({ intents: ['xyz_totally_unrelated_thing'] })).toThrow(InputError);
  });
});
