// Locale mismatches: an amount in a currency that neither the conversation's locale nor a country it names uses,
// a stated home country whose currency is not the account's, or a dialect-only word (CLABE) in the other dialect.

export type Currency = 'GBP' | 'USD' | 'EUR' | 'MXN';

/** The account currency each generator dialect implies. */
const DIALECT_CURRENCY: Record<string, Currency> = { 'en-US': 'USD', 'en-GB': 'GBP', 'es-MX': 'MXN', 'es-ES': 'EUR' };

// Country names (EN and ES) → the currency spent there; only the four currencies the check recognises in amounts.
const EURO = 'spain|españa|france|francia|italy|italia|germany|alemania|portugal|greece|grecia|ireland|irlanda|belgium|bélgica|the netherlands|netherlands|holland|países bajos|austria|finland|finlandia|croatia|croacia|malta|cyprus|chipre|slovakia|slovenia|estonia|latvia|lithuania|luxembourg';
const COUNTRY: Array<[RegExp, Currency]> = [
  [new RegExp(`(?<!\\p{L})(${EURO})(?!\\p{L})`, 'iu'), 'EUR'],
  [/(?<!\p{L})(the uk|united kingdom|uk|england|scotland|wales|britain|reino unido|inglaterra)(?!\p{L})/iu, 'GBP'],
  [/(?<!\p{L})(the us|usa|united states|america|estados unidos|ee\. ?uu\.)(?!\p{L})/iu, 'USD'],
  [/(?<!\p{L})(mexico|méxico)(?!\p{L})/iu, 'MXN'],
];

const AMOUNTS: Array<[RegExp, Currency]> = [
  [/£\s?\d|\d\s?(pounds|gbp)\b/giu, 'GBP'],
  [/€\s?\d|\d\s?(€|euros?\b|eur\b)/giu, 'EUR'],
  [/\$\s?\d[\d.,]*\s*(pesos|mxn)(?!\s+(colombianos|argentinos|chilenos))|\d[\d.,]*\s*(pesos|mxn)(?!\s+(colombianos|argentinos|chilenos))(?!\p{L})/giu, 'MXN'],
  [/(?<!\p{L})us\$\s?\d|\d\s?(us dollars|usd)\b/giu, 'USD'],
];
// A bare "$" is the account's own dollar or peso (Mexicans write "$" for pesos, and a typo can eat "pesos").
const BARE_DOLLAR = /(?<![\p{L}$])\$\s?\d[\d.,]*(?!\d|[\d.,]*\s*(pesos|mxn))/giu;

// "if I live in…" / "si vivo en…" asks about a hypothetical move, not where the customer lives.
const RESIDENCE = /(?<!\p{L})(?<!if |si )(i live in|i'm based in|i am based in|i reside in|i'm living in|vivo en|resido en|radico en)\s+([\p{L} .]{2,30})/iu;

function countryCurrencies(text: string): Set<Currency> {
  const out = new Set<Currency>();
  for (const [re, cur] of COUNTRY) if (re.test(text)) out.add(cur);
  return out;
}

export function amountCurrencies(text: string, account?: Currency): Set<Currency> {
  const out = new Set<Currency>();
  for (const [re, cur] of AMOUNTS) {
    re.lastIndex = 0;
    if (re.test(text)) out.add(cur);
  }
  BARE_DOLLAR.lastIndex = 0;
  if (BARE_DOLLAR.test(text)) out.add(account === 'MXN' ? 'MXN' : 'USD');
  return out;
}

/** Why the conversation's locale is inconsistent, or undefined when it is consistent (or cannot be told). */
export function localeMismatch(turns: ReadonlyArray<{ text: string }>, dialect?: string): string | undefined {
  const all = turns.map((t) => t.text).join(' \n ');
  const residence = RESIDENCE.exec(all);
  const homeCurrencies = residence ? countryCurrencies((residence[2] ?? '').split(/[,.;]/)[0] ?? '') : new Set<Currency>();
  const account: Currency | undefined = (dialect ? DIALECT_CURRENCY[dialect] : undefined) ?? (homeCurrencies.size === 1 ? [...homeCurrencies][0] : undefined);
  if (dialect === 'es-ES' && /\bCLABE\b/u.test(all)) return 'CLABE (a Mexican account number) in es-ES';
  if (account === undefined) return undefined;
  if (residence && homeCurrencies.size > 0 && !homeCurrencies.has(account)) return `lives in ${(residence[2] ?? '').split(/[,.;?!]/)[0]?.trim()} but the account is in ${account}`;
  const named = countryCurrencies(all.replace(RESIDENCE, ''));
  for (const cur of amountCurrencies(all, account)) {
    if (cur !== account && !named.has(cur)) return `amount in ${cur} in a ${account} conversation${dialect ? ` (${dialect})` : ''}`;
  }
  return undefined;
}
