// A small English/Spanish detector: stopword votes plus Spanish-only characters (ñ ¿ ¡ accents).
import { tokenize } from './text.js';

export type DetectedLanguage = 'en' | 'es' | 'unknown';

// Only words that are not also common in the other language ("no", "me", "a" are left out).
const EN = new Set(
  'the and is are was were my i i\'m you your to it it\'s of for this that have has had with can could what how why when where not be do does did been on will would please thanks thank hello hi there if from get got still just money card account yet any should which who'.split(
    ' ',
  ),
);
const ES = new Set(
  'el la los las de que y en un una mi mis por para con es está están se lo del al como qué cómo cuándo dónde pero tarjeta cuenta dinero hola gracias puedo tengo usted su sus muy ya cuando donde porque también estoy hay fue era sido tiene quiero necesito ayuda todavía aún sobre desde'.split(
    ' ',
  ),
);
const ES_CHARS = /[ñ¿¡áéíóúü]/giu;

export interface LanguageScore {
  language: DetectedLanguage;
  en: number;
  es: number;
}

/**
 * Detects the language of one text. Undecided ('unknown') when there is too little evidence or the
 * votes are close, so short turns ("ok", "gracias!") never count as mismatches on their own.
 */
export function detectLanguage(text: string): LanguageScore {
  let en = 0;
  let es = 0;
  for (const t of tokenize(text)) {
    if (EN.has(t)) en++;
    if (ES.has(t)) es++;
  }
  es += 2 * (text.match(ES_CHARS)?.length ?? 0);
  const total = en + es;
  let language: DetectedLanguage = 'unknown';
  if (total >= 2) {
    if (en >= 2 * es + 1) language = 'en';
    else if (es >= 2 * en + 1) language = 'es';
  }
  return { language, en, es };
}
