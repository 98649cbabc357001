// What each agent turn DID (said yes, said no or a limit, gave steps, took an action, gave a wait, asked), and what
// kind of message the customer's first one is: the next turns are chosen to fit these, not drawn independently.

/** What an agent turn did; a turn can do several things ("I've blocked it. A new card arrives in 3–5 days."). */
export type Act = 'yes' | 'no' | 'cost' | 'steps' | 'todo' | 'action' | 'wait' | 'underway' | 'hedge' | 'ask' | 'redirect';

const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

const ACTS: Record<'en' | 'es', ReadonlyArray<readonly [Act, RegExp]>> = {
  en: [
    ['yes', /^(?:[^.!?]*[.!?]\s+)?(?:yes|sure|of course|absolutely|you can|it can|it does|it is)(?!\p{L})/iu],
    // A refusal; "No, that's free" and a limit asked about are not bad news.
    ['no', re("not possible|isn't possible|can't|cannot|unfortunately|we don't|we do not|isn't supported|not supported|not available|isn't available|won't be able|only once|no longer|not yet")],
    // An upgrade offered ("Premium and Metal include more") is a cost too: a paid plan, not a remedy (review 2026-12-08 #75).
    ['cost', re('fees?|charges? (a|an|of)|costs?|\\d+(?:\\.\\d+)?\\s?%|premium|metal plan|upgrade')],
    ['steps', re('→|tap|go to|open the app|in the app, |select|choose|scan|upload|enter your|follow the')],
    ['action', re("i'?ve (?:\\w+ )?(?:blocked|frozen|cancell?ed|refunded|flagged|started|raised|opened|escalated|reported|sent|ordered|reset|unlocked|requested|submitted|marked|passed|filed|lodged|reversed|disputed|lifted|restored|released)|i have (?:blocked|frozen|cancell?ed|refunded|flagged|started|raised|opened|escalated)|we'?ve (?:blocked|frozen|cancell?ed|refunded|started|raised|opened|sent|reversed|released)")],
    // A delay of hours or days: "arrives within minutes" is not something to wait for, nor is "as soon as it's back".
    ['wait', re('\\d+(?:[–-]\\d+)? (?:working |business )?(?:days?|hours?|weeks?)|(?<!\\d )(?:a|one) (?:working |business )?day|a few (?:days|hours)|can take|takes? (?:up to|around|about)|pending')],
    // Something still to come, with no delay given: a notification may be promised for it, a wait not complained of.
    ['underway', re('as soon as|on its way|still processing|once it')],
    // Something the customer is told to do now (an imperative), not a place in the app named ("listed under
    // Account → Plan"): only this takes "OK, I'll try that".
    ['todo', /(?:^|[.!?:;]\s+|, then |, and |\bthen )(?:please )?(?:tap|go to|open|select|choose|scan|upload|enter|check|make sure|turn|toggle|freeze|try|ask|double-check|share|send us|send a|reply|contact|cancel|confirm|record|take|update|add|follow|look|log in|use|raise)(?!\p{L})/iu],
    // An answer that depends or only says what usually happens: the one a customer can still be lost after.
    ['hedge', re('usually|may|might|can be|depends|it varies|probably|typically')],
    ['ask', /\?\s*$/u],
    // Sends the customer elsewhere ("Message us from Help and mention this chat"): nothing explained, nothing done.
    ['redirect', re("message us|write to us|contact us|get in touch|reach us|mention this (?:chat|conversation)")],
  ],
  es: [
    ['yes', /^(?:[^.!?]*[.!?]\s+)?[¡¿]?(?:sí|claro|por supuesto|desde luego|se puede|puedes|puede)(?!\p{L})/iu],
    ['no', re('no se puede|no es posible|no podemos|no (?:te|le) podemos|lamentablemente|por desgracia|no admit\\p{L}*|no aceptamos|no está disponible|no están disponibles|todavía no|aún no|ya no')],
    ['cost', re('comisión|comisiones|tarifa|cuesta|coste|costo|cobramos|se cobra|\\d+(?:,\\d+)?\\s?%|premium|plan metal|mejorar (?:de|tu|su) plan')],
    ['steps', re('→|toca|ve a|vaya a|entra en|entre en|abre la app|abra la app|selecciona|seleccione|elige|elija|sube|suba|escanea|escanee')],
    ['action', re('(?:ya )?(?:bloqueé|congelé|cancelé|reembolsé|marqué|abrí|inicié|escalé|reporté|envié|pedí|solicité|trasladé|desbloqueé|restablecí|devolví|liberé)|he (?:bloqueado|congelado|cancelado|reembolsado|marcado|abierto|iniciado|escalado|reportado|enviado|pedido|solicitado|trasladado|desbloqueado|devuelto|liberado)')],
    ['wait', re('\\d+(?:[–-]\\d+)? (?:días|horas|semanas)|hábil(?:es)?|unos días|unas horas|puede tardar|pendiente')],
    ['underway', re('en cuanto|en camino|en proceso|cuando (?:llegue|esté)')],
    ['todo', /(?:^|[.!?:;]\s+|, | y |luego )(?:por favor,? )?(?:toca|toque|ve a|vaya a|entra|entre|abre|abra|selecciona|seleccione|elige|elija|sube|suba|escanea|escanee|revisa|revise|comprueba|compruebe|activa|active|desactiva|desactive|congela|congele|pide|pida|confirma|confirme|mira|mire|intenta|intente|vuelve a|vuelva a|cancela|cancele|comparte|comparta|envía|envíe|escribe|escriba|pregunta|pregunte|actualiza|actualice|añade|añada|sigue los|siga los|usa|use|completa|complete)(?!\p{L})/iu],
    ['hedge', re('suele|suelen|normalmente|puede (?:ser|haber|que)|pueden ser|depende|varía|probablemente')],
    ['ask', /\?\s*$/u],
    ['redirect', re('escríb[ae]nos|contáct[ae]nos|menciona esta|mencione esta')],
  ],
};

