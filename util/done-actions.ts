// Things a customer says they have already done, each with the advice that would tell them to do it again.
// The 2026-12-07 review's #86: "Ya revisaron con su banco dos veces" → "Que el destinatario consulte a su banco" →
// "Ok, lo pruebo"; #39: "I tried in good light" → "Try again in good light". Shared by the generator (a fact kind
// whose two values are "done" and "advised") and the coherence check that counts what slipped through.

export interface DoneAction {
  name: string;
  /** The customer saying it is done ("I checked the details twice", "Ya revisaron con su banco"). */
  done: RegExp;
  /** Advice to do it (again): "check the details", "Que el destinatario consulte a su banco". */
  advice: RegExp;
}

const W = (body: string): RegExp => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, 'iu');

export const DONE_ACTIONS: readonly DoneAction[] = [
  {
    // The recipient (or the customer) already asked the receiving bank.
    name: 'asked_their_bank',
    done: W("they(?:'ve| have)? (?:already )?(?:checked|asked|spoken) (?:with|to) their bank|ya (?:revisaron|consultaron|preguntaron) (?:con|en|a) su banco|ya lo revisaron con su banco"),
    advice: W("ask (?:the recipient|them|\\{recipient\\}) to (?:check|search|look)|check with their bank|que (?:el destinatario|la persona destinataria) (?:consulte|revise|pregunte)|que la busquen|que lo busquen"),
  },
  {
    // Tried again, more than once: "You can try again straight away" tells them to do what they did.
    name: 'retried',
    done: W("i(?:'ve| have)? tried (?:it |to verify(?: my id)? |verifying |again )?(?:twice|\\d+ times|three times|several times|a few times|many times|everything)|i tried (?:three|two|\\d+) times|(?:ya )?lo (?:he )?intent(?:é|ado) (?:dos|tres|\\d+|varias) veces|ya lo intenté \\d+ veces|yes, twice|once more [^.]*no luck|sí, dos veces|una vez más [^.]*nada"),
    advice: W("(?:you can|just|simply) try again(?: straight away| right away| now)?|try again straight away|(?:puedes|puede) repetirla|(?<!y )(?:vuelve|vuelva) a intentarlo|int[ée]nt(?:a|e)lo de nuevo|int[ée]nt(?:a|e)lo otra vez"),
  },
  {
    // The photo conditions: "I did it in good light" → "Try again in good light".
    name: 'good_light',
    done: W('(?:i (?:did it|tried|took it|did)|lo hice|lo intenté) (?:in|con) (?:good|buena) (?:light|luz)'),
    // Imperatives only: "intenté con buena luz" is the customer's own past.
    advice: /(?:try again|int[ée]nt[ae]lo|intenta(?!\p{L})|intente(?!\p{L}))[^.]{0,20}(?:in good light|con buena luz)/iu,
  },
  {
    // The account or card details, or the address, already checked.
    name: 'checked_details',
    done: W("i(?:'ve| have)? (?:double-checked|checked|double checked) (?:the |my )?(?:account |bank |card |recipient's )?(?:details|address|number)(?: twice)?|the details are correct, i checked|i double-checked the account details|revis[ée] (?:los datos|mi dirección|la dirección)(?: de la cuenta)?|los datos están bien, los revisé|comprob[ée] los datos"),
    advice: W("(?:please )?(?:double-check|check|compare) (?:that )?(?:the|your) (?:account |card |recipient's |bank )?(?:details|address)|check the details|(?:revisa|revise|comprueba|compruebe) (?:que )?(?:los datos|la dirección|tu dirección|su dirección)"),
  },
  {
    // Subscriptions already gone through: "Is it maybe a subscription I forgot?" asks what they ruled out.
    name: 'checked_subscriptions',
    done: W("i(?:'ve| have)? checked my subscriptions|revis[ée] mis suscripciones"),
    advice: W('a subscription i forgot|una suscripción que olvidé|(?:check|review) your subscriptions|(?:revisa|revise) (?:tus|sus) suscripciones'),
  },
  {
    // The app restarted, reinstalled or updated.
    name: 'restarted_app',
    done: W("i(?:'ve| have)? (?:already )?(?:restarted|reinstalled|updated|closed and reopened) (?:the|my) (?:app|phone)|(?:ya )?(?:reinicié|reinstalé|actualicé|cerré y abrí) (?:la app|el teléfono|el celular|el móvil)"),
    advice: W('(?:try )?(?:restart|restarting|reinstall|reinstalling|updating|update) (?:the|your) app|(?:reinicia|reinicie|reinstala|reinstale|actualiza|actualice) la app'),
  },
  {
    // The card already frozen by the customer.
    name: 'froze_card',
    done: W("i(?:'ve| have)? (?:already )?(?:frozen|froze) (?:it|the card|my card)|ya (?:la )?congelé(?: la tarjeta)?"),
    advice: W('(?:please )?freeze (?:it|the card|your card)(?: now)?|(?:congélala|congélela|congela la tarjeta|congele la tarjeta)'),
  },
  {
    // The spam folder or notifications already looked at.
    name: 'checked_spam',
    done: W("i(?:'ve| have)? (?:already )?checked (?:my )?(?:spam|junk)(?: folder)?|(?:ya )?revisé (?:el )?(?:spam|correo no deseado)"),
    advice: W('check (?:your )?(?:spam|junk)(?: folder)?|(?:revisa|revise) (?:el |la carpeta de )?(?:spam|correo no deseado)'),
  },
];

/**
 * Who sent the money the customer is waiting for: "Transferred money from my bank" is the customer's own transfer, so
 * "check that the sender used…" talks of a third person who is not there (review 2026-12-07, #10). Not a done action
 * but the same shape: the customer's words against the agent's.
 */
export const SENDER: readonly [RegExp, RegExp] = [
  // Led by the verb, not by optional words, so the engine does not retry at every position (the generator's hot path).
  /(?<!\p{L})(?:(?:transferred|sent|moved)(?: money| it| the money| funds)? from my (?:other )?(?:bank|account)|from my (?:other )?bank|I made the transfer|(?:transferí|envié|mandé|pasé) (?:dinero |el dinero )?desde mi (?:otro )?banco|desde mi otro banco|desde mi cuenta (?:de|en) otro banco)(?!\p{L})/iu,
  /(?<!\p{L})(the sender|sender's|el remitente|la persona que (?:te|le) (?:envió|mandó)|quien (?:te|le) (?:envió|mandó))(?!\p{L})/iu,
];

/** The first done-already action `customer` states that `agent` advises again, or undefined. */
export function repeatedAdvice(customer: string, agent: string): string | undefined {
  const own = SENDER[0].test(customer) && SENDER[1].test(agent) ? 'sender' : undefined;
  return DONE_ACTIONS.find((a) => a.done.test(customer) && a.advice.test(agent) && !a.done.test(agent))?.name ?? own;
}
