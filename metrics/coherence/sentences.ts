// Splits a turn into sentences and picks out its questions (English "…?" and Spanish "¿…?").

/** Sentences with their final punctuation; a Spanish "¿" starts a new one. */
export function sentences(text: string): string[] {
  return (text.match(/[¿¡]?[^.!?¿¡]+[.!?]*/gu) ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

export function questions(text: string): string[] {
  return sentences(text).filter((s) => s.endsWith('?'));
}