// "No, only once per card", "No, nunca cobramos…", "No, there's no fee": a no that lifts a burden is good news, not a
// refusal or a fee ("not what I hoped" followed them, round 8; facts round 9).
const RELIEF_NO = /^(?:[^.!?]*[.!?]\s+)?[¡¿]?no,\s+(?:only once|just the first time|solo una vez|sólo una vez|nunca cobramos|we never charge|there'?s no (?:fee|charge|cost)|no hay (?:comisión|coste|costo|cargo)|no (?:te |le )?cobramos)(?!\p{L})/iu;

/** The acts of one agent turn. */
export function actsOf(text: string, lang: 'en' | 'es'): Set<Act> {
  const out = new Set<Act>();
  for (const [act, r] of ACTS[lang]) if (r.test(text)) out.add(act);
  if (RELIEF_NO.test(text)) {
    out.delete('no');
    out.delete('cost');
  }
  return out;
}

/** What a customer's first message is: each kind takes its own acknowledgement and its own "yes". */
export type MessageKind = 'yesno' | 'open' | 'request' | 'problem' | 'statement';

// A question's body may hold an amount ("Why was my £16.52 purchase rejected?", "¿Por qué me cobraron 3,50 €?"): a
// point or comma between digits does not end it (such questions were taken for reports and thanked for "letting us know").
const BODY = '(?:[^.!?]|(?<=\\d)[.,](?=\\d))*\\?';
const OPEN_Q: Record<'en' | 'es', RegExp> = {
  en: new RegExp(`(?:^|[.!?,:]\\s+)(how|what|what's|whats|where|when|why|which|who)\\b${BODY}`, 'iu'),
  es: new RegExp(`(?:^|[.!?,:]\\s+)¿?(cómo|como|cuánt[oa]s?|cuanto|dónde|donde|qué|que|cuál|cual|cuáles|por qué|porque|cuándo|quién)(?!\\p{L})${BODY}`, 'iu'),
};
const YES_NO: Record<'en' | 'es', RegExp> = {
  en: new RegExp(`(?:^|[.!?,:]\\s+)(can|could|is|are|do|does|did|will|would|am|may|should|have|has)\\b${BODY}`, 'iu'),
  es: new RegExp(`¿(puedo|puede|pueden|se puede|es posible|hay|tiene|tienen|me pueden|existe|es|está|están|debo|necesito|lo|la|los|las)(?!\\p{L})${BODY}`, 'iu'),
};
const REQUEST: Record<'en' | 'es', RegExp> = {
  en: re("pls|plz|please|i want to|i'd like to|i would like to|i need to|i wanna|can you|could you|cancel|block|freeze|unfreeze|close|delete|reset|change|update|unlock|send me|order"),
  es: re('por favor|porfa|quiero|quisiera|necesito|me gustaría|cancel[ae]n?|bloque[ae]n?|cierr[ae]n?|cambi[ae]n?|desbloque[ae]n?|me pueden|pueden|podrían'),
};
const PROBLEM: Record<'en' | 'es', RegExp> = {
  en: re("can'?t|cannot|won'?t|doesn'?t|didn'?t|isn'?t|not working|declined|rejected|failed|fails|wrong|missing|lost|stolen|stole|blocked|twice|don'?t recogni[sz]e|haven'?t|hasn'?t|still no|never"),
  es: re('no (?:me )?(?:deja|funciona|puedo|llega|llegó|aparece|reconozco|hice)|rechaz\\p{L}*|fall\\p{L}*|perd[ií]\\p{L}*|robaron|robó|bloquead[oa]|dos veces|todavía no|aún no|nunca'),
};

/** Whether a message reports something gone wrong, whatever its form: "There's a payment I never made. What now?". */
export const reportsTrouble = (text: string, lang: 'en' | 'es'): boolean => PROBLEM[lang].test(text) || TROUBLE[lang].test(text);
const TROUBLE: Record<'en' | 'es', RegExp> = {
  en: re("will not|not go through|dropped|broke|broken|never made|i didn't make|didn't authori[sz]e|someone (?:used|has)|fraud|scam|charged|refused|stuck|disappeared|leak(?:ed)?|hacked|compromised|data breach"),
  es: re('no sirve|no pasa|no entra|se me cayó|se me rompió|rot[oa]|no hice|no autoricé|alguien (?:usó|ha usado)|fraude|estafa|me cobraron|atascad[oa]|desapareci\\p{L}*|filtraci[oó]n|filtrad[oa]s?|hacke\\p{L}*|comprometid[oa]'),
};

export function messageKind(text: string, lang: 'en' | 'es'): MessageKind {
  const yesno = YES_NO[lang].test(text);
  const open = OPEN_Q[lang].test(text);
  if (yesno || open) return REQUEST[lang].test(text) && !open ? 'request' : yesno ? 'yesno' : 'open';
  if (REQUEST[lang].test(text)) return 'request';
  if (PROBLEM[lang].test(text)) return 'problem';
  // A fragment asked as a question ("verificación de origen de fondos??") reports nothing: it asks.
  return /\?\s*$/u.test(text) ? 'open' : 'statement';
}

/** A clear event the customer knows the cause of: "Not sure what's going on" cannot open it. */
export const KNOWN_EVENT: Record<'en' | 'es', RegExp> = {
  en: re('stole|stolen|lost my|i lost|i left|cancel|i sent|i made|i paid|i want|i need'),
  es: re('robaron|robó|perdí|se me perdió|olvidé|cancel\\p{L}*|envié|mandé|hice un|pagué|quiero|necesito'),
};

/** Which of the acts a customer reacts to, most telling first: a no outweighs the steps around it. */
export function reactionKey(acts: ReadonlySet<Act>): 'no' | 'action' | 'wait' | 'steps' | undefined {
  // A no with something to do ("can be refused if…; double-check the details") explains conditions: not a shame.
  if (acts.has('no')) return acts.has('todo') ? 'steps' : acts.has('hedge') ? undefined : 'no';
  if (acts.has('action')) return 'action';
  // "You can cancel it while it's pending" is not a wait to accept: a wait is one the answer gives, with nothing to do.
  if (acts.has('wait') && !acts.has('todo') && !acts.has('yes')) return 'wait';
  return acts.has('todo') ? 'steps' : undefined;
}
