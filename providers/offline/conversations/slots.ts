// Slot values (amounts, merchants, dates…) drawn once per conversation so every turn agrees on them.
import type { Rng } from '../../../util/rng.js';

/** Which spelling of money, phones and places a conversation uses. */
export type Dialect = 'en-US' | 'en-GB' | 'es-MX' | 'es-ES';

export type SlotTables = Record<string, Record<string, readonly string[]>>;

const money: Record<Dialect, (v: number) => string> = {
  'en-US': (v) => `$${fmtEn(v)}`,
  'en-GB': (v) => `£${fmtEn(v)}`,
  'es-MX': (v) => `$${fmtEn(v)} pesos`,
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
  ) {}

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
        const base = r.chance(0.4) ? r.int(5, 99) + r.int(0, 99) / 100 : r.chance(0.7) ? r.int(10, 400) : r.int(2, 60) * 25;
        return money[this.dialect](Math.round(base * scale * 100) / 100);
      }
      case 'large_amount': {
        // Source-of-funds checks are for large deposits ("for amounts like £14.09" was a giveaway).
        const base = r.int(30, 400) * 100 + (r.chance(0.3) ? r.int(1, 99) * 10 : 0);
        return money[this.dialect](base * scale);
      }
      case 'amount2': {
        const base = r.int(3, 250) + (r.chance(0.5) ? r.int(1, 99) / 100 : 0);
        return money[this.dialect](Math.round(base * scale * 100) / 100);
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
        const [lo, hi] = /night|evening|noche/iu.test(day) ? [19, 23] : /morning|mañana|temprano/iu.test(day) ? [7, 11] : /afternoon|tarde|lunch|mediodía/iu.test(day) ? [12, 18] : [7, 22];
        const h = r.int(lo, hi);
        const m = r.pick(['00', '05', '10', '15', '20', '30', '40', '45', '50', '55']);
        return this.dialect.startsWith('en') ? `${h > 12 ? h - 12 : h}:${m} ${h >= 12 ? 'pm' : 'am'}` : `${h}:${m}`;
      }
      case 'home':
        return HOME[this.dialect].country;
      case 'country':
        return this.country();
      case 'currency':
        return this.currency();
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

/** Slots computed in code rather than listed in data/grammar/common.json. */
export const COMPUTED_SLOTS: ReadonlySet<string> = new Set(['amount', 'amount2', 'large_amount', 'fee', 'days', 'hours', 'digits', 'ref', 'time', 'home']);
