// Re-asks: a later question whose answer says mostly what the agent had already said ("…límite por pago sin
// contacto" → "¿Hay un límite…?"), the 2026-12-03 review's class 2.

const stems = (t: string): Set<string> => new Set((t.toLowerCase().match(/\p{L}{5,}/gu) ?? []).map((w) => w.slice(0, 5)));

/** True when an agent answer to a customer question after the first exchange shares three content stems, and half of its own, with the agent's earlier turns. */
export function reasked(turns: ReadonlyArray<{ speaker: string; text: string }>): boolean {
  return turns.some((t, i) => {
    const next = turns[i + 1];
    if (i < 2 || t.speaker !== 'customer' || !t.text.includes('?') || next?.speaker !== 'agent') return false;
    const before = stems(turns.slice(0, i).filter((x) => x.speaker === 'agent').map((x) => x.text).join(' '));
    // A short acknowledgement in front ("Lo entiendo.", "I see.") repeats formulas, not the answer's content.
    const a = stems(next.text.replace(/^[^.!?]{0,24}[.!?]\s+(?=\S)/u, ''));
    const shared = [...a].filter((w) => before.has(w)).length;
    return shared >= 3 && shared * 2 >= a.size;
  });
}
