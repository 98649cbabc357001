// Slot values (amounts, merchants, dates…) drawn once per conversation so every turn agrees on them.
import type { Rng } from '../../../util/rng.js';
import { merchantKindOf, type MerchantKind } from '../../../util/merchant-kinds.js';
import { LIVES_ABROAD, NEAR_HOME } from '../../../util/residence.js';
import { NOW_HOUR, type Clock } from './clock.js';
import { templateText, type Template } from './template.js';

/** Which spelling of money, phones and places a conversation uses. */
export type Dialect = 'en-US' | 'en-GB' | 'es-MX' | 'es-ES';

export type SlotTables = Record<string, Record<string, readonly string[]>>;

const money: Record<Dialect, (v: number) => string> = {
  'en-US': (v) => `$${fmtEn(v)}`,
  'en-GB': (v) => `£${fmtEn(v)}`,
  // "$6,786 pesos" says the currency twice (review 2026-12-06): Mexico writes "$6,786" for pesos.
  'es-MX': (v) => `$${fmtEn(v)}`,
  'es-ES': (v) => `${fmtEs(v)} €`,
};

// By hand like fmtEs: toLocaleString went through ICU on every amount (6 % of generation time).
function fmtEn(v: number): string {
  const [int, dec] = v.toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return Number.isInteger(v) ? grouped : `${grouped}.${dec}`;
}

// Written by hand instead of toLocaleString('es-ES'): ICU builds differ across hosts and outputs must not.
function fmtEs(v: number): string {
  const [int, dec] = v.toFixed(2).split('.') as [string, string];
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return Number.isInteger(v) ? grouped : `${grouped},${dec}`;
}

/** Where each dialect's customer lives and what their account is in: residence is never drawn from the travel list. */
const HOME: Record<Dialect, { country: string; currency: string }> = {
  'en-US': { country: 'the US', currency: 'US dollars' },
  'en-GB': { country: 'the UK', currency: 'pounds' },
  'es-MX': { country: 'México', currency: 'pesos mexicanos' },
  'es-ES': { country: 'España', currency: 'euros' },
};

// Country → the currency spent there, so "I was in Japan… paid in {currency}" says yen (names as in the slot tables).
const EURO_EN = ['Spain', 'France', 'Italy', 'Germany', 'Portugal', 'Greece', 'the Netherlands', 'Ireland', 'Belgium', 'Austria', 'Finland', 'Croatia', 'Malta', 'Cyprus'];
const EURO_ES = ['España', 'Francia', 'Italia', 'Alemania', 'Portugal', 'Grecia', 'Países Bajos', 'Irlanda', 'Bélgica', 'Croacia'];
const CURRENCY_OF: Record<'en' | 'es', ReadonlyMap<string, string>> = {
  en: new Map<string, string>([
    ...EURO_EN.map((c) => [c, 'euros'] as [string, string]),
    ['the US', 'US dollars'], ['Mexico', 'Mexican pesos'], ['Japan', 'Japanese yen'], ['Switzerland', 'Swiss francs'], ['Canada', 'Canadian dollars'],
    ['Poland', 'Polish zloty'], ['Sweden', 'Swedish krona'], ['Australia', 'Australian dollars'], ['Turkey', 'Turkish lira'], ['Thailand', 'Thai baht'],
  ]),
  es: new Map<string, string>([
    ...EURO_ES.map((c) => [c, 'euros'] as [string, string]),
    ['Estados Unidos', 'dólares'], ['México', 'pesos mexicanos'], ['Colombia', 'pesos colombianos'], ['Japón', 'yenes'], ['Suiza', 'francos suizos'],
    ['Canadá', 'dólares canadienses'], ['Polonia', 'zlotys'], ['Suecia', 'coronas suecas'], ['Turquía', 'liras turcas'], ['Reino Unido', 'libras esterlinas'],
  ]),
};

