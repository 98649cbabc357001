// The customer's gender flipping inside one Spanish conversation: "Estoy nerviosa" then the agent's "Tranquilo",
// or "Estoy nervioso" … "ya estoy más tranquila" (blind review 2026-12-04, class 8).
import { genderMarks, type Gender } from '../../util/spanish-gender.js';

type T = ReadonlyArray<{ speaker: string; text: string }>;

/** The turn where the customer's gender first disagrees with an earlier one, or undefined. */
export function genderFlip(turns: T): string | undefined {
  let seen: Gender | undefined;
  for (const t of turns) {
    for (const g of genderMarks(t.text, t.speaker === 'agent' ? 'agent' : 'customer')) {
      if (seen === undefined) seen = g;
      else if (g !== seen) return `${t.speaker}: ${t.text}`;
    }
  }
  return undefined;
}
