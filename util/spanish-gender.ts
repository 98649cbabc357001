// The words that mark a Spanish-speaking customer's gender (nerviosa, preocupado, "una clienta"), read and rewritten.
// Shared by the generator, which makes every turn agree with one gender, and the coherence check that counts flips.

export type Gender = 'm' | 'f';

// Adjectives that only ever describe a person: any occurrence in a customer's turn is about the customer.
const PERSON = 'preocupad|nervios|content|confundid|hart|enojad|enfadad|satisfech|encantad|desconcertad|furios|decepcionad|agradecid|aliviad|asustad|estresad|frustrad|convencid';
// Adjectives that also describe things ("esto es molesto", "¿es seguro?"): only after a first-person verb.
const AFTER_VERB = 'tranquil|segur|molest|cansad|atent|perdid|list';
const MOD = '(?:(?:muy|un poco|bastante|súper|super|más|tan|algo|totalmente|nada) )?';
const CUSTOMER: readonly RegExp[] = [
  new RegExp(`(?<!\\p{L})(${PERSON})(o|a)(s?)(?!\\p{L})`, 'giu'),
  new RegExp(`(?<!\\p{L})((?:estoy|estar|me siento|me quedo|quedo|sigo|ando|me tiene|me dejó|me deja) ${MOD}(?:${AFTER_VERB}))(o|a)(s?)(?!\\p{L})`, 'giu'),
  new RegExp(`(?<!\\p{L})(un)(|a)( client)(e|a)(?!\\p{L})`, 'giu'),
  // "¿Puedo cambiarlo yo mismo?": the speaker's own gender, unlike "el mismo día".
  new RegExp(`(?<!\\p{L})(yo mism)(o|a)(s?)(?!\\p{L})`, 'giu'),
];
// The agent's words about the customer: "Tranquila,", "razón en estar molesto". Its own ("Encantado de ayudar") are not.
const AGENT: readonly RegExp[] = [
  new RegExp(`((?:^|[.!?¡]\\s*)tranquil)(o|a)(s?)(?!\\p{L})`, 'giu'),
  new RegExp(`(?<!\\p{L})((?:estar|estés|esté|sientas|sienta) ${MOD}(?:${PERSON}|${AFTER_VERB}))(o|a)(s?)(?!\\p{L})`, 'giu'),
];

const patterns = (role: 'customer' | 'agent'): readonly RegExp[] => (role === 'customer' ? CUSTOMER : AGENT);
// Most turns mark no gender: one plain scan for the stems rules them out before the Unicode patterns run.
const ANY_STEM = new RegExp(`${PERSON}|${AFTER_VERB}|un client|una client|yo mism`, 'i');

/** The genders a turn marks for the customer (empty when it marks none). */
export function genderMarks(text: string, role: 'customer' | 'agent'): Set<Gender> {
  const out = new Set<Gender>();
  if (!ANY_STEM.test(text)) return out;
  for (const re of patterns(role)) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[1]?.toLowerCase() === 'un') out.add(m[2] === '' ? 'm' : 'f');
      else out.add(m[2]?.toLowerCase() === 'o' ? 'm' : 'f');
    }
  }
  return out;
}

/** The turn with every customer-marking word in `g`: one gender per conversation, whoever writes the turn. */
export function agreeGender(text: string, g: Gender, role: 'customer' | 'agent'): string {
  if (!ANY_STEM.test(text)) return text;
  let t = text;
  for (const re of patterns(role)) {
    re.lastIndex = 0;
    t = t.replace(re, (_m, a: string, b: string, c: string) => {
      if (a.toLowerCase() === 'un') return `${a}${g === 'f' ? 'a' : ''}${c}${g === 'f' ? 'a' : 'e'}`;
      const v = g === 'm' ? 'o' : 'a';
      return `${a}${b !== b.toLowerCase() ? v.toUpperCase() : v}${c}`;
    });
  }
  return t;
}
