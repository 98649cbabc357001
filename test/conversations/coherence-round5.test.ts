// Grammar round 5 (issue 15): the classes of the 2026-12-03 blind review, each measured on generated conversations the
// way the reviewer found them; every test here fails on round 4's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { dialectLeak } from '../../metrics/coherence/dialect-words.js';

const many = generateClean(3000, 20261205);
const inDialect = (d: string): Conversation[] => many.filter((c) => c.meta?.dialect === d);
const hits = (cs: Conversation[], re: RegExp): string[] => cs.flatMap((c) => c.turns.map((t) => t.text)).filter((t) => re.test(t));

describe('offline conversations: round 5 of the grammar (blind review 2026-12-03)', () => {
  it.each([
    ['es-ES: the preterite for what has just happened ("Ya lo intenté", "Ya lo escalé", "qué pasó aquí")', 'es-ES',
      /(?<!\p{L})(ya (?:lo )?(?:intenté|escalé|cerré)|lo intenté \S+ veces|qué pasó aquí|que quedó resuelto)(?!\p{L})/iu],
    ['es-ES: Latin-American words ("costo", "rentar", "me declinaron", "¡Buena tarde!", "Regresé", "en línea")', 'es-ES',
      /(?<!\p{L})(costos?|rentar|renta de autos|declinaron|buena tarde|regresé|una selfie|en línea)(?!\p{L})/iu],
    ['es-MX: the Spain-only "caducidad"', 'es-MX', /caducidad/iu],
    ['en-US: British words ("brilliant", "Hiya", "sort code", "my mobile", "Speak soon")', 'en-US', /\b(brilliant|hiya|sort code|my mobile|speak soon)\b/iu],
  ])('writes no word of the other variety: %s', (_name, dialect, re) => {
    expect(hits(inDialect(dialect), re)).toEqual([]);
  });

  it.each([
    ['es-ES', 'Ya lo intenté 8 veces y ya lo escalé.'],
    ['es-ES', '¿La tarjeta extra tiene costo?'],
    ['es-ES', 'Me declinaron mi tarjeta.'],
    ['es-ES', '¡Buena tarde!'],
    ['es-MX', 'Revisa la fecha de caducidad.'],
    ['en-US', 'Thank you, that\'s brilliant.'],
    ['en-US', 'Hiya, someone stole my mobile.'],
    ['en-US', 'Use your account number and sort code.'],
  ])('the dialect_leak check flags the review\'s examples: %s "%s"', (dialect, text) => {
    expect(dialectLeak([{ text }], dialect)).toBeDefined();
  });

  it.each([
    ['es-ES', 'Lo he intentado 8 veces y ya lo he escalado; ¿tiene algún coste? ¡Buenas tardes!'],
    ['es-MX', 'Revisa la fecha de vencimiento.'],
    ['en-GB', 'Thank you, that\'s brilliant. Hiya, my mobile and sort code. Speak soon.'],
  ])('the dialect_leak check leaves the native form alone: %s "%s"', (dialect, text) => {
    expect(dialectLeak([{ text }], dialect)).toBeUndefined();
  });
});
