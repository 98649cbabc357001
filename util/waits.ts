// How long a customer says they have waited, and the longest wait an answer gives: "I've waited a week" is not
// answered with "it can take up to 5 days" unless the answer goes on to what to do after that (round 8, issue 15).

const NUM: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, una: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5 };
const n = (s: string): number => NUM[s.toLowerCase()] ?? Number(s);

// "It's been over a week", "I've been waiting almost two weeks", "llevo 12 días esperando": a wait, told as one.
const WAITED = /(?<!\p{L})(?:it'?s been|i'?ve been waiting(?: for)?|been waiting(?: for)?|waited|pending for|llevo|ya van|ya pasó|ya pasaron)(?: (?:over|more than|almost|nearly|about|casi|más de))? (\d+|an?|one|two|three|four|five|six|una|un|dos|tres|cuatro|cinco) (days?|weeks?|months?|días|semanas?|mes(?:es)?)(?!\p{L})/iu;
// "Pedí la tarjeta hace dos semanas y sigue sin llegar": an event's age is a wait only with what is still missing.
const AGO = /(?<!\p{L})(?:(\d+|an?|one|two|three|four|five|six) (days?|weeks?|months?) ago|hace (?:más de )?(\d+|una|un|dos|tres|cuatro|cinco) (días|semanas?|mes(?:es)?))(?!\p{L})[^.?!]*(?:still|not here|hasn't|haven't|isn't|sigue|todavía|aún|no (?:me )?ha llegado|no llega|sin llegar|pendiente)/iu;
const AGES = /(?<!\p{L})(?:been waiting[^.?!]*for ages|ordered (?:it |my card |a card )?ages ago|waiting for ages)(?!\p{L})/iu;

// An answer's waits: "up to 7 working days", "5–10 días hábiles", "within a week", "hasta 10 días".
const GIVEN = /(?<![\p{L}\d])(\d+|a|one|una|un)(?:[–-](\d+))? (?:working |business )?(days?|weeks?|días|semanas?)(?: hábiles)?(?!\p{L})/giu;
// What the answer says to do once its wait has passed: then the customer who waited longer has their next step.
// A figure whose unit was given just before it: "1 working day (2–5 for international)", "(hasta 7 en el extranjero)".
const GIVEN_BARE = /(?<![\p{L}\d])(\d+)(?:[–-](\d+))?(?= for international| abroad| en el extranjero| si es internacional| from abroad)/giu;
const BEYOND = /(?<!\p{L})(?:if it'?s been longer|longer than that|more than \d+|if it'?s (?:still )?not (?:here|arrived)|if it'?s taking longer|after that|si lleva más|si tarda más|si pasa más|han pasado más|si en \d+|después de eso|más de \d+)(?!\p{L})/iu;

const days = (count: number, unit: string): number => count * (/^(weeks?|semanas?)$/iu.test(unit) ? 7 : /^(months?|mes(es)?)$/iu.test(unit) ? 30 : 1);

/** The days a customer's text says they have waited, or undefined. */
export function waitedDays(text: string): number | undefined {
  const m = WAITED.exec(text);
  if (m) return days(n(m[1] as string), m[2] as string);
  const a = AGO.exec(text);
  if (a) return days(n((a[1] ?? a[3]) as string), (a[2] ?? a[4]) as string);
  return AGES.test(text) ? 14 : undefined;
}

/** Whether an answer gives only waits shorter than the customer's and nothing to do once they have passed. */
export function waitOverdue(customer: string | number | undefined, answer: string): boolean {
  // A number is the customer's wait already read (once per turn, not once per candidate answer).
  const waited = typeof customer === 'string' ? waitedDays(customer) : customer;
  if (waited === undefined || BEYOND.test(answer)) return false;
  const given = [...answer.matchAll(GIVEN)].map((m) => days(n((m[2] ?? m[1]) as string), m[3] as string));
  for (const m of answer.matchAll(GIVEN_BARE)) given.push(Number(m[2] ?? m[1]));
  return given.length > 0 && Math.max(...given) < waited;
}
