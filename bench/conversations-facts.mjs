// Round 7 (issue 15): counts of the 2026-12-06 review's fact classes in generated text — two times of day, cash abroad
// in the home currency, an amount implausible for the merchant, two merchants for one payment, a sentence against the
// intent's situation, an odd residence. Counts are conversations with at least one hit (the checks in
// metrics/coherence/situation.ts, which test/conversations/facts-round7.test.ts asserts on).
// Round 8 adds the done-already, named-thing and hypothetical classes (metrics/coherence/repeated-advice.ts).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-facts.mjs [--dist path/to/dist] [--seed 707] [--n 4000]
import { generatorFrom } from './conversations-generator.mjs';

const args = process.argv.slice(2);
const flag = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const seed = Number(flag('--seed', '707'));
const n = Number(flag('--n', '4000'));
const { gen } = await generatorFrom(args);
// The checks are this checkout's, applied to either build's conversations.
const s = await import(new URL('../dist/metrics/coherence/situation.js', import.meta.url).href);
const r = await import(new URL('../dist/metrics/coherence/repeated-advice.js', import.meta.url).href);
const st = await import(new URL('../dist/metrics/coherence/settled.js', import.meta.url).href);
const CLASSES = [
  ['two times of day (greeting, wish)', (c) => s.clockClash(c.turns)],
  ['home-currency cash amount taken out in a named foreign country', (c) => s.cashAbroad(c.turns, c.meta.dialect)],
  ['amount above 1.5x what the named merchant kind costs', (c) => s.implausibleAmount(c.turns, c.language, c.meta.dialect)],
  ['first message names two kinds of merchant', (c) => s.merchantClash(c.turns)],
  ['customer sentence against the intent situation', (c) => s.situationClash(c.intent, c.turns)],
  ['residence odd for the dialect', (c) => s.residenceOdd(c.turns, c.meta.dialect)],
  // Round 8 (review 2026-12-07).
  ['advice repeats what the customer said was done (or "the sender" for their own transfer)', (c) => r.adviceRepeated(c.turns)],
  ['"OK, I\'ll try that" after advice already followed', (c) => r.triesRepeatedAdvice(c.turns)],
  ['answer lists currencies/brands/documents without the one named', (c) => r.nameMissed(c.turns)],
  ['hypothetical question, then an amount of the imagined event', (c) => r.hypotheticalEvent(c.turns)],
  ['answer gives only waits shorter than the customer has waited, and no next step', (c) => r.waitPassed(c.turns)],
  // Round 9 (review 2026-12-08).
  ['agent conditional the customer already settled (abroad; days after "last night")', (c) => st.conditionalSettled(c.turns)],
  ['amount asked as a ceiling ("more than $N") read as the amount to move', (c) => st.ceilingAsAmount(c.turns)],
  ['agent doubts or undoes its own block/freeze of the card', (c) => st.ownActionDoubted(c.turns)],
  ['es-MX "$N pesos" (symbol and word)', (c) => c.meta.dialect === 'es-MX' && c.turns.some((t) => /\$\s?\d[\d,.]*\s?pesos/u.test(t.text)) ? 'x' : undefined],
];
const report = (cs, classes) => {
  for (const [name, hit] of classes) {
    const bad = cs.filter((c) => hit(c) !== undefined);
    console.log(`${String(bad.length).padStart(5)}  ${name}`);
    if (args.includes('--examples')) for (const c of bad.slice(0, 3)) console.log(`         ${c.intent} ${c.meta.dialect}: ${String(hit(c)).slice(0, 220)}`);
  }
};
console.log(`seed ${seed}, ${n} conversations`);
report(gen(seed, n, 0), CLASSES);
// Round 8's classes live in a few intents: 2,000 more conversations of just those, so a count is not a handful.
const TARGET = [
  'transfer_not_received_by_recipient', 'unable_to_verify_identity', 'top_up_failed', 'declined_card_payment', 'failed_transfer',
  'beneficiary_not_allowed', 'card_arrival', 'direct_debit_payment_not_recognised', 'balance_not_updated_after_bank_transfer',
  'supported_cards_and_currencies', 'fiat_currency_support', 'verify_my_identity', 'top_up_by_card_charge', 'passcode_forgotten',
  'Refund_not_showing_up', 'pending_transfer', 'pending_top_up', 'pending_card_payment', 'pending_cash_withdrawal',
];
console.log(`\nseed ${seed + 1}, ${n / 2} conversations of ${TARGET.length} intents (${TARGET.join(', ')})`);
report(gen(seed + 1, n / 2, 0, { intents: TARGET }), CLASSES.slice(6, 11));
// Round 9's classes live in a few intents too.
const TARGET9 = ['transfer_fee_charged', 'transfer_timing', 'transfer_not_received_by_recipient', 'pending_transfer', 'top_up_limits', 'lost_or_stolen_card', 'card_swallowed', 'compromised_card', 'exchange_charge', 'balance_not_updated_after_bank_transfer'];
console.log(`\nseed ${seed + 2}, ${n / 2} conversations of ${TARGET9.length} intents (${TARGET9.join(', ')})`);
report(gen(seed + 2, n / 2, 0, { intents: TARGET9 }), CLASSES.slice(11, 14));
