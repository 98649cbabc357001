// Dialect wording: words one variety uses and the other does not, fixed after rendering shared templates.
import type { Dialect } from './slots.js';

type Rule = readonly [RegExp, string];

// Shared 'es'/'en' templates are written once; these keep a Spanish "CLABE" or an American "cash machine" out.
const RULES: Record<Dialect, readonly Rule[]> = {
  'es-ES': [
    [/CLABE o IBAN|IBAN o CLABE/gu, 'IBAN'],
    [/\bCLABE\b/gu, 'IBAN'],
    [/(?<!\p{L})monto(?!\p{L})/gu, 'importe'],
    [/(?<!\p{L})montos(?!\p{L})/gu, 'importes'],
    [/(?<!\p{L})ahorita(?!\p{L})/gu, 'ahora'],
    [/(?<!\p{L})[Bb]uen día(?!\p{L})/gu, 'buenos días'],
  ],
  'es-MX': [
    [/(^|[.!?¡¿]\s*)Vale(?=[,.!]|$)/gu, '$1Ok'],
    [/(?<!\p{L})vosotros(?!\p{L})/gu, 'ustedes'],
  ],
  'en-US': [
    [/\bcash machines\b/gu, 'ATMs'],
    [/\bcash machine\b/gu, 'ATM'],
    [/\bin the post\b/gu, 'in the mail'],
    [/\bapologis(e|ed|ing)\b/gu, 'apologiz$1'],
    [/\bmum\b/gu, 'mom'],
  ],
  'en-GB': [
    [/\bin the mail\b/gu, 'in the post'],
    [/\bapologiz(e|ed|ing)\b/gu, 'apologis$1'],
    [/\bmom\b/gu, 'mum'],
  ],
};

// A cheap substring probe per rule skips the Unicode regex on the (many) turns that cannot match it.
const PROBES: Record<Dialect, readonly string[]> = {
  'es-ES': ['CLABE', 'CLABE', 'monto', 'montos', 'ahorita', 'uen día'],
  'es-MX': ['Vale', 'vosotros'],
  'en-US': ['cash machines', 'cash machine', 'in the post', 'apologis', 'mum'],
  'en-GB': ['in the mail', 'apologiz', 'mom'],
};

export function dialectWording(text: string, dialect: Dialect): string {
  let t = text;
  const rules = RULES[dialect];
  const probes = PROBES[dialect];
  for (let i = 0; i < rules.length; i++) {
    if (!t.includes(probes[i] as string)) continue;
    const [re, sub] = rules[i] as Rule;
    t = t.replace(re, sub);
  }
  return t;
}
