// Canned lines that mean nothing where they stand (review 2026-12-08 #2, #9, #30, #76; pre-reviews 301 #90, 302 #20,
// #63): "let me explain how it works" before an action, "That makes sense now" after a mere redirect, "Sorry, let me
// be clearer" before the answer to a new question, "Stay safe." after a fee question.
import { stemsOf, countShared } from '../../providers/offline/conversations/repeats.js';

type T = ReadonlyArray<{ speaker: string; text: string }>;

const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

const EXPLAINS = re("let me explain|i'll explain|te explico|le explico|permítame explicar\\p{L}*|permíteme explicar\\p{L}*");
const ACTION = re("i'?ve (?:\\p{L}+ )?(?:blocked|frozen|cancell?ed|refunded|started|raised|opened|escalated|reported|sent|ordered|reset|unlocked|requested|submitted|passed)|ya (?:bloqueé|congelé|cancelé|reembolsé|abrí|inicié|escalé|envié|pedí|solicité)|he (?:bloqueado|congelado|cancelado|reembolsado|abierto|iniciado|escalado|enviado|pedido|solicitado)");
const UNDERSTOOD = re("makes sense now|that makes sense|now i understand|ahora tiene sentido|ahora sí lo entiendo|ahora lo entiendo");
const REDIRECT = re('message us|write to us|contact us|mention this (?:chat|conversation)|escríb[ae]nos|contáct[ae]nos|menciona esta|mencione esta');
const REPAIR = re('let me be clearer|put it another way|me explico mejor|voy al grano');
const STAY_SAFE = re('stay safe');
const SECURITY = re('fraud\\p{L}*|scam\\p{L}*|stolen|stole|lost|compromised|hack\\p{L}*|phishing|suspicious|fraude|estafa|robad[oa]|robaron|robo|perd\\p{L}*|comprometid[oa]|sospechos[oa]');
const sentences = (s: string): string[] => s.split(/(?<=[.!?])\s+/u).filter((x) => x.trim() !== '');
/** Every sentence with content (more than five words: not "Tiene razón, perdón.") sends the customer elsewhere. */
const onlyRedirects = (text: string): boolean => {
  const content = sentences(text).filter((s) => s.split(/\s+/u).length > 5);
  return content.length > 0 && content.every((s) => REDIRECT.test(s));
};

/** The first canned line whose precondition the conversation lacks, or undefined. */
export function cannedLineUnfounded(turns: T): string | undefined {
  const all = turns.map((t) => t.text).join(' ');
  for (const [i, t] of turns.entries()) {
    const prev = turns[i - 1];
    if (t.speaker === 'agent') {
      if (EXPLAINS.test(t.text) && ACTION.test(t.text)) return `explains, then acts: ${t.text}`;
      if (STAY_SAFE.test(t.text) && !SECURITY.test(all)) return `"stay safe" with no fraud or loss: ${t.text}`;
      // A repair answers a re-ask: the customer's question shares the words of the answer before it.
      const before = turns[i - 2];
      if (REPAIR.test(t.text) && prev?.speaker === 'customer' && before?.speaker === 'agent' && countShared(stemsOf(before.text), stemsOf(prev.text)) < 2) return `repair before a new question: ${prev.text} → ${t.text}`;
    } else if (UNDERSTOOD.test(t.text) && prev?.speaker === 'agent' && onlyRedirects(prev.text)) {
      return `understood after a redirect: ${prev.text} → ${t.text}`;
    }
  }
  return undefined;
}

// The agent asks the customer for something now ("Dígame con qué banco", "Share the reference here").
const REQUEST: RegExp = /(?:^|[.!?;:]\s+)(?:please |por favor,? )?(?:share|send us|send it|upload|tell me|let me know (?:which|what|the)|comparte|comparta|compártel[oa]s?|compártal[oa]s?|envíanos|envíenos|envíal[oa]s?|envíel[oa]s?|mándanos|mándenos|dime|dígame|díganos|dinos|indícame|indíqueme|cuéntame|cuénteme)(?!\p{L})/iu;

/** An agent request the next customer turn ignores (a new question, or thanks with no fact given), or undefined. */
export function agentRequestDropped(turns: T): string | undefined {
  for (const [i, t] of turns.entries()) {
    const next = turns[i + 1];
    if (t.speaker !== 'agent' || next?.speaker !== 'customer' || !REQUEST.test(t.text)) continue;
    // A reply that gives something (a number, a name in capitals after the first word) answers it.
    const gives = /\d/u.test(next.text) || /\s\p{Lu}\p{Ll}+/u.test(next.text.replace(/^\S+\s*/u, ' ').replace(/[.!?]\s+\p{Lu}/gu, ' '));
    if (!gives) return `request dropped: ${t.text} → ${next.text}`;
  }
  return undefined;
}
