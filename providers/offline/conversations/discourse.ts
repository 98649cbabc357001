// Which words fit what the conversation has done so far: each customer and agent line is tagged by what it
// presupposes ("This is taking way too long" a wait, "Glad that answers it" a customer who said it did), and a line
// is only drawn when that happened. Review 2026-12-04, classes 1, 5 and 9: "No me hace gracia, pero vale." after
// answers that were all yes, "Esto está tardando demasiado." after instant replies, a pending closing with nothing
// started, "¡Estupendo!" right after "Aún no veo el reembolso".
import type { Act } from './acts.js';
import { templateText, type Template } from './template.js';

/** What the conversation has done when a line is chosen. */
export interface DiscourseState {
  /** Everything the agent's turns did so far. */
  acts: ReadonlySet<Act>;
  /** What the agent's last turn did: the customer's next words react to it. */
  last: ReadonlySet<Act>;
  /** The intent is a problem (something went wrong), not a how-to question. */
  problem: boolean;
  /** The customer's own words said something is still missing or that an answer did not help. */
  stillMissing: boolean;
  /** The customer said they were worried or nervous: only then "I feel better now", "Phew" or "¡qué alivio!". */
  worried: boolean;
  /** The intent's name and everything said so far: a recap naming a dispute or a refund needs one to be in it. */
  said: string;
  /** The agent's last turn asked the customer to send something (a reference, a photo) and nothing was sent yet:
   *  nothing can be under way, only waiting for it (review 2026-12-07 #96: "Ya está en marcha" after "Ok, gracias"). */
  awaiting?: boolean;
  /** The customer's first message reported something gone wrong, whatever the intent ("I was charged a fee"). */
  reported?: boolean;
}

type Need = (s: DiscourseState) => boolean;
const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

const has = (s: DiscourseState, ...acts: Act[]): boolean => acts.some((a) => s.acts.has(a));

/** Something is under way: the agent acted, gave a wait, or said it is still to come. A pending ending needs it. */
export const underWay = (s: DiscourseState): boolean => has(s, 'action', 'wait', 'underway') && s.awaiting !== true;

const TALKED_DISPUTE = re('disput\\p{L}*|chargeback|claim|reclamaci\\p{L}*|contracargo|caso');
const TALKED_REFUND = re('refund\\p{L}*|reembols\\p{L}*|devoluci\\p{L}*|devolver|money back');
// A customer's criticism: what "I've passed your comments on" passes on.
const COMPLAINT = re("annoying|not happy|not convinced|last time I have to ask|sigo sin estar convencid\\p{L}*|no tener que volver a preguntar|expected better|not impressed|should (?:really )?be clearer|not convinced|fastidio|no me hace gracia|esperaba más|no me convence|debería (?:estar|ser) más clar\\p{L}*|molest\\p{L}*|harto|harta|fed up|ridiculous|unacceptable|inaceptable");
const UNCLEAR = re("clearer|confusing|not clear|unclear|hard to find|más clar\\p{L}*|confus\\p{L}*|no está claro|cuesta encontrar");
// Fraud, theft or a card out of the customer's hands: what "Stay safe." wishes well against (review 2026-12-08 #9).
const TALKED_SECURITY = re('fraud\\p{L}*|scam\\p{L}*|stolen|stole|lost|compromised|hack\\p{L}*|phishing|suspicious|fraude|estafa|robad[oa]|robaron|robo|perd\\p{L}*|comprometid[oa]|sospechos[oa]');
/** The agent's last turn explained or did something, not only sent the customer elsewhere ("Message us from Help"). */
const explained = (s: DiscourseState): boolean => !s.last.has('redirect') || ['yes', 'no', 'cost', 'steps', 'wait', 'hedge', 'action', 'underway'].some((a) => s.last.has(a as Act));
/** What the agent did earns outsized praise: a problem fixed by an action, or a question answered with no cost or no. */
const earnsPraise = (s: DiscourseState): boolean =>
  ((!s.problem && s.reported !== true) || has(s, 'action')) && !has(s, 'no') && !s.last.has('cost') && !s.stillMissing;
const TALKED_PAYMENT = re('payments?|paid|pay for|purchase|bought|pagos?|pagu[eé]|compr\\p{L}*');

