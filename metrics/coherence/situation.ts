// Facts a conversation fixes once and a later sentence breaks (round 7, review 2026-12-06): the time of day, where
// cash was taken out, what a payment at the named merchant costs, which merchant it was, where the customer lives,
// and the intent's own situation ("I withdrew £620" when the withdrawal was declined).
import { merchantKindsIn } from '../../util/merchant-kinds.js';
import { LIVES_ABROAD, NEAR_HOME } from '../../util/residence.js';
import { adviceRepeated, hypotheticalEvent, nameMissed, waitPassed } from './repeated-advice.js';
import { ceilingAsAmount, conditionalSettled, ownActionDoubted } from './settled.js';

type Turns = ReadonlyArray<{ speaker: string; text: string }>;

const customerText = (turns: Turns): string => turns.filter((t) => t.speaker === 'customer').map((t) => t.text).join(' \n ');

// Greetings and wishes that name a time of day; "good day"/"buen día" fits morning or afternoon, not the evening.
const CLOCK_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['morning', /(?<!\p{L})(good morning|buenos días|morning!)(?!\p{L})/iu],
  ['afternoon', /(?<!\p{L})(good afternoon|buenas tardes|buena tarde|lovely afternoon)(?!\p{L})/iu],
  ['evening', /(?<!\p{L})(good evening|good night|lovely evening|great evening|good evening|buenas noches|buena noche|tonight)(?!\p{L})/iu],
  ['day', /(?<!\p{L})((?:have|enjoy) (?:a |the )?(?:good|great|lovely|nice) day|buen día)(?!\p{L})/iu],
];

const LATER_TODAY = /(?<!\p{L})(?:today|this morning|hoy|esta mañana)(?!\p{L})[^.?!\n]*?(?:(?<!\d)(?:[1-9]|1[01]):\d\d pm|(?<!\d)(?:1[2-9]|2[0-3]):\d\d(?! ?[ap]m))/iu;

/** Two times of day in one conversation ("Buenas noches" → "¡Buena tarde!"), or undefined. */
export function clockClash(turns: Turns): string | undefined {
  const all = turns.map((t) => t.text).join(' \n ');
  const named = CLOCK_WORDS.filter(([, re]) => re.test(all)).map(([n]) => n);
  const times = new Set(named.filter((n) => n !== 'day'));
  if (times.size > 1 || (named.includes('day') && times.has('evening'))) return `times of day: ${named.join(', ')}`;
  // "Good morning… earlier today at 9:40 pm": an hour of today that has not come yet.
  if (times.has('morning')) return LATER_TODAY.exec(all)?.[0];
  return undefined;
}

const HOME_MONEY: Record<string, RegExp> = {
  'en-GB': /£\s?\d[\d,.]*/u,
  'en-US': /(?<![\p{L}$])\$\s?\d[\d,.]*/u,
  'es-ES': /\d[\d.,]*\s?€/u,
  'es-MX': /(?<![\p{L}$])\$\s?\d[\d,.]*(?:\s?pesos(?! colombianos| argentinos| chilenos))?/u,
};
const HOME_COUNTRY: Record<string, RegExp> = {
  'en-GB': /^(the UK|UK|England|Scotland|Wales|Britain)$/u,
  'en-US': /^(the US|US|USA|America|the States)$/u,
  'es-ES': /^(España)$/u,
  'es-MX': /^(México|Mexico)$/u,
};
// Where the account's own currency comes out of the machine too: "Retiré 70 € en Italia" is no clash for es-ES.
const SAME_CURRENCY: Record<string, RegExp> = {
  'es-ES': /^(Francia|Italia|Alemania|Portugal|Grecia|Países Bajos|Irlanda|Bélgica|Croacia|Austria|Finlandia|Malta|Chipre)$/u,
};
const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December|Enero|Febrero)$/u;
const WITHDRAW = /(?<!\p{L})(withdr\p{L}*|cashpoint|cash machine|retiros?|reintegros?|took out|take out|taking out|sacar|saqué|sacó|retiré|retirar|ATM|cajero)(?!\p{L})/iu;
const EQUIVALENT = /(?<!\p{L})(equivalent|worth|equivalente)(?!\p{L})/iu;

/** A home-currency cash amount taken out in a named foreign country ("I withdrew £620 in Indonesia"), or undefined. */
export function cashAbroad(turns: Turns, dialect: string | undefined): string | undefined {
  const money = dialect ? HOME_MONEY[dialect] : undefined;
  const home = dialect ? HOME_COUNTRY[dialect] : undefined;
  if (!money || !home) return undefined;
  for (const sentence of customerText(turns).split(/(?<=[.?!])\s+/u)) {
    if (!WITHDRAW.test(sentence) || !money.test(sentence) || EQUIVALENT.test(sentence)) continue;
    const place = /(?<!\p{L})(?:in|en) ((?:the )?\p{Lu}[\p{L}]+(?: \p{Lu}\p{L}+)?)/u.exec(sentence.slice(money.exec(sentence)?.index ?? 0))?.[1];
    if (place !== undefined && !home.test(place) && !MONTH.test(place) && !SAME_CURRENCY[dialect ?? '']?.test(place)) return sentence;
  }
  return undefined;
}

