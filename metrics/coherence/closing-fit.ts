// Closings that claim what did not happen: the agent promising a notification when nothing was started and no wait
// was given, or the customer complaining of a wait nobody mentioned (blind review 2026-12-04, classes 1 and 5); and,
// round 7 (review 2026-12-06), a customer thanking for a fix right after the agent said it could not be done, or
// relieved ("Phew", "¡qué alivio!") with no worry voiced before.

type T = ReadonlyArray<{ speaker: string; text: string }>;

const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');

const PROMISE = re("you'll get a notification|we'll update you|we'll let you know|recibirás una notificación|recibirá una notificación|te avisaremos|le avisaremos");
const WAIT_COMPLAINT = re('taking (?:way )?too long|tardando demasiado');
// Something under way: an action the agent took ("I've blocked", "Ya bloqueé", "he abierto") or a time it gave.
const STARTED = re("i'?ve \\p{L}+|i have \\p{L}+ed|we'?ve \\p{L}+|ya \\p{L}+é|he \\p{L}+(?:ado|ido)|abrí|inicié|escalé|marqué|bloqueé|congelé|cancelé|solicité");
// Steps the customer is to follow, which found a promise in the same turn ("follow the steps; you'll get a notification").
const STEPS = re('follow the steps|tap|go to|open the app|→|sigue los pasos|siga los pasos|toca|toque|ve a|vaya a|abre la app|abra la app');
const TIME = re('\\d+(?:[–-]\\d+)? (?:working |business )?(?:days?|hours?|minutes?|weeks?|días|horas|minutos|semanas)|a few (?:days|hours)|unos días|unas horas|hábil(?:es)?|takes?|tarda|pending|pendiente|as soon as|en cuanto|once it|cuando (?:llegue|esté)');

const THANKS_FOR_FIX = re('thanks for (?:sorting|fixing) it|finally!|gracias por (?:resolverlo|arreglarlo)|¡por fin!|por fin!');
const REFUSAL = re("can't|cannot|unfortunately|not possible|isn't possible|no podemos|no se puede|no es posible|lamentablemente|por desgracia");
const RELIEF = re('phew|what a relief|thank goodness|qué alivio|menos mal');
const WORRY = re('worr\\p{L}*|nervous|anxious|scared|afraid|panick\\p{L}*|stress\\p{L}*|preocup\\p{L}*|nervios\\p{L}*|miedo|asustad\\p{L}*|angusti\\p{L}*|inquiet\\p{L}*');

/** Why the closing is unfounded, or undefined. */
export function unfoundedClosing(turns: T): string | undefined {
  const last = turns.length - 1;
  const before = (i: number): string => turns.slice(0, i).filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ');
  const end = turns[last];
  const promise = end?.speaker === 'agent' ? PROMISE.exec(end.text) : null;
  if (end && promise) {
    // What the agent said before the promise, in this turn too ("follow the steps; you'll get a notification").
    const own = end.text.slice(0, promise.index);
    const said = `${before(last)} ${own}`;
    if (!STARTED.test(said) && !TIME.test(said) && !STEPS.test(own)) return `pending with nothing under way: ${end.text}`;
  }
  const words = [...turns].reverse().find((t) => t.speaker === 'customer');
  if (words && WAIT_COMPLAINT.test(words.text) && !TIME.test(before(turns.lastIndexOf(words)))) return `wait complaint with no wait given: ${words.text}`;
  if (words) {
    const at = turns.lastIndexOf(words);
    const prev = turns[at - 1];
    if (THANKS_FOR_FIX.test(words.text) && prev?.speaker === 'agent' && REFUSAL.test(prev.text) && !STARTED.test(before(at))) return `thanks for a fix after a refusal: ${words.text}`;
    const earlier = turns.slice(0, at).filter((t) => t.speaker === 'customer').map((t) => t.text).join(' ');
    if (RELIEF.test(words.text) && !WORRY.test(earlier)) return `relief with no worry voiced: ${words.text}`;
  }
  return undefined;
}