// Each presupposition, and when it holds. A line can carry several; all must hold.
const NEEDS: ReadonlyArray<readonly [RegExp, Need]> = [
  // A complaint about waiting needs a wait the agent gave.
  [re("taking (?:way )?too long|i'll wait|tardando|esperaré"), (s) => s.problem && has(s, 'wait')],
  // Watching for something needs something under way.
  [re('keep an eye|estaré pendiente|lo iré mirando'), underWay],
  // Displeasure at the answer needs an answer that disappoints: a no, a limit, a fee or a wait.
  [re("not happy about it|expected better|annoying, but|not ideal|don't love that|no me hace gracia|esperaba más|molesto, pero|no es lo ideal|no me convence|qué fastidio|that's annoying"), (s) => has(s, 'no', 'cost') || (s.problem && has(s, 'wait'))],
  // "I just want this fixed" needs something broken.
  [re('want this fixed|que lo arreglen'), (s) => s.problem],
  // Thanks for fixing needs a problem the agent fixed: steps are still the customer's to do, and a no fixed nothing
  // ("Finally! Thanks for sorting it" after "We can't change their rate", review 2026-12-06).
  [re('sorting (?:it|that)|fixing it|sorted in|resolverlo|arreglarlo|por fin|finally|gestionarlo|encargar\\p{L}*|taking care of it|doing that'), (s) => s.problem && has(s, 'action') && !s.last.has('no')],
  // Celebration needs nothing still missing: not after a no, nor a problem the agent only gave a wait for.
  [re("exactly what I needed|just what I was after|all I needed|cleared it up|that was (?:easy|painless)|this is why I love|sorted in|justo lo que necesitaba|todo clarísimo|qué rápido|eso era todo|me encanta la app|best (?:support|customer service)|estupendo|amazing|fantastic|así da gusto|da gusto"),
    (s) => !s.stillMissing && !has(s, 'no') && !(s.problem && has(s, 'wait', 'underway') && !has(s, 'action'))],
  // A relief needs good news.
  // Relief and enthusiasm ("Super", "¡Genial!") need good news: not right after "We can't deliver to PO boxes".
  [re('relief|phew|alivio|menos mal|qué bien|good to know|bueno saberlo|oh nice|great|perfect|awesome|super|brilliant|lovely|nice one|excellent|wonderful|genial|perfecto|excelente|súper|buenísimo|estupendo|fenomenal'), (s) => !has(s, 'no')],
  // A notification asked for, or promised, needs something under way.
  [re('notification|notify|let me know when|notificación|avisan|avisar|me avisa|un aviso cuando|avisaremos'), underWay],
  // "That's under way now" / "Ya está en marcha" claims something started: an action the agent took, or a process
  // it said is running, not only a question asked or a wait quoted (review 2026-12-07 #96: after an unanswered request
  // for a receipt reference).
  [re("under way now|that's under way|ya está en marcha"), (s) => has(s, 'action', 'underway')],
  // Relief from worry needs a worry voiced (review 2026-12-06: "I feel better now" with no worry before).
  [re('feel better now|más tranquil\\p{L}*'), (s) => s.worried],
  // "That was easy" (paraphrased "seamless", "effortless") needs something done: an action the agent took. Steps
  // are still to do, so nothing was easy yet (review 2026-12-06: "that was seamless" after a how-to answer).
  [re('that was (?:easy|painless|smooth|quick)|so (?:easy|smooth)'), (s) => has(s, 'action')],
  // Relief ("Phew", "¡qué alivio!", "that puts my mind at ease") answers a worry, not a frustration (review
  // 2026-12-06: "Phew, thank goodness" from a customer who had only been annoyed).
  [re('relief|phew|thank goodness|mind at ease|reassuring|alivio|menos mal|me tranquiliza'), (s) => s.worried],
  // Still lost after an answer needs an answer that left room for it: one that depends or only says what usually
  // happens, not a clear rule ("Sorry, I'm still a bit lost" after "It's free", review 2026-12-06).
  [re('still (?:a bit |slightly )?lost|sigo sin entender'), (s) => s.last.has('hedge')],
  // "Interesting" / "Good to know" takes in information: not steps to do, an action taken or a no.
  // Nor about one's own problem: "Interesante." after the state of a stuck transfer.
  [re('interesting|interesante|good to know|bueno saberlo|oh nice|ah, qué bien'), (s) => !s.problem && !s.last.has('todo') && !s.last.has('steps') && !s.last.has('action') && !s.last.has('no')],
  // Thanks for patience needs someone who waited: the agent asked something, acted or gave a wait.
  [re('patience|patient|paciencia'), (s) => has(s, 'ask', 'action', 'wait')],
  // A recap names what the conversation was about: "The dispute's status…" needs a dispute, "Refunds appear…" a refund,
  // "the payment's status" a payment (review 2026-12-07: each after a conversation that had none).
  [re("dispute's status|the case|la reclamación|el caso"), (s) => TALKED_DISPUTE.test(s.said)],
  [re('refunds appear|los reembolsos|once the merchant sends|el reembolso aparecerá|cuando el comercio lo envíe'), (s) => TALKED_REFUND.test(s.said)],
  [re("payment's status|estado del pago"), (s) => TALKED_PAYMENT.test(s.said)],
  // The reactions to one act (data/grammar/common.json `reaction`, `closing_after`) need that act in the last turn.
  // Trying is for a fix that may work: a problem's steps, not a how-to's ("Vale, lo pruebo" to where cards are sent).
  [re("i'll try that|give that a go|lo pruebo|lo intento|voy a probarlo"), (s) => s.problem && s.last.has('todo')],
  [re("i'll do that|i'll have a look|lo hago ahora|the steps|los pasos|lo miro"), (s) => s.last.has('todo')],
  [re("i'll wait|i can wait|a few days|wait and see|esperaré|puedo esperar|a esperar"), (s) => s.last.has('wait') || s.last.has('underway')],
  [re("shame|pity|not what I hoped|live with it|qué pena|lástima|no es lo que esperaba|qué le vamos a hacer|if that's how it is|si es así"), (s) => s.last.has('no') || s.last.has('cost')],
  // "That still doesn't help" answers an answer that hedged or said what usually happens, never an action that did
  // what was asked (review 2026-12-07 #30: after "I've locked your account sessions") nor a plain yes.
  [re("doesn't (?:really )?help|does not (?:really )?help|no me ayuda|no me sirve"), (s) => s.last.has('hedge') && !s.last.has('action') && !s.last.has('yes')],
  // "That's not good enough" / "Seriously?" answer a disappointment: a no, a fee or a wait, not an action taken.
  [re("not good enough|seriously|no es suficiente|en serio"), (s) => (s.last.has('no') || s.last.has('cost') || s.last.has('wait')) && !s.last.has('action')],
  // "Send it whenever you have it" waits for something the agent asked the customer to send.
  [re('whenever you have it|when you have it|cuando (?:lo|la|los|las) <?(?:tengas|tenga)'), (s) => s.awaiting === true],
  // "Your feedback has been passed on" needs feedback: the customer's own words criticised something (review
  // 2026-12-07 #20, an escalation with no trigger). The unresolved closings' customer lines are complaints.
  [re('feedback has been passed|passed your comments|trasladé (?:tu|su)|comentario al equipo'), (s) => COMPLAINT.test(s.said)],
  // "So we can make it clearer" needs a customer who said something was unclear.
  [re('make it clearer|quede más claro'), (s) => UNCLEAR.test(s.said)],
  // Round 9 (review 2026-12-08). "That makes sense now" / "Vale, ahora tiene sentido" needs something explained: not
  // after "Write to us from Help and mention this chat" (#76).
  [re("makes sense now|that makes sense|i get it|now i understand|tiene sentido|ahora sí lo entiendo|ahora lo entiendo|ya me queda claro|ya me quedó claro|thanks for explaining|gracias por explicarlo|explaining it so"), explained],
  // Outsized praise ("This is why I love the app", "Por cosas así me encanta la app", "the best customer service")
  // needs what the agent did to deserve it: not a fee justified or Premium offered for a complaint (#11, #41, #75).
  [re("this is why I love|best (?:support|customer service)|always great|brilliant as always|always a pleasure|por cosas así|me encanta la app|da gusto que atiendan|así da gusto|como siempre"), earnsPraise],
  // "If anything changes, message us" needs something that can change: a problem, a wait, something under way (#2, #26).
  [re('if anything changes|si algo cambia'), (s) => s.problem || s.reported === true || s.stillMissing || has(s, 'wait', 'underway', 'action')],
  // "Stay safe." wishes well against fraud or theft, not after a fee question (#9).
  [re('stay safe'), (s) => TALKED_SECURITY.test(s.said)],
  // "Still, it's annoying to have to ask" needs an answer that disappoints or a problem, not a plain how-to (#86).
  // Nor "still not convinced" after a plain yes (pre-review 302 #73): doubt needs something to doubt.
  [re('molesta tener que preguntar|had to ask about this|should (?:really )?be clearer in the app|debería estar más claro|not convinced|sin estar convencid\\p{L}*|no me convence'), (s) => s.problem || s.reported === true || has(s, 'no', 'cost', 'wait', 'hedge')],
  // "We'll update you as soon as there's news" needs a case the agent opened, not a reversal explained (302 #44).
  [re("update you|as soon as there's news|en cuanto haya novedades"), (s) => has(s, 'action')],
  // A cheerful sign-off ("Enjoy your weekend!") does not follow a worry (301 #97: fear, then "¡Buen fin de semana!").
  [re('enjoy|nice week|buen fin de semana|feliz semana|que disfrutes|que disfrute'), (s) => !s.worried],
  // The agent's regret at not doing more needs a no.
  [re("couldn't do more|wasn't the answer|no poder hacer más|no sea la respuesta"), (s) => has(s, 'no', 'cost')],
];

