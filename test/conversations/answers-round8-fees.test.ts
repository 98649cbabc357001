// Grammar round 8 (issue 15), fees, security, identity and other: a first message that states a fact gets an answer
// that takes it into account (`answer_when`), one class per category file. Each fails on main, where the general
// answers ignored the fact ("I've used an ATM twice this month" → no word that two are within the 5 free ones;
// "Ya me acordé de él" → "Si no lo recuerdas, míralo…"; "I tried 5 times" → "Try again in good light"; "There's no
// money left in it" → "First move any remaining balance out").
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';

interface Case {
  name: string;
  intent: string;
  /** The fact, as the customer's first message says it. */
  said: Record<'en' | 'es', RegExp>;
  /** What an answer that takes the fact into account says (in some agent turn). */
  builds: Record<'en' | 'es', RegExp>;
  /** What ignores it (in no agent turn). */
  ignores: Record<'en' | 'es', RegExp>;
}

const CASES: Case[] = [
  {
    name: 'fees: two ATM withdrawals this month are within the free ones, not "you had used them"',
    intent: 'cash_withdrawal_charge',
    said: { en: /twice this month/iu, es: /dos veces este mes/iu },
    builds: { en: /two withdrawals|those two|within/iu, es: /dos retiros|dos reintegros|esos dos|dentro de/iu },
    ignores: { en: /already used this month's free/iu, es: /ya (?:habías|había) usado/iu },
  },
  {
    name: 'security: a PIN the customer remembers again is not "if you have forgotten it"',
    intent: 'pin_blocked',
    said: { en: /remember it now/iu, es: /ya me acordé/iu },
    builds: { en: /since you remember|then it's quick|then you only need/iu, es: /si ya lo recuerd|entonces (?:es rápido|basta)/iu },
    ignores: { en: /if you've forgotten/iu, es: /si no lo recuerd/iu },
  },
  {
    name: 'identity: a verification tried several times goes to manual review, not "try again"',
    intent: 'unable_to_verify_identity',
    said: { en: /\d+ times|three times|several times|tried everything/iu, es: /\d+ veces|tres veces|varias veces|(?:rechazaron|rechazan)[^.]* otra vez|falla una y otra vez/iu },
    builds: { en: /manual review|manual check|review it by hand|specialist/iu, es: /revisión manual|a mano|especialista/iu },
    ignores: { en: /try again in good light|retake it|try once more/iu, es: /inténtalo con|inténtelo con|repítela|repítala|pruebe otra vez|prueba otra vez/iu },
  },
  {
    name: 'other: an account with no money left is not told to move its balance out first',
    intent: 'terminate_account',
    said: { en: /no money left/iu, es: /ya no (?:tengo|me queda) saldo/iu },
    builds: { en: /nothing left|already zero|empty account/iu, es: /saldo está en cero|ya está en cero|sin saldo/iu },
    ignores: { en: /move any remaining balance|transfer any money left|send any money left|transferring what's left/iu, es: /retir[ae] el saldo|pas[ae] antes lo que quede|pasando lo que quede|pas[ae] el dinero que quede/iu },
  },
];

describe('offline conversations: answers that take the customer\'s stated fact into account (round 8)', () => {
  for (const c of CASES) {
    for (const lang of ['en', 'es'] as const) {
      it(`${lang}: ${c.name}`, () => {
        const convs = generateClean(1200, 81, { intents: [c.intent], languages: { [lang]: 1 } });
        const stated = convs.filter((x) => c.said[lang].test(x.turns[0]?.text ?? ''));
        expect(stated.length).toBeGreaterThan(10);
        const agentText = (x: (typeof convs)[number]): string => x.turns.filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ');
        const ignored = stated.filter((x) => c.ignores[lang].test(agentText(x)) || !c.builds[lang].test(agentText(x)));
        expect(ignored.map((x) => `${x.turns[0]?.text} → ${agentText(x)}`)).toEqual([]);
      });
    }
  }
});
