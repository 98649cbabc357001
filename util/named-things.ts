// Currencies, card brands and identity documents a text names, each reduced to one key ("yenes", "JPY", "Japanese
// yen" → JPY): an answer that lists such things must list the one the customer named, or address it by its slot
// (the 2026-12-07 review's #69: "¿Aceptan tarjetas en yenes?" answered with "EUR, USD y MXN").

export type NamedKind = 'currency' | 'brand' | 'document';

interface Name {
  key: string;
  re: RegExp;
}

// Codes are matched in capitals only: "try" is a verb, "TRY" the Turkish lira.
const CODES = /(?<!\p{L})(CAD|AUD|COP|MXN|USD|EUR|GBP|CHF|JPY|PLN|SEK|TRY|THB)(?!\p{L})/gu;

const W = (body: string): RegExp => new RegExp(`(?<![\\p{L}{])(?:${body})(?![\\p{L}}])`, 'giu');

// Longer names first: "Canadian dollars" is CAD, not a US dollar; "pesos colombianos" is not MXN.
const NAMES: Record<NamedKind, readonly Name[]> = {
  currency: [
    { key: 'CAD', re: W('Canadian dollars?|dólares canadienses') },
    { key: 'AUD', re: W('Australian dollars?|dólares australianos') },
    { key: 'COP', re: W('pesos colombianos') },
    { key: 'MXN', re: W('Mexican pesos?|pesos mexicanos') },
    { key: 'USD', re: W('US dollars?|dólares(?: estadounidenses)?|dollars?') },
    { key: 'EUR', re: W('euros?') },
    { key: 'GBP', re: W('pounds?(?: sterling)?|libras(?: esterlinas)?') },
    { key: 'CHF', re: W('Swiss francs?|francos suizos') },
    { key: 'JPY', re: W('(?:Japanese )?yen|yenes') },
    { key: 'PLN', re: W('(?:Polish )?zlotys?|zlotys') },
    { key: 'SEK', re: W('Swedish kron[ao]r?|coronas suecas') },
    { key: 'TRY', re: W('Turkish liras?|liras turcas') },
    { key: 'THB', re: W('Thai baht|baht') },
  ],
  brand: [
    { key: 'AMEX', re: W('American Express|Amex') },
    { key: 'VISA', re: W('Visa') },
    { key: 'MASTERCARD', re: W('Mastercard|MasterCard') },
  ],
  document: [
    { key: 'PASSPORT', re: W('passports?|pasaportes?') },
    { key: 'LICENCE', re: W("driving licen[cs]e|driver'?s licen[cs]e|licencia de conducir|carné de conducir|permiso de conducir") },
    { key: 'ID_CARD', re: W('national ID(?: card)?|ID card|identity card|DNI|INE|cédula|carné de identidad') },
    { key: 'RESIDENCE', re: W('residence permit|permiso de residencia|tarjeta de residencia|NIE') },
  ],
};

// The slot that names the customer's thing in a template: an answer using it addresses what was named.
const SLOT: Record<NamedKind, string> = { currency: '{currency}', brand: '{card_type}', document: '{document}' };

/** The keys of the things of one kind that a text names, longer names consumed first. */
export function namedIn(text: string, kind: NamedKind): Set<string> {
  const out = new Set<string>();
  let rest = text;
  if (kind === 'currency') rest = rest.replace(CODES, (code: string) => (out.add(code), ' '));
  for (const n of NAMES[kind]) {
    rest = rest.replace(n.re, () => {
      out.add(n.key);
      return ' ';
    });
  }
  return out;
}

const KINDS: readonly NamedKind[] = ['currency', 'brand', 'document'];
// Any name of any kind, tested first: most customer messages name none, and then nothing else runs.
const ANY = new RegExp([CODES.source, ...KINDS.flatMap((k) => NAMES[k].map((x) => x.re.source))].join('|'), 'iu');

/** The things of every kind a text names (empty sets for a text that names none). */
export function namesIn(text: string): Record<NamedKind, Set<string>> {
  if (!ANY.test(text)) return { currency: new Set(), brand: new Set(), document: new Set() };
  return { currency: namedIn(text, 'currency'), brand: namedIn(text, 'brand'), document: namedIn(text, 'document') };
}

// Answers are templates that live for the process: what each lists is read once.
const listedCache = new Map<string, Record<NamedKind, Set<string>>>();

/**
 * What the customer named that an answer listing things of the same kind leaves out ("JPY: lists EUR, USD, MXN"),
 * or undefined. An answer that uses the kind's slot, or names none of that kind, misses nothing.
 */
export function missedName(customer: string | Record<NamedKind, Set<string>>, answer: string): string | undefined {
  const named = typeof customer === 'string' ? namesIn(customer) : customer;
  if (named.currency.size + named.brand.size + named.document.size === 0) return undefined;
  let listedAll = listedCache.get(answer);
  if (!listedAll) {
    listedAll = namesIn(answer);
    if (listedCache.size < 50_000) listedCache.set(answer, listedAll);
  }
  for (const kind of KINDS) {
    const mine = named[kind];
    if (mine.size === 0 || answer.includes(SLOT[kind])) continue;
    const listed = listedAll[kind];
    if (listed.size === 0 || [...mine].some((k) => listed.has(k))) continue;
    return `${[...mine].join('/')} named, answer lists ${[...listed].join(', ')}`;
  }
  return undefined;
}