// Claims the customer said it was solved: a bit of its own beside the presuppositions, so one cached test covers it.
// "Glad that helped" after a bare "Alright" claims what the customer never said (review 2026-12-07 #43).
const CLAIMS_SOLVED = re("answers it|glad that's sorted|glad that helped|glad it helped|quedó resuelto|se haya resuelto|me alegra que sirva|me alegra que (?:te|le) haya servido");
// Per template: the indices of the presuppositions it carries (more than 31, so a list, not a bit mask) and whether
// it claims the customer said it was solved.
const needCache = new WeakMap<Template, { needs: readonly number[]; claims: boolean }>();

function needsOf(t: Template): { needs: readonly number[]; claims: boolean } {
  let m = needCache.get(t);
  if (m === undefined) {
    const text = templateText(t);
    m = { needs: NEEDS.flatMap(([r], i) => (r.test(text) ? [i] : [])), claims: CLAIMS_SOLVED.test(text) };
    needCache.set(t, m);
  }
  return m;
}

/** Whether every presupposition of `t` holds. */
export function fits(t: Template, s: DiscourseState): boolean {
  return needsOf(t).needs.every((i) => (NEEDS[i] as readonly [RegExp, Need])[1](s));
}

/** The lines of `ts` that fit, or undefined when none does. */
export function fitting(ts: readonly Template[] | undefined, s: DiscourseState): Template[] | undefined {
  const out = (ts ?? []).filter((t) => fits(t, s));
  return out.length > 0 ? out : undefined;
}

