// Survey (round 9, issue 15): every answer and follow-up answer in data/grammar/*.json with a conditional that a
// customer's stated fact can settle — where the money went or its currency, how long ago it happened, an amount —
// and whether the intent's asks or contexts can state that fact. Those lines need a stated-fact version (an
// `answer_when` entry, or a follow-up answer that does not hedge) so the generator is not left with only the hedge.
// Usage: node bench/conversations-conditionals.mjs [--all]  (default: only lines whose intent can state the fact)
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../data/grammar/', import.meta.url);
const IF = {
  abroad: /(?<!\p{L})(?:if (?:it|this(?: one)?|the (?:transfer|payment|money)) (?:was|went|is|goes|is going) (?:abroad|overseas|international|to another country|in (?:a different|another|a foreign) currency)|if it'?s (?:international|abroad)|si (?:esta|esa|la transferencia|el pago|el dinero)? ?(?:fue|va|iba|es|se fue) (?:a otro país|al extranjero|en otra moneda|internacional)|si es internacional)(?!\p{L})/iu,
  days: /(?<!\p{L})(?:if it'?s been (?:pending for )?(?:more than|over|longer than) \S+ (?:working |business )?(?:days?|weeks?|hours?)|si (?:ya )?(?:han pasado|pasaron|pasan|lleva|llevas?) (?:más de|mas de) \S+ (?:días?|semanas?|horas?))/iu,
  amount: /(?<!\p{L})(?:if (?:it|the (?:amount|payment|top-up))(?: was| is)? (?:over|above|more than|under|below)|if it went over your limit|si (?:el importe|el pago|la recarga)? ?(?:supera|pasa de|es (?:mayor|menor) de|fue de más))/iu,
};
// What a customer's ask, context or detail says that settles each kind.
const STATES = {
  abroad: /(?<!\p{L})(?:abroad|overseas|international|another country|foreign|\{country\}|\{currency\}|al extranjero|en el extranjero|a otro país|internacional|otra moneda)(?!\p{L})/iu,
  days: /(?<!\p{L})(?:last night|this morning|yesterday|today|\{date\}|\{days\}|ago|anoche|esta mañana|ayer|hoy|hace)(?!\p{L})/iu,
  amount: /\{(?:amount|amount2|large_amount)\}/u,
};
const texts = (xs) => (xs ?? []).flat(3).filter((x) => typeof x === 'string');
const all = process.argv.includes('--all');
let n = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'common.json')) {
  const g = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  // The category's shared follow-ups can follow any of its intents' asks.
  for (const [lang, pairs] of Object.entries(g.followups ?? {})) {
    for (const [q, a] of pairs) {
      for (const [kind, re] of Object.entries(IF)) {
        const m = re.exec(a);
        if (!m) continue;
        n++;
        console.log(`${f}\t(category)\t${lang}\t${kind}\tfollowup "${q}"\t"${m[0]}"\tany intent of the category\t${a.slice(0, 160)}`);
      }
    }
  }
  for (const [intent, byLang] of Object.entries(g.intents ?? {})) {
    for (const [lang, it] of Object.entries(byLang)) {
      const customer = [...texts(it.ask), ...texts(it.context), ...(it.followups ?? []).map((p) => p[0])].join(' \n ');
      const lines = [
        ...texts(it.answer).map((t) => ['answer', t]),
        ...(it.answer_when ?? []).flatMap((w) => texts(w.answer).map((t) => [`answer_when ${w.when}`, t])),
        ...(it.followups ?? []).map((p) => [`followup "${p[0]}"`, p[1]]),
      ];
      for (const [where, text] of lines) {
        for (const [kind, re] of Object.entries(IF)) {
          const m = re.exec(text);
          if (!m) continue;
          const can = STATES[kind].test(customer);
          if (!can && !all) continue;
          n++;
          console.log(`${f}\t${intent}\t${lang}\t${kind}\t${where}\t"${m[0]}"\t${can ? 'customer can state it' : 'not stated by this intent'}\t${text.slice(0, 160)}`);
        }
      }
    }
  }
}
console.log(`${n} lines`);
