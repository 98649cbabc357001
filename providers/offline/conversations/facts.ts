// Facts a conversation has already stated, and the sentences that would contradict them: one value per fact kind.
// The 2026-12-01 review found "I live in Malta. I am based in the US.", "I'm 17" then "my child's account", and a
// cash deposit made "using another bank's credit card": each sentence fine alone, wrong together.

/** A kind of fact with mutually exclusive values: once text states one value, a sentence stating another is out. */
interface FactKind {
  name: string;
  values: readonly RegExp[];
  /** A fact stated once: a second statement of any value (even the same one) only repeats or contradicts it. */
  once?: boolean;
}

const KINDS: readonly FactKind[] = [
  {
    name: 'residence',
    once: true,
    // "Can I open an account if I live in Malta?" fixes the country as much as "I live in Malta" does.
    values: [/(?<!\p{L})(i live in|i'm living in|i am living in|living in|i'm based in|i am based in|based in|resident of|i reside in|vivo en|resido en|radico en|ahora vivo)(?!\p{L})/iu],
  },
  {
    // Who the account is for: the customer as a minor, or the customer's child.
    name: 'account_holder',
    values: [
      /(?<!\p{L})(i'?m 1[0-7]|i am 1[0-7]|tengo 1[0-7] años|soy menor)(?!\p{L})/iu,
      /(?<!\p{L})(my (child|kid|son|daughter|\{days\}-year-old|\d+-year-old)|a teenager|a minor|mis? hij[oa]s?|un menor|un adolescente)(?!\p{L})/iu,
    ],
  },
  {
    // How money goes in: a cash or cheque deposit has no card behind it.
    name: 'deposit_instrument',
    values: [
      // Broad on purpose: with cash in the story, "It's my Visa card" is at best beside the point (review class 10).
      /(?<!\p{L})(cash|banknotes|cheques?|checks?|at a shop|at a store|efectivo|billetes|depositar|deposité|en una tienda)(?!\p{L})/iu,
      /(\{card_type\}|(?<!\p{L})(credit card|debit card|tarjeta de crédito|tarjeta de débito|mastercard|visa)(?!\p{L}))/iu,
    ],
  },
  {
    // Which personal detail is being changed: a phone number request does not go on about the new address.
    name: 'personal_field',
    values: [
      /(?<!\p{L})(phone numbe?r|número de (teléfono|celular|móvil)|mi (teléfono|celular|móvil))(?!\p{L})/iu,
      /(?<!\p{L})(e-?mail|correo)(?!\p{L})/iu,
      /(?<!\p{L})(address|moved|dirección|domicilio|me mudé|me cambié de casa)(?!\p{L})/iu,
      /(?<!\p{L})(name|surname|married|nombre|apellido|me casé)(?!\p{L})/iu,
    ],
  },
];

/** Whether `candidate` (a template's text, slots written as {name}) states a fact that `said` already fixed otherwise. */
export function contradicts(said: string, candidate: string): boolean {
  for (const k of KINDS) {
    const inSaid = k.values.map((re) => re.test(said));
    if (!inSaid.some(Boolean)) continue;
    for (let j = 0; j < k.values.length; j++) {
      if (!(k.values[j] as RegExp).test(candidate)) continue;
      if (k.once || !inSaid[j]) return true;
    }
  }
  return false;
}
