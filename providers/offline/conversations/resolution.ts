// The resolution label follows what the turns did: "escalated" needs an escalation the agent said, "resolved" no
// request for data left unanswered (review 2026-12-08: #31 and #56 "escalated" with nothing escalated, #95 a refund
// reference asked for and never given, labelled resolved).

const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

/** An agent turn that asks for something to be sent now, not "if it's been longer, send us…". */
const REQUESTS_DATA: Record<'en' | 'es', RegExp> = {
  en: /(?:^|[.!?;:]\s+)(?:please )?(?:share|send us|send over|send it|upload|could you share|can you share|tell me|let me know (?:which|what|the))(?!\p{L})/iu,
  es: /(?:^|[.!?;:]\s+)(?:por favor,? )?[¿]?(?:comparte|comparta|compártel[oa]s?|compártal[oa]s?|compártenos|compártanos|envíanos|envíenos|envíal[oa]s?|envíel[oa]s?|mándanos|mándenos|sube|suba|dime|dígame|díganos|dinos|indícame|indíqueme|cuéntame|cuénteme|me (?:compartes|comparte|envías|envía|dices|dice))(?!\p{L})/iu,
};

/** Whether an agent turn asks the customer to send or say something now (a reference, a photo, the bank's name). */
export const requestsData = (text: string, lang: 'en' | 'es'): boolean => REQUESTS_DATA[lang].test(text);

/** What the agent says when it escalates: a team, a ticket, a specialist. */
const ESCALATES = re("escalat\\p{L}*|raised a ticket|opened a ticket|specialist team|passed (?:it|this|your case) (?:on )?to|handed (?:it|this) over|escal[éó]|escalad[oa]|abrí un ticket|he abierto un ticket|equipo especializado|equipo responsable|pasé (?:tu|su) caso");

export const saysEscalated = (agentText: string): boolean => ESCALATES.test(agentText);

export interface TurnsDid {
  /** Everything the agent said. */
  agentText: string;
  /** The agent asked the customer to send or say something, and nothing was sent. */
  requested: boolean;
  /** Something is under way (an action, a wait, a process running), nothing being waited for from the customer. */
  underWay: boolean;
}

/** The label the turns carry, from the one the arc drew. */
export function resolutionFits(label: string, did: TurnsDid): string {
  if (label === 'escalated' && !saysEscalated(did.agentText)) return 'unresolved';
  // Waiting for what the customer was asked for is pending, not resolved.
  if (label === 'resolved' && did.requested) return 'pending';
  if (label === 'pending' && !did.underWay && !did.requested) return 'resolved';
  return label;
}
