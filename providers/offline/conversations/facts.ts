// Facts a conversation has already stated, and the sentences that would contradict them: one value per fact kind.
// The 2026-12-01 review found "I live in Malta. I am based in the US.", "I'm 17" then "my child's account", and a
// cash deposit made "using another bank's credit card": each sentence fine alone, wrong together.

import { DONE_ACTIONS, SENDER } from '../../../util/done-actions.js';

/** A kind of fact with mutually exclusive values: once text states one value, a sentence stating another is out. */
interface FactKind {
  name: string;
  values: readonly RegExp[];
  /** A fact stated once: a second statement of any value (even the same one) only repeats or contradicts it. */
  once?: boolean;
}

// A value only the intent's situation sets (see situationOf).
const NEVER = /(?!)/u;

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
      /(?<!\p{L})(cash|banknotes|at a shop|at a store|efectivo|billetes|depositar|deposité|en una tienda)(?!\p{L})/iu,
      // A cheque is not cash: "How do I add money I have in cash? It is a cheque from my plumber" contradicts itself.
      /(?<!\p{L})(cheques?|checks?)(?!\p{L})/iu,
      /(\{card_type\}|(?<!\p{L})(credit card|debit card|tarjeta de crédito|tarjeta de débito|mastercard|visa)(?!\p{L}))/iu,
    ],
  },
  {
    // Which way the money goes: "Can I receive transfers in zloty? It was going to a builder" contradicts itself
    // (2026-12-02 review, class 3).
    name: 'direction',
    values: [
      /(?<!\p{L})(receive|receiving|get paid|paid into|pay me|send me|into (my|this) account|to my (own )?account|my balance|recibir|recibo|recibí|me pagan|me mand[ae]n|me pueden mandar|a mi cuenta|a esta cuenta|en esta cuenta|mi saldo|el saldo|salary|n[oó]mina|sueldo|(send|pay|transfer|wire)s? me|me (env|mand|pag|transf|deposit)\p{L}*|me (quiere|quieren|va a|van a) (devolver|pagar|mandar|enviar)|pay me back|paying me back)(?!\p{L})/iu,
      /(?<!\p{L})(went to|was going to|iba para|le mandé)(?!\p{L})/iu,
    ],
  },
  {
    // Round 5 (review 2026-12-03): whose doing it was. "I don't recognise this payment… I bought it on Friday" and
    // "Hay un reintegro que no hice yo… Intenté retirar 59 €" each deny and claim the same event.
    name: 'authorship',
    values: [
      // Round 6: customers drop the apostrophe ("i didnt make") and deny with "never bought", "nunca compré".
      /(?<!\p{L})(don'?t recogni[sz]e|do not recogni[sz]e|(didn'?t|did not) (make|do|authori[sz]e|set up|withdraw|take out|buy|order)|never (made|shopped|been|bought|ordered|withdrew|took out)|no (lo |la )?reconozco|no (lo |la )?hice|yo no (lo |la )?hice|nunca (he|hice|compré|saqué|retiré|pedí)|no (compré|saqué|retiré))(?!\p{L})/iu,
      // "I withdrew £30" and "I took out" claim a withdrawal as much as "I tried to withdraw" does.
      /(?<!\p{L})(I bought it|I ordered it|I paid|I tried to (withdraw|take out|get)|I withdrew|I took out|intenté (sacar|retirar|pagar)|lo compré|la compré|(?<!nunca |no )compré|(?<!nunca |no )saqué|(?<!nunca |no )retiré)(?!\p{L})/iu,
    ],
  },
  {
    // Round 6: the withdrawal told once. "Saqué 700 €… Saqué 700 €" (a detail repeating the ask's verb) adds nothing.
    name: 'withdrawal_told',
    once: true,
    values: [/(?<!\p{L})(I withdrew|I took out|(?<!nunca |no )saqué|(?<!nunca |no )retiré)(?!\p{L})/iu],
  },
  {
    // How often: "Esto pasa una y otra vez… Es la primera vez que me pasa" (review 2026-12-03).
    name: 'frequency',
    values: [
      /(?<!\p{L})(again and again|keeps happening|third time|una y otra vez|tercera vez|sigue pasando)(?!\p{L})/iu,
      /(?<!\p{L})(first time|primera vez)(?!\p{L})/iu,
    ],
  },
  {
    // Whether the card is in the customer's hands: "Ya me llegó la tarjeta" is not answered with how to order one.
    name: 'card_in_hand',
    values: [
      /(?<!\p{L})((ya )?me llegó|llegó la tarjeta|la tarjeta llegó|recibí la tarjeta|acabo de recibir|ya tengo la tarjeta|tengo la tarjeta física|que me llegó|(has|just) arrived|arrived today|I('ve| have)? (got|received) (the|my) (new |physical )?card|I have the (physical )?card)(?!\p{L})/iu,
      /(?<!\p{L})(se pide en|order it in|can order one|order one in)(?!\p{L})/iu,
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
  // Round 7 (review 2026-12-06, class 5): facts of the intent's situation, which no sentence states but the intent
  // does. Their second value never matches text: only situationOf() sets it, so texts alone never clash on them.
  {
    // "Why won't the machine let me take money out? … I withdrew £620": a declined withdrawal was not made.
    name: 'withdrawal_made',
    values: [/(?<!\p{L})(I withdrew|I took out|I got the cash|(?<!nunca |no )saqué|(?<!nunca |no )retiré|me dio el dinero)(?!\p{L})/iu, NEVER],
  },
  {
    // "the money went to" a beneficiary the bank refused, or a transfer that was declined or failed.
    name: 'money_arrived',
    // Template text joins alternatives with " | ": "[went|was going] to" reads "went | was going to".
    values: [/(?<!\p{L})(went( \| [\p{L} ]+)? to|the money (arrived|went|left)|it arrived in|ya le llegó|le llegó (el dinero|la transferencia)|se fue a)(?!\p{L})/iu, NEVER],
  },
  // Round 8 (review 2026-12-07, #86/#39): what the customer already did, against the advice to do it. Advice states
  // the second value, so it clashes once the customer said the first: "They checked with their bank twice" rules
  // out "ask the recipient to check with their bank", in an answer or a follow-up answer alike.
  ...DONE_ACTIONS.map((a) => ({ name: a.name, values: [a.done, a.advice] })),
  // Who sent the money: the customer's own transfer has no third-person "sender" (review 2026-12-07, #10).
  { name: 'sender', values: SENDER },
];

/** Which value of each fact kind a text states, as one bit mask per kind (computed once per text, then compared). */
export type Facts = readonly number[];

// A conversation reads the same text's facts several times (the ask alone, then with its opener; a message with no
// context is its ask): the last texts' facts are kept. Cleared when full, so memory stays flat.
const recent = new Map<string, Facts>();

export function factsOf(text: string): Facts {
  let f = recent.get(text);
  if (f) return f;
  f = KINDS.map((k) => k.values.reduce((mask, re, j) => (re.test(text) ? mask | (1 << j) : mask), 0));
  if (recent.size >= 256) recent.clear();
  recent.set(text, f);
  return f;
}

/** Whether a sentence stating `candidate` facts contradicts (or, for once-only kinds, repeats) the `said` ones. */
export function clashes(said: Facts, candidate: Facts): boolean {
  for (let k = 0; k < KINDS.length; k++) {
    const s = said[k] as number;
    const c = candidate[k] as number;
    if (s === 0 || c === 0) continue;
    if ((KINDS[k] as FactKind).once || (c & ~s) !== 0) return true;
  }
  return false;
}

/** Whether `candidate` (a template's text, slots written as {name}) states a fact that `said` already fixed otherwise. */
export function contradicts(said: string, candidate: string): boolean {
  return clashes(factsOf(said), factsOf(candidate));
}

// Which value of which kind each intent's situation fixes before anyone speaks: [kind, value index].
// A safe default (no entry) leaves an intent's texts to state their own facts.
const SITUATIONS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  // The customer did not make it: "lo compré hoy" for an unrecognised direct debit contradicts the intent.
  card_payment_not_recognised: [['authorship', 0]],
  direct_debit_payment_not_recognised: [['authorship', 0]],
  cash_withdrawal_not_recognised: [['authorship', 0]],
  // Nothing came out of the machine.
  declined_cash_withdrawal: [['withdrawal_made', 1]],
  // The money went nowhere.
  beneficiary_not_allowed: [['money_arrived', 1]],
  declined_transfer: [['money_arrived', 1]],
  failed_transfer: [['money_arrived', 1]],
};

const situationCache = new Map<string, Facts>();

/** The facts an intent's situation fixes (the withdrawal did not happen; the customer does not recognise the payment). */
export function situationOf(intent: string): Facts {
  let f = situationCache.get(intent);
  if (!f) {
    const set = SITUATIONS[intent] ?? [];
    f = KINDS.map((k) => set.reduce((mask, [name, j]) => (name === k.name ? mask | (1 << j) : mask), 0));
    situationCache.set(intent, f);
  }
  return f;
}

/** Both sets of facts at once: what the text says and what the situation already fixed. */
export function withFacts(a: Facts, b: Facts): Facts {
  return a.map((m, k) => m | ((b[k] as number) ?? 0));
}
