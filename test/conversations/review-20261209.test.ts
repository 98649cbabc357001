// Fixes after the blind reviews of round 9 (seeds 20261209 and 20261210), asserted over generated conversations.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';

const many = generateClean(3000, 1209);
const sentences = (d: string): string[] => many.filter((c) => c.meta?.dialect === d).flatMap((c) => c.turns.flatMap((t) => t.text.split(/(?<=[.!?])\s+/u)));

describe('offline conversations: after the blind reviews of round 9', () => {
  it('signs off in es-MX with "¡Que tenga buena tarde!", never the clipped "¡Buena tarde!" / "¡Buena noche!" (2026-12-09 #8, #84, #104)', () => {
    const mexico = sentences('es-MX');
    expect(mexico.filter((s) => /^¡Buena (?:tarde|noche)!$/u.test(s))).toEqual([]);
    expect(mexico.some((s) => /buena (?:tarde|noche)!$/u.test(s))).toBe(true);
  });

  it('asks "so I can look at the right payment", not "so I look at" (2026-12-10 #41)', () => {
    const en = [...sentences('en-US'), ...sentences('en-GB')];
    expect(en.some((s) => /so I can look at the right/u.test(s))).toBe(true);
    expect(en.filter((s) => /so I look at/u.test(s))).toEqual([]);
  });

  it('writes no British "in future", "none the wiser", "is down to" or "itemised" in en-US, and no "¿Cuáles divisas?" in es-ES (2026-12-09 #6, #50; 2026-12-10 #13, #31, #63, #90)', () => {
    expect(sentences('en-US').filter((s) => /\bin future\b|none the wiser|\bis (?:usually )?down to\b|itemised|pay the che(?:que|ck) in\b/iu.test(s))).toEqual([]);
    expect(sentences('es-ES').filter((s) => /cuáles (?:divisas|monedas)/iu.test(s))).toEqual([]);
  });
});
