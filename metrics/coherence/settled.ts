// Agent turns that hedge on what the conversation settled (round 9, review 2026-12-08 #75, #78, #80, #28): a
// conditional the customer's words answered, a ceiling amount read as the amount to move, a doubt about or an undoing
// of the agent's own card action. Part of `fact_clash` (situation.ts); the rules are util/settled-facts.ts's.
import { amountAsMoved, cardActionsOf, ceilingAmounts, doubtsOwnAction, settledConditional, type CardAction } from '../../util/settled-facts.js';

type Turns = ReadonlyArray<{ speaker: string; text: string }>;

const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+/u);

/** An agent sentence whose conditional the customer had already settled ("Si esta fue a otro país" after "al extranjero"). */
export function conditionalSettled(turns: Turns): string | undefined {
  let customer = '';
  for (const t of turns) {
    if (t.speaker === 'customer') customer += ` ${t.text}`;
    else for (const s of sentences(t.text)) if (settledConditional(customer, s) !== undefined) return s;
  }
  return undefined;
}

/** An agent turn that treats an amount the customer asked about as a ceiling ("más de $675,000") as the amount to move. */
export function ceilingAsAmount(turns: Turns): string | undefined {
  let ceilings: string[] = [];
  for (const t of turns) {
    if (t.speaker === 'customer') ceilings = [...ceilings, ...ceilingAmounts(t.text)];
    else for (const a of ceilings) if (amountAsMoved(t.text, a)) return t.text;
  }
  return undefined;
}

/** An agent turn after the agent blocked or froze the card that doubts that state or offers to undo it. */
export function ownActionDoubted(turns: Turns): string | undefined {
  const did = new Set<CardAction>();
  for (const t of turns) {
    if (t.speaker !== 'agent') continue;
    const why = doubtsOwnAction(did, t.text);
    if (why !== undefined) return t.text;
    for (const a of cardActionsOf(t.text)) did.add(a);
  }
  return undefined;
}