/** Slots whose value the agent may state first (its own facts); every other slot is the customer's to give. */
// A fee is the customer's to name: "That £2.50 is our fee" to someone who never mentioned one invents a fact.
export const AGENT_SLOTS: ReadonlySet<string> = new Set(['hours', 'days']);

/**
 * Per-conversation slot binder: the first use of a slot draws it, later uses repeat it. It also remembers which
 * slots the customer has said, so the agent never mentions a fact (a recipient, an amount) nobody gave it.
 */
export class SlotBinder {
  private readonly bound = new Map<string, string>();
  private readonly said = new Set<string>();
  constructor(
    private readonly rng: Rng,
    private readonly dialect: Dialect,
    private readonly tables: SlotTables,
    /** Cash from an ATM: amounts are what a machine pays out, in notes ("sacar 77,98 €" was a giveaway). */
    private readonly cashNotes = false,
    /** The conversation's time of day: "earlier today at 9:40 pm" cannot be said in the morning. */
    private readonly clock?: Clock,
  ) {}

  /** The words of the template being rendered, and everything the customer said before it. */
  private scope = '';
  private heard = '';
  /** The number behind each amount slot drawn, so a merchant drawn after it can fit it. */
  private readonly values = new Map<string, number>();

  /**
   * Renders one customer template with its words as context: an amount follows the merchant the sentence names, a
   * merchant follows the kind the customer named, and cash taken out abroad in the home currency is an equivalent.
   */
  within(t: Template, render: () => string): string {
    this.scope = wordsOf(t);
    const text = this.abroad(render());
    this.scope = '';
    this.heard += ` ${text}`;
    return text;
  }

  get(name: string): string {
    let v = this.bound.get(name);
    if (v === undefined) {
      v = this.draw(name);
      this.bound.set(name, v);
    }
    return v;
  }

  /** The value, noted as said by the customer. */
  say(name: string): string {
    this.said.add(name);
    return this.get(name);
  }

  hasSaid(name: string): boolean {
    return this.said.has(name);
  }

  /** What has been said so far, to take back a sentence rendered and then left out. */
  saidSoFar(): ReadonlySet<string> {
    return new Set(this.said);
  }

  /** Forgets what was said after `before`: a dropped sentence must not let the agent name its facts. */
  unsayAfter(before: ReadonlySet<string>): void {
    for (const n of [...this.said]) if (!before.has(n)) this.said.delete(n);
  }

  private draw(name: string): string {
    if (!this.cashNotes || (name !== 'amount' && name !== 'amount2')) return this.drawPlain(name);
    return money[this.dialect](this.dialect === 'es-MX' ? this.rng.int(2, 150) * 100 : this.rng.int(2, 80) * 10);
  }

