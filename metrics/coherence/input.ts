// The few fields of a conversation record that coherence checks read (datasets made elsewhere have the same shape).

export interface CoherenceInput {
  intent: string;
  language: string;
  /** The record's sentiment label, when it has one. */
  sentiment?: string;
  turns: ReadonlyArray<{ speaker: string; text: string }>;
  meta?: { dialect?: string };
}

/** A record as read from JSONL, narrowed to what the checks need; undefined when it has no usable turns. */
export function coherenceInput(rec: Record<string, unknown>): CoherenceInput | undefined {
  if (!Array.isArray(rec.turns)) return undefined;
  const turns = (rec.turns as unknown[])
    .filter((t): t is Record<string, unknown> => t !== null && typeof t === 'object')
    .map((t) => ({ speaker: String(t.speaker ?? ''), text: typeof t.text === 'string' ? t.text : '' }));
  const meta = rec.meta !== null && typeof rec.meta === 'object' ? (rec.meta as { dialect?: unknown }) : undefined;
  return {
    intent: typeof rec.intent === 'string' ? rec.intent : '',
    language: typeof rec.language === 'string' ? rec.language : '',
    sentiment: typeof rec.sentiment === 'string' ? rec.sentiment : undefined,
    turns,
    meta: typeof meta?.dialect === 'string' ? { dialect: meta.dialect } : undefined,
  };
}
