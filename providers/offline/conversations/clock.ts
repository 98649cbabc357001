// One time of day per conversation: greetings and wishes that name one are rewritten to it after rendering.
// The 2026-12-06 review found "Buenas noches" answered "¡Buena tarde!": each pool draws its own time of day.
import type { Rng } from '../../../util/rng.js';

export type Clock = 'morning' | 'afternoon' | 'evening';

/** The hour a conversation happens at, and so the latest hour "earlier today" can name. */
export const NOW_HOUR: Record<Clock, number> = { morning: 11, afternoon: 18, evening: 23 };

/** Drawn once, from a fork of the conversation's RNG so the other draws stay as they were. */
export function pickClock(rng: Rng): Clock {
  const r = rng.int(0, 99);
  return r < 40 ? 'morning' : r < 75 ? 'afternoon' : 'evening';
}

type Rule = readonly [RegExp, Record<Clock, string>];
const L = '\\p{L}';
const w = (phrase: string): RegExp => new RegExp(`(?<!${L})(?:${phrase})(?!${L})`, 'giu');

// Written in the shared forms dialect.ts expects afterwards (es-ES turns "buen día" into "un buen día"/"buenos días").
const RULES: Record<'en' | 'es', readonly Rule[]> = {
  en: [
    [w('good morning|good afternoon|good evening'), { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' }],
    // The wish keeps its adjective ("Have a lovely evening" → "Have a lovely day"): $1 is it.
    [w('have a (lovely|good|great|nice) (?:day|afternoon|evening)'), { morning: 'Have a $1 day', afternoon: 'Have a $1 day', evening: 'Have a $1 evening' }],
    // "Enjoy the rest of your day" to someone writing at night (review 2026-12-07 #62, its Spanish twin).
    [w('the rest of your (?:day|evening)'), { morning: 'the rest of your day', afternoon: 'the rest of your day', evening: 'the rest of your evening' }],
  ],
  es: [
    // The Mexican greeting "Hola, buen día" is a greeting, not a wish: "Hola, buenas noches" in the evening.
    [w('hola, buen día'), { morning: 'Hola, buen día', afternoon: 'Hola, buenas tardes', evening: 'Hola, buenas noches' }],
    [w('buenos días|buenas tardes|buenas noches'), { morning: 'Buenos días', afternoon: 'Buenas tardes', evening: 'Buenas noches' }],
    // A wish: "¡Que tengas buen día!", "¡Buen día!", the Mexican "¡Buena tarde!".
    [w('buen día|buena tarde|buena noche'), { morning: 'buen día', afternoon: 'buena tarde', evening: 'buena noche' }],
    [w('el resto del día|el resto de la tarde|el resto de la noche'), { morning: 'el resto del día', afternoon: 'el resto de la tarde', evening: 'el resto de la noche' }],
  ],
};
const PROBE = /good (?:morning|afternoon|evening)|have a|rest of|buen|buena|resto/iu;

/** The text with every time-of-day greeting and wish naming `clock`; the case of the first letter is kept. */
export function clockWording(text: string, clock: Clock, lang: 'en' | 'es'): string {
  if (!PROBE.test(text)) return text;
  let t = text;
  for (const [re, by] of RULES[lang]) {
    re.lastIndex = 0;
    t = t.replace(re, (m: string, adj?: string) => keepFirstCase(m, by[clock].replace('$1', typeof adj === 'string' ? adj : '')));
  }
  return t;
}

function keepFirstCase(original: string, replacement: string): string {
  const upper = original[0] !== original[0]?.toLowerCase();
  const first = replacement[0] ?? '';
  return (upper ? first.toUpperCase() : first.toLowerCase()) + replacement.slice(1);
}