  private drawPlain(name: string): string {
    const r = this.rng;
    const scale = this.dialect === 'es-MX' ? 18 : 1;
    switch (name) {
      case 'amount': {
        const kind = this.spentAt();
        const base = kind ? inBand(r, kind.band) : r.chance(0.4) ? r.int(5, 99) + r.int(0, 99) / 100 : r.chance(0.7) ? r.int(10, 400) : r.int(2, 60) * 25;
        return this.amount(name, Math.round(base * scale * 100) / 100);
      }
      case 'large_amount': {
        // Source-of-funds checks are for large deposits ("for amounts like £14.09" was a giveaway).
        const base = r.int(30, 400) * 100 + (r.chance(0.3) ? r.int(1, 99) * 10 : 0);
        return money[this.dialect](base * scale);
      }
      case 'amount2': {
        const kind = this.spentAt();
        const base = kind ? inBand(r, kind.band) : r.int(3, 250) + (r.chance(0.5) ? r.int(1, 99) / 100 : 0);
        return this.amount(name, Math.round(base * scale * 100) / 100);
      }
      case 'fee': {
        const base = r.pick([0.5, 1, 1.5, 2, 2.5, 3, 0.99, 1.99, 4.5]);
        return money[this.dialect](Math.round(base * (this.dialect === 'es-MX' ? 15 : 1) * 100) / 100);
      }
      case 'days':
        return String(r.int(2, 12));
      case 'hours':
        return String(r.pick([2, 3, 4, 5, 6, 8, 10, 12, 24, 36, 48]));
      case 'digits':
        return String(r.int(0, 9999)).padStart(4, '0');
      case 'ref':
        return `${r.pick(['TX', 'TR', 'PAY', 'REF'])}-${r.int(100000, 999999)}`;
      case 'time': {
        // The hour agrees with a day already given ("late last night at about 2:05 pm" was a contradiction).
        const day = this.bound.get('date') ?? '';
        const [lo, hi] = /night|evening|noche/iu.test(day) ? [19, 23] : /morning|mañana|temprano|primera hora/iu.test(day) ? [7, 11] : /afternoon|tarde|lunch|mediodía/iu.test(day) ? [12, 18] : [7, 22];
        // Today's hour is before now: "earlier today at 9:40 pm" is not said in the morning.
        const today = /today|this morning|hoy|esta mañana/iu.test(day) && this.clock !== undefined;
        const h = r.int(lo, today ? Math.max(lo, Math.min(hi, NOW_HOUR[this.clock as Clock] - 1)) : hi);
        const m = r.pick(['00', '05', '10', '15', '20', '30', '40', '45', '50', '55']);
        return this.dialect.startsWith('en') ? `${h > 12 ? h - 12 : h}:${m} ${h >= 12 ? 'pm' : 'am'}` : `${h}:${m}`;
      }
      case 'home':
        return HOME[this.dialect].country;
      case 'country':
        return this.country();
      case 'currency':
        return this.currency();
      case 'merchant':
        return this.merchant();
      case 'date':
        // Half the time a calendar date, so two customers rarely name the same day in the same words.
        return r.chance(0.5) ? calendarDate(this.dialect, r) : this.fromTable(name);
      default:
        return this.fromTable(name);
    }
  }

  /** A country other than home; when a currency is already bound, one that uses it if the table has one. */
  private country(): string {
    const lang = this.dialect.slice(0, 2) as 'en' | 'es';
    const all = this.table('country').filter((c) => c !== HOME[this.dialect].country);
    // Where the customer lives is where someone of this variety plausibly lives ("es-MX… vivo en Bolivia" read odd).
    if (LIVES.test(this.scope)) {
      const list = (HYPOTHETICAL.test(this.scope) ? NEAR_HOME : LIVES_ABROAD)[this.dialect] ?? [];
      const near = all.filter((c) => list.includes(c));
      if (near.length > 0) return this.rng.pick(near);
    }
    const cur = this.bound.get('currency');
    const matching = cur === undefined ? [] : all.filter((c) => CURRENCY_OF[lang].get(c) === cur);
    return this.rng.pick(matching.length > 0 ? matching : all);
  }

  /** A foreign currency: the bound country's own when known, else any but the account's. */
  private currency(): string {
    const lang = this.dialect.slice(0, 2) as 'en' | 'es';
    const country = this.bound.get('country');
    const own = country === undefined ? undefined : CURRENCY_OF[lang].get(country);
    if (own !== undefined && own !== HOME[this.dialect].currency) return own;
    return this.rng.pick(this.table('currency').filter((c) => c !== HOME[this.dialect].currency));
  }

