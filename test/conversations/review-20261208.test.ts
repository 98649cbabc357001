// Fixes after the blind review of 2026-12-08 (bench/review/review-20261208.md), each over many drawn conversations.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { messageKind, reportsTrouble } from '../../providers/offline/conversations/acts.js';
import { dialectWording } from '../../providers/offline/conversations/dialect.js';

const many = generateClean(3000, 1208);
const show = (c: (typeof many)[number]): string => c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ');

describe('offline conversations: after the 2026-12-08 review', () => {
  it('asks "And if it happens again?" only after a first message that reported a problem (#76)', () => {
    const again = /(if it happens again|vuelve a pasar|vuelve a ocurrir)/iu;
    const asked = many.filter((c) => c.turns.slice(2).some((t) => t.speaker === 'customer' && again.test(t.text)));
    expect(asked.length).toBeGreaterThan(2);
    const lang = (c: (typeof many)[number]) => c.language as 'en' | 'es';
    const plain = asked.filter((c) => {
      const first = c.turns[0]?.text ?? '';
      const k = messageKind(first, lang(c));
      // Plain: a question with no trouble, no negation and no charge in it (paraphrase may reword "me cobraron" to
      // "me quitaron", which the generator read before rewording).
      return (k === 'open' || k === 'yesno') && !reportsTrouble(first, lang(c)) && !/(?<!\p{L})(no|not|didn't|never|nunca|cobr\p{L}*|quit\p{L}*|charg\p{L}*|took|taken)(?!\p{L})/iu.test(first);
    });
    expect(plain.map(show)).toEqual([]);
  });

  it('a formal Spanish agent never slips into tú inside a turn ("Escríbanos … y menciona", #76)', () => {
    const formal = many.filter((c) => c.language === 'es' && c.meta.register === 'formal');
    expect(formal.length).toBeGreaterThan(100);
    expect(formal.filter((c) => c.turns.some((t) => t.speaker === 'agent' && /(?<!\p{L})menciona(?!\p{L})/iu.test(t.text))).map(show)).toEqual([]);
  });

  it('never thanks with the calque "Gracias por las palabras" (#54, #91)', () => {
    expect(many.filter((c) => c.turns.some((t) => /gracias por las palabras/iu.test(t.text))).map(show)).toEqual([]);
  });

  it('each locale keeps its own words: en-US "right away", es-MX "ingresar" the PIN, es-ES "hoy a primera hora"', () => {
    expect(dialectWording('We will send it straight away.', 'en-US')).toBe('We will send it right away.');
    expect(dialectWording('We will send it straight away.', 'en-GB')).toBe('We will send it straight away.');
    expect(dialectWording('Introduce el PIN y confirma.', 'es-MX')).toBe('Ingresa el PIN y confirma.');
    expect(dialectWording('Pagué hoy temprano.', 'es-ES')).toBe('Pagué hoy a primera hora.');
    expect(dialectWording('Pagué hoy temprano.', 'es-MX')).toBe('Pagué hoy temprano.');
  });
});
