// Resolution labels the turns contradict: "escalated" with nothing escalated in the agent's words (review 2026-12-08
// #31, #56: a chat that ends on the first answer, labelled escalated).

type T = ReadonlyArray<{ speaker: string; text: string }>;

// What an agent writes when it hands the case on: a team, a ticket, a specialist, "escalated".
const ESCALATES = /(?<!\p{L})(escalat\p{L}*|escal[éó]|escalad[oa]|ticket|specialist|specialists|especialista|passed (?:it|this|your case) (?:on )?to|handed (?:it|this) over|equipo especializado|equipo responsable|pasé (?:tu|su) caso)(?!\p{L})/iu;

/** Why an "escalated" label is not carried by the turns, or undefined (also for other labels). */
export function escalationUnsaid(turns: T, resolution: string | undefined): string | undefined {
  if (resolution !== 'escalated') return undefined;
  const agent = turns.filter((t) => t.speaker === 'agent').map((t) => t.text);
  return agent.some((a) => ESCALATES.test(a)) ? undefined : `escalated, but no agent turn escalates: ${agent[agent.length - 1] ?? ''}`;
}
