// Agent lines that hedge on what the conversation already settled: a conditional on a fact the customer stated
// ("Si esta fue a otro país…" after "el dinero que mandé al extranjero", review 2026-12-08 #75; "si han pasado más de
// 2 días hábiles" about a transfer sent "anoche", #78), an amount asked about as a ceiling read as the amount to move
// ("¿Por qué no puedo recargar más de $675,000?" → "Que $675,000 entren depende…", #80), and a line that doubts or
// undoes what the agent itself just did ("I've blocked your card" → "if you only froze it you can unfreeze it", #28).
// Shared by the generator (which does not draw such lines) and the coherence checks (which count them).

const w = (body: string): RegExp => new RegExp(`(?<![\\p{L}{])(?:${body})(?![\\p{L}}])`, 'iu');

// Where the money went or in what currency: a conditional on it, and a customer's words that state it.
const IF_ABROAD = w(
  "if (?:it|this(?: one)?|the (?:transfer|payment|money)) (?:was|went|is|goes|is going) (?:abroad|overseas|international|to another country|in (?:a different|another|a foreign) currency)|if it'?s (?:international|abroad)|" +
    "it depends on where it'?s going|depends on (?:the )?destination|" +
    'si (?:esta|esa|la transferencia|el pago|el dinero)? ?(?:fue|va|iba|es|se fue) (?:a otro país|al extranjero|en otra moneda|internacional)|si es internacional|depende de (?:a )?dónde va|depende del (?:destino|país)',
);
const SAID_ABROAD = w(
  'abroad|overseas|international(?:ly)?|another country|foreign|to (?:a|an) (?:\\p{L}+ )?(?:account|bank) (?:in|outside)|' +
    'al extranjero|en el extranjero|del extranjero|a otro país|internacional(?:es)?|fuera del país|otro país',
);

// A wait the answer makes conditional ("if it's been more than 7 working days", "si han pasado más de 2 días hábiles").
const IF_DAYS = w(
  "if it'?s been (?:pending for )?(?:more than|over|longer than) (?:\\d+|a|one|two|three|five|seven) (?:working |business )?(?:days?|weeks?)|" +
    "if (?:it|yours) (?:left|was sent|has waited) (?:more than|that long)|if yours has waited|" +
    'si (?:ya )?(?:han pasado|pasaron|pasan|lleva|llevas?) (?:más de|mas de) (?:\\d+|un|una|dos|tres|cinco|siete) (?:días?|semanas?)|si (?:ya )?salió hace más',
);
// The customer said it happened within the last day: no wait of days has passed. "Today" or "yesterday" alone may
// be when the customer writes ("today something's off"): it counts next to the event's verb in the same sentence.
const SAID_RECENT = w('last night|this morning|earlier today|an hour ago|(?:a few|two|\\d+) hours ago|anoche|esta mañana|hace (?:un rato|una hora|unas horas|\\d+ horas)');
const EVENT_TODAY = /(?<!\p{L})(?:sent|made|transferred|paid|topped up|went out|mandé|envié|hice|transferí|pagué|recargué|salió)(?!\p{L})[^.?!]{0,40}(?<!\p{L})(?:today|yesterday|hoy|ayer)(?!\p{L})/iu;

// A day named for the event ("el miércoles pasado", "last Friday"): its age is known, no "if it left more than…".
const SAID_DAY = w('last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)|el (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo) pasado|la semana pasada');

/**
 * What in the customer's words settles a conditional of `line`, or undefined ("abroad", "recent", "dated").
 * `abroad` says the customer named a foreign country (a slot the generator knows, not a word this can see).
 */
export function settledConditional(customer: string, line: string, abroad = false): string | undefined {
  if (IF_ABROAD.test(line) && (abroad || SAID_ABROAD.test(customer))) return 'abroad';
  if (!IF_DAYS.test(line)) return undefined;
  if (SAID_RECENT.test(customer) || EVENT_TODAY.test(customer)) return 'recent';
  return SAID_DAY.test(customer) ? 'dated' : undefined;
}

// An amount framed as a limit: "more than $675,000", "over £2,000", "hasta 500 €".
const AMOUNT = String.raw`(?:[$£€]\s?\d[\d.,]*(?:\s?(?:MXN|pesos))?|\d[\d.,]*\s?(?:€|euros|pesos|dollars|pounds|MXN))`;
const CEILING = new RegExp(String.raw`(?<!\p{L})(?:more than|over|above|beyond|up to|más de|mas de|arriba de|por encima de|hasta)\s+(${AMOUNT})`, 'giu');