  /**
   * Whether a sentence fits the facts already drawn. Its merchant fits the amount: "Who is this direct debit for £165? I cancelled my
   * gym months ago" names a kind where £165 is no payment (its band's top, with half again for a pricey one).
   */
  fits(t: Template): boolean {
    const v = this.values.get('amount');
    const kind = v === undefined || this.cashNotes ? undefined : kindOfTemplate(t);
    if (kind !== undefined && (v as number) > kind.band[1] * (this.dialect === 'es-MX' ? 18 : 1) * 1.5) return false;
    // One merchant per payment: "a direct debit from a vending machine… I cancelled my gym" names two.
    const merchant = this.bound.get('merchant');
    const own = merchant === undefined ? undefined : kindOfValue(merchant);
    const named = own === undefined ? undefined : kindOfTemplate(t);
    if (named !== undefined && named !== own) return false;
    // Nor does a customer go on to live in the country a question already named ("I'm in Colombia. I live in Colombia").
    const country = this.bound.get('country');
    if (country === undefined || !LIVES.test(wordsOf(t))) return true;
    return [...(NEAR_HOME[this.dialect] ?? []), ...(LIVES_ABROAD[this.dialect] ?? [])].includes(country);
  }

  /** A money value for an amount slot, remembered as a number for the merchant drawn after it. */
  private amount(name: string, v: number): string {
    this.values.set(name, v);
    return money[this.dialect](v);
  }

  /** The kind of merchant the sentence, or else the merchant already given, says the money was spent at. */
  private spentAt(): MerchantKind | undefined {
    if (this.cashNotes) return undefined;
    return merchantKindOf(this.scope) ?? merchantKindOf(this.bound.get('merchant') ?? '') ?? merchantKindOf(this.heard);
  }

  /**
   * A merchant of the kind the customer already named ("I cancelled my gym… It was £40 from {merchant}"), else one
   * where an amount already given is a plausible payment, else any.
   */
  private merchant(): string {
    const table = this.table('merchant');
    const named = merchantKindOf(this.scope.replace(/\{merchant\}/gu, '')) ?? merchantKindOf(this.heard);
    if (named) {
      const same = table.filter((m) => kindOfValue(m) === named);
      if (same.length > 0) return this.rng.pick(same);
    }
    const v = this.values.get('amount');
    if (v !== undefined) {
      const scale = this.dialect === 'es-MX' ? 18 : 1;
      const fit = table.filter((m) => {
        const k = kindOfValue(m);
        return k === undefined ? v <= 400 * scale : v <= k.band[1] * scale * 1.5;
      });
      if (fit.length > 0) return this.rng.pick(fit);
    }
    return this.rng.pick(table);
  }

  /**
   * "I withdrew £620 in Indonesia" → "the equivalent of £620": a foreign machine pays out its own currency. Not where
   * that currency is the account's: "the equivalent of 70 €" in Italy makes no sense (review 2026-12-07).
   */
  private abroad(text: string): string {
    const country = this.bound.get('country');
    if (country === undefined || !text.includes(country) || !(this.cashNotes || CASH.test(text))) return text;
    if (CURRENCY_OF[this.dialect.slice(0, 2) as 'en' | 'es'].get(country) === HOME[this.dialect].currency) return text;
    let out = text;
    for (const name of ['amount', 'amount2']) {
      const v = this.bound.get(name);
      if (v === undefined || !out.includes(v) || out.includes(`${EQUIVALENT[this.dialect]} ${v}`)) continue;
      out = out.replace(v, `${EQUIVALENT[this.dialect]} ${v}`);
    }
    return out;
  }

  private table(name: string): readonly string[] {
    const lang = this.dialect.slice(0, 2);
    const table = this.tables[this.dialect]?.[name] ?? this.tables[lang]?.[name];
    if (!table || table.length === 0) throw new Error(`unknown slot {${name}} for ${this.dialect}`);
    return table;
  }

