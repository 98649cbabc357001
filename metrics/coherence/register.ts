// tú/usted switching: a Spanish agent who addresses the same customer both ways in one conversation.

const word = (alts: string): RegExp => new RegExp(`(?<!\\p{L})(${alts})(?!\\p{L})`, 'iu');
// Only unambiguous forms: "su", "le" and third-person verbs also refer to other people, so they are left out
// unless the verb can only be addressed to the customer ("le ayudo", "no se preocupe").
export const TU = word(
  'te|ti|contigo|tú|tu|tus|tienes|puedes|enviarte|ayudarte|escribirte|avisarte|quieres|necesitas|estás|eres|hayas|verás|recibirás|podrás|debes|prefieres|escríbenos|cuídate|avísame|déjame|indícame|confírmame|preocupes|esperabas|quieras|tengas|congeles|reemplaces',
);
export const USTED = word(
  'usted|se preocupe|disculpe|permítame|escríbanos|cuídese|avíseme|déjeme|indíqueme|confírmeme|le (ayudo|ayude|explico|aclaro|confirmo|escribimos|avisaremos|responderán|pido|entiendo|puedo)',
);

export type Register = 'tú' | 'usted';

/** The registers the agent's turns use (empty when no marker is found). */
export function agentRegisters(turns: ReadonlyArray<{ speaker: string; text: string }>): { tu?: string; usted?: string } {
  const out: { tu?: string; usted?: string } = {};
  for (const t of turns) {
    if (t.speaker !== 'agent') continue;
    out.tu ??= TU.exec(t.text)?.[0];
    out.usted ??= USTED.exec(t.text)?.[0];
  }
  return out;
}

/** A description of the switch ("tú 'te' and usted 'le explico'"), or undefined. */
export function registerSwitch(turns: ReadonlyArray<{ speaker: string; text: string }>): string | undefined {
  const r = agentRegisters(turns);
  return r.tu !== undefined && r.usted !== undefined ? `tú '${r.tu}' and usted '${r.usted}'` : undefined;
}