/** The amounts the customer's words frame as a ceiling ("¿Por qué no puedo recargar más de $675,000?"). */
export function ceilingAmounts(customer: string): string[] {
  return [...customer.matchAll(CEILING)].map((m) => (m[1] as string).trim());
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words that keep an amount a ceiling in the agent's line too: "over $675,000", "your limit of $675,000".
const AS_LIMIT = /(?:more than|over|above|up to|beyond|limit(?: is| of)?|más de|hasta|límite(?: es| de)?|arriba de|por encima de|tope de)\s*$/iu;

/** Whether `line` uses `amount` (a written amount, or a template's `{slot}`) as the amount to move, not as a limit. */
export function amountAsMoved(line: string, amount: string): boolean {
  const re = new RegExp(`(?<![\\d.,])${escape(amount)}(?![\\d])`, 'gu');
  for (const m of line.matchAll(re)) if (!AS_LIMIT.test(line.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) return true;
  return false;
}

/** What the agent did or saw, read from its own words: the card blocked or frozen, the transfer looked up. */
export type CardAction = 'blocked' | 'frozen' | 'checked';

const BLOCKED = w("i'?ve (?:now |just |already )?(?:blocked|cancell?ed|deactivated)|we'?ve (?:blocked|cancell?ed)|(?:it'?s|it is|is) (?:now |already )?blocked|has been blocked|(?:ya )?(?:bloqueé|cancelé|desactivé)|he (?:bloqueado|cancelado|desactivado)|hemos (?:bloqueado|cancelado)|ya está bloquead[oa]|quedó bloquead[oa]|ya la bloqueamos|la hemos bloqueado");
// The agent says it looked the transfer up ("I've checked your transfer", "ya lo veo"): it knows its age (review 302 #56).
const CHECKED = w("i'?ve (?:just )?(?:checked|looked at|looked up) (?:your|the|it)|i can see (?:your|the|it)|ya (?:lo |la )?veo|ya (?:lo |la )?revisé|he revisado (?:tu|su|la|el)|ya lo he revisado|ya la he revisado");
const FROZEN = w("i'?ve (?:now |just |already )?(?:frozen|locked)|we'?ve frozen|(?:ya )?congelé|he congelado|hemos congelado");

/** The card actions an agent turn takes. */
export function cardActionsOf(agentText: string): CardAction[] {
  const out: CardAction[] = [];
  if (BLOCKED.test(agentText)) out.push('blocked');
  if (FROZEN.test(agentText)) out.push('frozen');
  if (CHECKED.test(agentText)) out.push('checked');
  return out;
}

// A line that doubts what state the card is in ("if you only froze it… if you reported it lost"), once the agent set it.
const DOUBTS_STATE = w(
  'if you (?:only |just )?(?:froze|frozen|blocked|reported|cancell?ed|locked)|if (?:it was|it is|it\'s) (?:only )?(?:frozen|blocked|cancell?ed)|' +
    'si (?:solo |sólo )?(?:la )?(?:congelaste|congeló|bloqueaste|bloqueó|reportaste|reportó|cancelaste|canceló)|si (?:solo |sólo )?está (?:congelada|bloqueada)',
);
// A line that offers to undo a block as if it were a freeze: a blocked (cancelled) card is not unfrozen.
const UNFREEZES = w('unfreeze|freeze or unfreeze|descongel\\p{L}*|congelar y descongelar|reactiv\\p{L}*');

/** Why `line` contradicts or doubts what the agent did, or undefined. */
export function doubtsOwnAction(done: ReadonlySet<CardAction>, line: string): string | undefined {
  if (done.size === 0) return undefined;
  if (done.has('checked') && IF_DAYS.test(line)) return 'doubts the age it saw';
  if (!done.has('blocked') && !done.has('frozen')) return undefined;
  if (DOUBTS_STATE.test(line)) return 'doubts';
  if (done.has('blocked') && UNFREEZES.test(line)) return 'unfreezes';
  return undefined;
}

// The same rules as two bit masks, for a generator that tests many candidate lines against one conversation: what a
// line hedges on (computed once per template) and what the conversation has settled (once per turn).
const ABROAD = 1;
const DAYS = 2;
const STATE = 4;
const UNFROZEN = 8;

/** Which settled-able hedges a line has (its conditionals, its doubts about the card's state). */
export function lineHedges(line: string): number {
  return (IF_ABROAD.test(line) ? ABROAD : 0) | (IF_DAYS.test(line) ? DAYS : 0) | (DOUBTS_STATE.test(line) ? STATE : 0) | (UNFREEZES.test(line) ? UNFROZEN : 0);
}

/** What the customer's words settle (a named foreign country is the generator's `abroad`). */
export function customerSettles(customer: string, abroad: boolean): number {
  return (abroad || SAID_ABROAD.test(customer) ? ABROAD : 0) | (SAID_RECENT.test(customer) || EVENT_TODAY.test(customer) || SAID_DAY.test(customer) ? DAYS : 0);
}

/** What the agent's own actions settle. */
export function actionsSettle(did: ReadonlySet<CardAction>): number {
  return (did.has('checked') ? DAYS : 0) | (did.has('blocked') || did.has('frozen') ? STATE : 0) | (did.has('blocked') ? UNFROZEN : 0);
}