// A customer's last words that say the answer did its job: only then "Glad that answers it" / "Qué bien que quedó resuelto".
const SOLVED = re("sorted|answers it|exactly what I needed|all I needed|just what I was after|cleared it up|clear now|makes sense|really clear|that's clear|helpful|resuelto|resolverlo|arreglarlo|justo lo que necesitaba|me queda claro|quedó claro|quedado claro|clarísimo|muy claro|eso era todo|útil|ayudado|listo");

export const saysSolved = (words: string): boolean => SOLVED.test(words);

/** Agent replies that claim the customer said it was solved are kept for customers who did. */
export function repliesFor(ts: readonly Template[], words: string): Template[] {
  if (saysSolved(words)) return [...ts];
  const out = ts.filter((t) => !needsOf(t).claims);
  return out.length > 0 ? out : [...ts];
}

// What a customer writes when an answer has not helped yet, or something is still not there.
const STILL = re("still|not yet|doesn't (?:really )?help|haven't|hasn't|lost|aún no|todavía no|sigo sin|no me ayuda|no veo|no aparece|no es suficiente|not good enough|seriously");

export const saysStillMissing = (text: string): boolean => STILL.test(text);

// The agent saying the money or the item is not there yet ("Aún no veo el reembolso"): nothing to celebrate after it.
const NOT_THERE = re("aún no veo|todavía no veo|no veo (?:el|la|los|las) (?:reembolso|transferencia|dinero|pago|importe|\\$|\\d)|still (?:can't|don't) see|i can't see (?:it|the|your)|not showing yet|hasn't arrived|(?:we|i) haven't (?:received|got) (?:it|the|your|that|a)|we haven't received|no ha llegado|no (?:nos )?ha llegado|aún no (?:lo|la) hemos recibido|no (?:lo|la) hemos recibido");

export const agentSaysNotThere = (text: string): boolean => NOT_THERE.test(text);

// An acknowledgement that promises to say it again more clearly or more directly ("Tiene razón, voy al grano"): the
// answer after it has to be a point, not a redirect (review 2026-12-08 #76).
const CLEARER = re("let me be clearer|put it another way|fair point|me explico mejor|voy al grano|tienes razón|tiene razón");

/** Whether an acknowledgement promises a clearer answer that `answerActs` (the acts of what follows) does not give. */
export const clearerUnbacked = (ack: Template, answerActs: ReadonlySet<Act>, reasked: boolean): boolean =>
  CLEARER.test(templateText(ack)) && (!reasked || !explained({ acts: answerActs, last: answerActs, problem: false, stillMissing: false, worried: false, said: '' }));

// A lead that says the last answer did not help ("Perdón, sigo sin entender.", "That still doesn't really help."):
// it has to go before a question about that answer, not a new one (301 #90, 302 #20: "sigo sin entender" and then
// "¿Depositar efectivo tiene tarifa?").
const UNHELPED = re("still (?:a bit |slightly )?lost|doesn't (?:really )?help|sigo sin entender|no me ayuda");

export const saysUnhelped = (t: Template): boolean => UNHELPED.test(templateText(t));
