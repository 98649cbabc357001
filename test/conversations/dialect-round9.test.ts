// Dialect wording found by the round-9 pre-reviews (seeds 301/302): es-ES perfect after "ya", es-MX "la terminal" and
// "Agregar dinero", en-US "on vacation"; asserted on the rewrite and over generated conversations.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { dialectWording } from '../../providers/offline/conversations/dialect.js';
import { dialectLeak } from '../../metrics/coherence/dialect-words.js';

const many = generateClean(3000, 909);
const inDialect = (d: string) => many.filter((c) => c.meta?.dialect === d);
const sentences = (d: string) => inDialect(d).flatMap((c) => c.turns.flatMap((t) => t.text.split(/(?<=[.!?])\s+/u)));

describe('dialect wording after the round-9 pre-reviews', () => {
  it('writes what has just happened in the perfect in es-ES ("ya he enviado", "ya ha salido"), keeping a finished time in the preterite', () => {
    expect(dialectWording('Ya envié el dinero y ya salió de mi cuenta.', 'es-ES')).toBe('Ya he enviado el dinero y ya ha salido de mi cuenta.');
    expect(dialectWording('¿Ya me llegó? Ya lo intentaste y ya lo envió.', 'es-ES')).toBe('¿Ya me ha llegado? Ya lo has intentado y ya lo ha enviado.');
    expect(dialectWording('Ya hice todo; ya se devolvieron.', 'es-ES')).toBe('Ya he hecho todo; ya se han devuelto.');
    expect(dialectWording('Ayer ya lo envié. Ya está, ya existe, ya aquí.', 'es-ES')).toBe('Ayer ya lo envié. Ya está, ya existe, ya aquí.');
    expect(dialectWording('Ya envié el dinero.', 'es-MX')).toBe('Ya envié el dinero.');
    expect(dialectWording('Hoy algo no sirve con mi contador.', 'es-ES')).toBe('Hoy algo no funciona con mi gestor.');
    expect(dialectWording('¿Cuáles divisas aceptan? Abrí un ticket. ¿Cuáles son?', 'es-ES')).toBe('¿Qué divisas aceptan? He abierto un ticket. ¿Cuáles son?');
    expect(dialectWording('¿Cuáles divisas aceptan?', 'es-MX')).toBe('¿Cuáles divisas aceptan?');
    const finished = /(?<!\p{L})(?:ayer|anoche|anteayer|el (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|hace \S+ (?:días|semanas|meses)|el día \d+|la semana pasada|el mes pasado)(?!\p{L})/iu;
    const preterite = /(?<!\p{L})ya (?:(?:me|te|se|lo|la|los|las|le|les|nos) ){0,2}(?:envié|revisé|pasé|bloqueé|congelé|hice|salió|llegó|pasó|falló|completó|devolvió|devolvieron|intentaste|intenté|pedí)(?!\p{L})/iu;
    const spain = sentences('es-ES');
    expect(spain.some((s) => /(?<!\p{L})ya (?:(?:me|te|se|lo|la) ){0,2}(?:he|ha|han|has) /iu.test(s))).toBe(true);
    expect(spain.filter((s) => preterite.test(s) && !finished.test(s))).toEqual([]);
  });

  it('says "la terminal", "Agregar dinero" and "renta de autos" in es-MX', () => {
    expect(dialectWording('Si el terminal ofreció su moneda, vaya a Añadir dinero → Límites; como en el alquiler de vehículos.', 'es-MX')).toBe(
      'Si la terminal ofreció su moneda, vaya a Agregar dinero → Límites; como en la renta de autos.',
    );
    expect(dialectWording('Ve a Añadir dinero.', 'es-ES')).toBe('Ve a Añadir dinero.');
    const mexico = sentences('es-MX');
    expect(mexico.filter((s) => /(?<!\p{L})(?:el terminal|añadir dinero|alquiler de (?:vehículos|coches))(?!\p{L})/iu.test(s))).toEqual([]);
    expect(mexico.some((s) => /Agregar dinero/u.test(s))).toBe(true);
  });

  it('says "on vacation" and "stop this from happening" in en-US, and counts the British forms as a dialect leak', () => {
    expect(dialectWording('I was in Spain on holiday. How do I stop this happening?', 'en-US')).toBe('I was in Spain on vacation. How do I stop this from happening?');
    expect(dialectWording('I was in Spain on holiday.', 'en-GB')).toBe('I was in Spain on holiday.');
    expect(dialectWording("Can you post me a card? The PIN is never posted with it; I'd like one posted to me.", 'en-US')).toBe(
      "Can you mail me a card? The PIN is never mailed with it; I'd like one mailed to me.",
    );
    expect(dialectWording('When will the payment post?', 'en-US')).toBe('When will the payment post?');
    // Blind reviews 2026-12-09/10.
    expect(dialectWording("Will you add more currencies in future? I am none the wiser. It's itemised. It is usually down to the bank. Pay the cheque in at another bank; I paid in a cheque.", 'en-US')).toBe(
      "Will you add more currencies in the future? I'm still confused. It's itemized. It usually comes down to the bank. Deposit the check at another bank; I deposited a check.",
    );
    expect(dialectWording('Will you add more currencies in future?', 'en-GB')).toBe('Will you add more currencies in future?');
    expect(dialectLeak([{ text: 'I was in Spain on holiday.' }], 'en-US')).toMatch(/on holiday/u);
    expect(dialectLeak([{ text: 'Ya envié el dinero.' }], 'es-ES')).toMatch(/ya envié/iu);
    expect(dialectLeak([{ text: 'Pagué en el terminal.' }], 'es-MX')).toMatch(/el terminal/u);
    expect(sentences('en-US').filter((s) => /\bon holiday\b|\bstop (?:this|it) happening\b/iu.test(s))).toEqual([]);
  });
});