const NUMBER = /(?<![\p{L}\d])(?:£|\$|€|US\$)?\s?(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(?:€|pesos|euros|dollars|pounds)?/gu;
const FEE_BEFORE = /(fee|charge|comisión|cargo(?: extra)?|tarifa)(?: of| de)?\s*$/iu;

/** The numbers of the money amounts in a text, in the units written (grouping and decimal marks read per language). */
export function amountsIn(text: string, lang: 'en' | 'es'): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    if (!/[£$€]|pesos|euros|dollars|pounds/u.test(raw)) continue;
    if (FEE_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index))) continue;
    const digits = m[1] as string;
    // es-ES writes "1.425,50 €", en and es-MX "1,425.50".
    const comma = lang === 'es' && /€/u.test(raw);
    const n = comma ? Number(digits.replace(/\./gu, '').replace(',', '.')) : Number(digits.replace(/,/gu, ''));
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/** A customer turn that names a kind of merchant and an amount far above what a payment there costs, or undefined. */
export function implausibleAmount(turns: Turns, lang: 'en' | 'es', dialect: string | undefined): string | undefined {
  const scale = dialect === 'es-MX' ? 18 : 1;
  for (const t of turns) {
    if (t.speaker !== 'customer') continue;
    const kinds = merchantKindsIn(t.text);
    // At a cash machine the place is where, not what was bought: a withdrawal's amount has no merchant's band.
    if (kinds.length === 0 || WITHDRAW.test(t.text)) continue;
    const hi = Math.max(...kinds.map((k) => k.band[1]));
    const top = Math.max(0, ...amountsIn(t.text, lang));
    if (top > hi * scale * 1.5) return `${top} at ${kinds.map((k) => k.name).join('/')}: ${t.text}`;
  }
  return undefined;
}

/** The first message names two different kinds of merchant for what reads as one payment ("my gym… £1,425 from a hotel"). */
export function merchantClash(turns: Turns): string | undefined {
  const first = turns.find((t) => t.speaker === 'customer')?.text ?? '';
  const kinds = new Set(merchantKindsIn(first).map((k) => k.name));
  return kinds.size > 1 ? `${[...kinds].join(' + ')}: ${first}` : undefined;
}

// What a customer under each intent cannot say: a withdrawal that was declined was not made; a payment the customer
// does not recognise was not bought by them; a refused beneficiary's money went nowhere.
const CLAIMS_WITHDRAWAL = /(?<!\p{L})(I withdrew|I took out|(?<!no |nunca )saqué|(?<!no |nunca )retiré)(?!\p{L})/iu;
const CLAIMS_PURCHASE = /(?<!\p{L})(I bought it|I ordered it|I paid for it|lo compré|la compré|lo pedí|I bought|(?<!nunca |no )compré)(?!\p{L})/iu;
const CLAIMS_ARRIVAL = /(?<!\p{L})(went to|the money arrived|it arrived|le llegó|ya le llegó|se fue a)(?!\p{L})/iu;
const SITUATION: Record<string, RegExp> = {
  declined_cash_withdrawal: CLAIMS_WITHDRAWAL,
  card_payment_not_recognised: CLAIMS_PURCHASE,
  direct_debit_payment_not_recognised: CLAIMS_PURCHASE,
  cash_withdrawal_not_recognised: CLAIMS_WITHDRAWAL,
  beneficiary_not_allowed: CLAIMS_ARRIVAL,
  declined_transfer: CLAIMS_ARRIVAL,
  failed_transfer: CLAIMS_ARRIVAL,
};

/** A customer sentence that presupposes the opposite of the intent's situation, or undefined. */
export function situationClash(intent: string, turns: Turns): string | undefined {
  const re = SITUATION[intent];
  if (!re) return undefined;
  return re.exec(customerText(turns))?.[0];
}

const LIVES = /(?<!\p{L})(?:I live in|I'm living in|I am living in|I'm based in|I am based in|I reside in|[Vv]ivo en|[Rr]esido en|[Rr]adico en)\s+((?:the )?\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)/u;

/** The customer lives somewhere a customer of this variety would not ("es-MX … vivo en Bolivia"), or undefined. */
export function residenceOdd(turns: Turns, dialect: string | undefined): string | undefined {
  const near = dialect ? [...(NEAR_HOME[dialect] ?? []), ...(LIVES_ABROAD[dialect] ?? [])] : undefined;
  const home = dialect ? HOME_COUNTRY[dialect] : undefined;
  const place = LIVES.exec(customerText(turns))?.[1];
  return near && home && place !== undefined && !home.test(place) && !near.includes(place) ? `${dialect} customer lives in ${place}` : undefined;
}

/**
 * The first fact a conversation breaks, of those above, or undefined: the `fact_clash` check of validate/conversations
 * (one check for one idea — a fact fixed once and contradicted later — so one gate holds them all).
 */
export function factClash(c: { intent?: string; language?: string; meta?: { dialect?: string }; turns: Turns }): string | undefined {
  const dialect = c.meta?.dialect;
  const lang = c.language === 'es' ? 'es' : 'en';
  return (
    clockClash(c.turns) ??
    cashAbroad(c.turns, dialect) ??
    implausibleAmount(c.turns, lang, dialect) ??
    merchantClash(c.turns) ??
    (c.intent ? situationClash(c.intent, c.turns) : undefined) ??
    residenceOdd(c.turns, dialect) ??
    adviceRepeated(c.turns) ??
    nameMissed(c.turns) ??
    hypotheticalEvent(c.turns) ??
    waitPassed(c.turns) ??
    conditionalSettled(c.turns) ??
    ceilingAsAmount(c.turns) ??
    ownActionDoubted(c.turns)
  );
}