  private fromTable(name: string): string {
    const lang = this.dialect.slice(0, 2);
    const table = this.tables[this.dialect]?.[name] ?? this.tables[lang]?.[name];
    if (!table || table.length === 0) throw new Error(`unknown slot {${name}} for ${this.dialect}`);
    return this.rng.pick(table);
  }
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const DAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAYS_ES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** A calendar day written the way each dialect writes it ("on March 3rd", "el 3 de marzo"). */
function calendarDate(dialect: Dialect, r: Rng): string {
  const d = r.int(1, 28);
  const mi = r.int(0, 11);
  const wd = r.int(0, 6);
  switch (dialect) {
    case 'en-US':
      return r.pick([`on ${MONTHS_EN[mi]} ${d}`, `on ${MONTHS_EN[mi]} ${ordinal(d)}`, `last ${DAYS_EN[wd]}`, `on ${mi + 1}/${d}`, `this past ${DAYS_EN[wd]}`]);
    case 'en-GB':
      return r.pick([`on the ${ordinal(d)} of ${MONTHS_EN[mi]}`, `on ${d} ${MONTHS_EN[mi]}`, `last ${DAYS_EN[wd]}`, `on ${d}/${mi + 1}`, `on ${DAYS_EN[wd]} the ${ordinal(d)}`]);
    case 'es-MX':
      return r.pick([`el ${d} de ${MONTHS_ES[mi]}`, `el ${DAYS_ES[wd]} pasado`, `el ${d}/${mi + 1}`, `el ${DAYS_ES[wd]} ${d}`, `este ${DAYS_ES[wd]}`]);
    case 'es-ES':
      return r.pick([`el ${d} de ${MONTHS_ES[mi]}`, `el ${DAYS_ES[wd]} pasado`, `el día ${d}`, `el ${DAYS_ES[wd]} ${d}`, `el ${d}/${mi + 1}`]);
  }
}

// Templates live for the whole process: their words and merchant kind are computed once.
const words = new WeakMap<Template, string>();
const wordsOf = (t: Template): string => {
  let w = words.get(t);
  if (w === undefined) words.set(t, (w = templateText(t)));
  return w;
};
const templateKinds = new WeakMap<Template, MerchantKind | null>();
function kindOfTemplate(t: Template): MerchantKind | undefined {
  let k = templateKinds.get(t);
  if (k === undefined) templateKinds.set(t, (k = merchantKindOf(wordsOf(t)) ?? null));
  return k ?? undefined;
}

// Slot values are few and drawn thousands of times: each one's kind is looked up once.
const valueKinds = new Map<string, MerchantKind | undefined>();
function kindOfValue(m: string): MerchantKind | undefined {
  if (!valueKinds.has(m)) valueKinds.set(m, merchantKindOf(m));
  return valueKinds.get(m);
}

/** A payment inside a merchant kind's band, with cents on the small ones. */
function inBand(r: Rng, [lo, hi]: readonly [number, number]): number {
  const whole = r.int(lo, hi);
  return hi <= 120 && r.chance(0.5) ? Math.max(lo, whole - 1) + r.int(1, 99) / 100 : whole;
}

const CASH = /(?<!\p{L})(withdr\p{L}*|took out|take out|ATM|cash|sacar|saqué|retiré|cajero|efectivo)(?!\p{L})/iu;
const EQUIVALENT: Record<Dialect, string> = { 'en-US': 'the equivalent of', 'en-GB': 'the equivalent of', 'es-MX': 'el equivalente a', 'es-ES': 'el equivalente a' };
const HYPOTHETICAL = /(?<!\p{L})(if I live|if I move|moving to|residents in|people in|si vivo|viviendo en|si me mudo|me mudo a|me voy a vivir)(?!\p{L})/iu;
const LIVES = /(?<!\p{L})(live in|living in|based in|reside in|resident of|moving to|residents in|people in|vivo en|viviendo en|resido en|radico en|lives in|vive en|me mudo a)(?!\p{L})/iu;

/** Slots computed in code rather than listed in data/grammar/common.json. */
export const COMPUTED_SLOTS: ReadonlySet<string> = new Set(['amount', 'amount2', 'large_amount', 'fee', 'days', 'hours', 'digits', 'ref', 'time', 'home']);
