// What an agent turn says against what the customer already told (round 8, review 2026-12-07): advice to do what the
// customer said was done, an answer listing currencies, brands or documents without the one named, event details
// under a hypothetical question. Part of `fact_clash` (situation.ts).
import { repeatedAdvice } from '../../util/done-actions.js';
import { missedName } from '../../util/named-things.js';
import { waitOverdue } from '../../util/waits.js';

type Turns = ReadonlyArray<{ speaker: string; text: string }>;

/** Each agent turn with everything the customer wrote before it. */
function agentAfterCustomer(turns: Turns): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let customer = '';
  for (const t of turns) {
    if (t.speaker === 'customer') customer += ` ${t.text}`;
    else out.push([customer, t.text]);
  }
  return out;
}

/** An agent turn advising what the customer said was already done ("They checked with their bank" → "ask them to check"). */
export function adviceRepeated(turns: Turns): string | undefined {
  for (const [said, text] of agentAfterCustomer(turns)) {
    const what = repeatedAdvice(said, text);
    if (what !== undefined) return `${what}: ${text}`;
  }
  return undefined;
}

/** An agent turn listing currencies, card brands or documents without the one the customer named. */
export function nameMissed(turns: Turns): string | undefined {
  for (const [said, text] of agentAfterCustomer(turns)) {
    const miss = missedName(said, text);
    if (miss !== undefined) return `${miss}: ${text}`;
  }
  return undefined;
}

// A question about what would happen, and a sentence in the same message giving an amount as if it had.
const IF_QUESTION = /(?<!\p{L})(?:if I|what if|what happens if|would I|si (?:recargo|pago|mando|envío|uso|saco|cambio|transfiero|meto)|¿y si|qué pasa si)(?!\p{L})[^?]*\?/iu;
const MONEY = /[£$€]\s?\d|\d\s?€/u;
// Told as done: "The top up was £1,050", "I paid 40 €" (a planned "Son $1,146 a Italia" is no event yet).
const PAST_AMOUNT = /(?<!\p{L})(?:was|were|fue|fueron|era|costó|I (?:paid|topped up|sent|added|was charged)|pagué|recargué|mandé|envié|me cobraron)(?!\p{L})[^.?!]*(?:[£$€]\s?\d|\d\s?€)/iu;

/** A hypothetical question followed by an amount of the event it imagines ("If I top up…? The top up was £1,050."). */
export function hypotheticalEvent(turns: Turns): string | undefined {
  const first = turns.find((t) => t.speaker === 'customer')?.text ?? '';
  const q = IF_QUESTION.exec(first);
  if (!q || MONEY.test(q[0])) return undefined;
  const after = first.slice((q.index ?? 0) + q[0].length);
  return PAST_AMOUNT.test(after) ? first : undefined;
}

// The customer's "OK, I'll try that" / "Ok, lo pruebo".
const TRY_THAT = /(?<!\p{L})(?:i'?ll (?:try|give) (?:that|it)|i'?ll give that a go|lo pruebo|lo intento|voy a probar)(?!\p{L})/iu;

/** "OK, I'll try that" right after advice the customer had already followed (#86: "Ok, lo pruebo"). */
export function triesRepeatedAdvice(turns: Turns): string | undefined {
  let customer = '';
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i] as { speaker: string; text: string };
    const prev = turns[i - 1];
    if (t.speaker === 'customer' && prev?.speaker === 'agent' && TRY_THAT.test(t.text) && repeatedAdvice(customer, prev.text) !== undefined) return t.text;
    if (t.speaker === 'customer') customer += ` ${t.text}`;
  }
  return undefined;
}

/** An agent turn whose longest wait is shorter than the customer's, with nothing to do after it ("I've waited a week" → "up to 5 days"). */
export function waitPassed(turns: Turns): string | undefined {
  for (const [said, text] of agentAfterCustomer(turns)) if (waitOverdue(said, text)) return text;
  return undefined;
}
