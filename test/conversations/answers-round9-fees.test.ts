// Grammar round 9 (issue 15), fees, security, identity and other: what the blind review of 2026-12-08 found in these
// categories, pinned over many drawn conversations or over every expansion. Each case fails on main: "Hay una comisión
// en el dinero que mandé al extranjero" → "Si esta fue a otro país…" (#75); "I've blocked your card" → "Can I unfreeze
// it if I find it?" → "Yes, if you only froze it…" (#28); "algunos cajeros puede cobrar"; "¿Cuánto cuestan las
// transferencias internacionales?" → "Solo hay comisión si el dinero va al extranjero".
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../util/records.js';
import { compileTemplate, expansions, grammarTemplates } from './expansions.js';
import { generateClean } from './fixtures.js';

type Lang = 'en' | 'es';
const LANGS: Lang[] = ['en', 'es'];

const first = (c: Conversation): string => c.turns[0]?.text ?? '';
const agentText = (c: Conversation): string => c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ');
const drawn = (intent: string, lang: Lang, n = 1200, seed = 91): Conversation[] => generateClean(n, seed, { intents: [intent], languages: { [lang]: 1 } });

interface Case {
  name: string;
  intent: string;
  /** The fact, as the customer's first message says it. */
  said: Record<Lang, RegExp>;
  /** An agent line that makes the fact a condition, or ignores it (in no agent turn). */
  ignores?: Record<Lang, RegExp>;
  /** What an answer that takes the fact into account says (in some agent turn), when there is one to name. */
  builds?: Record<Lang, RegExp>;
}

// Class 1: a conditional on something already stated, or the question misread.
const STATED: Case[] = [
  {
    name: 'a transfer the customer says went abroad is not "if it went to another country" (#75)',
    intent: 'transfer_fee_charged',
    said: { en: /abroad|It was to |went to |another country/iu, es: /extranjero|otro país|iba a /iu },
    ignores: { en: /If this one went|must have gone abroad/iu, es: /Si esta fue a otro país|debió de ir al extranjero/iu },
    builds: { en: /abroad|international|another country|left the country/iu, es: /extranjero|internacional|otro país|salió del país/iu },
  },
  {
    name: 'a transfer the customer says was in another currency is not told it went abroad',
    intent: 'transfer_fee_charged',
    // A price question ("How much do international transfers cost?") is answered as one; its contexts are the facts owner's.
    said: { en: /^(?!.*(abroad|It was to|went to|another country|How much do international)).*in another currency/iu, es: /^(?!.*(extranjero|otro país|iba a|Cuánto cuestan|Cuánto cobran|Qué comisión tienen)).*era en otra moneda/iu },
    ignores: { en: /Because it went abroad|If this one went/iu, es: /Como iba al extranjero|Si esta fue/iu },
    builds: { en: /currency/iu, es: /moneda/iu },
  },
  {
    name: 'a card the customer says was stolen or lost is not "if it\'s really lost" / "if it turns up"',
    intent: 'lost_or_stolen_card',
    // Sure of it: not "I think I lost it", "No encuentro la tarjeta", which are told to freeze it while they look.
    said: {
      en: /^(?!.*(think|reckon|believe|feel like|looks like|seems|can't find|misplaced|dropped|left my card|gone missing)).*(stolen|stole|snatched|nicked|I've lost it|lost my card|lost card)/iu,
      es: /^(?!.*(Creo|Parece|Me parece|Diría|Pienso|No encuentro|No sé dónde|se me cayó|se me debió|Dejé)).*(robaron|robó|perdí|La perdí|Se me perdió|Extravié)/iu,
    },
    ignores: {
      en: /if it's really lost|if you're sure it's gone|once you're sure|if it turns up|if it doesn't turn up|if you find it|if it's gone for good/iu,
      es: /si es seguro que se perdió|si de verdad se perdió|si aparece|si no aparece|si la encuentras|si la encuentra|si se perdió del todo|cuando sepa seguro/iu,
    },
  },
  {
    name: 'a phone lost with the card still in hand is not "if your card was with the phone"',
    intent: 'lost_or_stolen_phone',
    // Unless the ask was "is my account safe?", which is answered first (next case).
    said: { en: /^(?!.*(account safe|get into)).*still have my card/iu, es: /^(?!.*(está segura|alguien puede entrar|entren en|entre en la (app|aplicación))).*La tarjeta (la tengo|sigue) conmigo/iu },
    ignores: { en: /if (your|the) card (was|wasn't) with the phone/iu, es: /si la tarjeta (iba|no estaba) con el teléfono/iu },
    builds: { en: /card is (fine|safe|with you)|still have the card/iu, es: /tarjeta (siga|no corre|la tienes|la tiene)/iu },
  },
  {
    name: '"Is my account safe?" after a lost phone gets a yes first, not only steps',
    intent: 'lost_or_stolen_phone',
    said: { en: /account safe|get into my account/iu, es: /está segura|alguien puede entrar/iu },
    ignores: { en: /Please log in from another device/iu, es: /Desde otro dispositivo (ve|vaya) a Ajustes/iu },
    builds: { en: /account is safe|It's safe now|Nobody can get in|app is safe|doesn't give anyone access|protects the app/iu, es: /cuenta está segura|está protegida|nadie puede entrar|no da acceso|protege la app/iu },
  },
  {
    name: 'payments the customer says they never made are not "if you see payments you didn\'t make"',
    intent: 'compromised_card',
    said: { en: /never made|didn't make|didn't authori[sz]e|don't recogni[sz]e|aren't mine/iu, es: /nunca hice|que no hice|no autoricé|no hice yo/iu },
    ignores: { en: /If you see payments you didn't make/iu, es: /Si ves pagos|Si ve pagos/iu },
  },
  {
    name: '"How much do international transfers cost?" is answered with what the fee depends on',
    intent: 'transfer_fee_charged',
    // With no transfer of theirs described after it (those are answered about that transfer).
    said: { en: /^(?!.*(It was to|went to|I sent|another currency|Usually)).*How much do international/iu, es: /^(?!.*(iba a|Envié|Mandé|otra moneda|Normalmente)).*(Cuánto cuestan las transferencias internacionales|Cuánto cobran por|Qué comisión tienen por)/iu },
    ignores: { en: /A fee applies only when the money goes abroad/iu, es: /Solo hay comisión si el dinero va al extranjero/iu },
    builds: { en: /depends/iu, es: /depende/iu },
  },
  {
    name: 'a move to a country not in the supported list is answered about keeping the account there',
    intent: 'country_support',
    said: { en: /I'm moving to (Canada|Switzerland|Japan|Brazil|India|Australia)/iu, es: /Me mudo a (Canadá|Suiza|Japón|Brasil|India|Australia|Panamá)/iu },
    builds: { en: /address|isn't one of our supported|don't support residents|can't stay open/iu, es: /dirección|no está entre los países|no damos servicio|no podrá seguir/iu },
  },
];

describe('offline conversations, round 9 fees/security/other: answers take the stated fact as given', () => {
  for (const c of STATED) {
    for (const lang of LANGS) {
      it(`${lang}: ${c.name}`, () => {
        const stated = drawn(c.intent, lang).filter((x) => c.said[lang].test(first(x)));
        expect(stated.length).toBeGreaterThan(5);
        const bad = stated.filter((x) => (c.ignores !== undefined && c.ignores[lang].test(agentText(x))) || (c.builds !== undefined && !c.builds[lang].test(agentText(x))));
        expect(bad.map((x) => `${first(x)} → ${agentText(x)}`)).toEqual([]);
      });
    }
  }
});

// Class 2: a follow-up that doubts what the agent just did. The closing recap "You can freeze or unfreeze your card in
// seconds" comes from common.json (listed in the round's report), so it is left out here.
const RECAP = { en: /You can freeze or unfreeze your card in seconds from the app\.?/gu, es: /(Puedes|Puede) congelar la tarjeta en segundos desde la app\.?/gu };

describe('offline conversations, round 9: a card the agent blocked is not then treated as maybe only frozen (#28)', () => {
  for (const lang of LANGS) {
    it(lang, () => {
      const blocked = { en: /I've blocked|blocked the card|blocked it|card is blocked/iu, es: /ya está bloqueada|Acabo de bloquear|Ya bloqueé|Ya la bloqueé/iu }[lang];
      const doubts = { en: /if you only froze it|unfreeze it|if you reported it lost/iu, es: /si solo la (congelaste|congeló)|descongel|si la (reportaste|reportó)/iu }[lang];
      const convs = drawn('lost_or_stolen_card', lang).filter((x) => blocked.test(x.turns[1]?.text ?? ''));
      expect(convs.length).toBeGreaterThan(20);
      // Every agent turn after the first answer.
      const later = (x: Conversation): string => x.turns.slice(2).filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ').replace(RECAP[lang], '');
      const bad = convs.filter((x) => doubts.test(later(x)));
      expect(bad.map(agentText)).toEqual([]);
    });
  }
});

// Class 3: the customer's first message contradicts itself.
describe('offline conversations, round 9: first messages whose facts fit together', () => {
  for (const lang of LANGS) {
    it(`${lang}: a card top-up question names one card type, not a credit card then "it's a debit card"`, () => {
      const two = { en: [/credit card/iu, /debit card/iu], es: [/tarjeta de crédito/iu, /tarjeta de débito/iu] }[lang];
      const bad = drawn('top_up_by_card_charge', lang, 800).map(first).filter((t) => two.every((r) => r.test(t)));
      expect(bad).toEqual([]);
    });
    it(`${lang}: a hypothetical exchange question gets no past exchange after it ("If I exchange…? It was on a Sunday")`, () => {
      const hypothetical = { en: /If I exchange|Will I pay extra|Is exchanging currencies free|Is there an extra fee when I exchange/iu, es: /Cambiar moneda es gratis|Hay un recargo si cambio/iu }[lang];
      const past = { en: /It was on a|I exchanged (it|\S*\d)|I did it in the app/iu, es: /Fue un (domingo|sábado)|Lo (cambié|convertí) desde|^(?!.*Cambié .*(comisión|descontaron|cobraron)).*Cambié \S*\d/iu }[lang];
      const asked = drawn('exchange_charge', lang, 1500).map(first).filter((t) => hypothetical.test(t));
      expect(asked.length).toBeGreaterThan(10);
      expect(asked.filter((t) => past.test(t))).toEqual([]);
    });
  }
});

// Class 4: template seams, over every expansion of these category files' Spanish.
describe('offline conversations, round 9: no agreement seams in the Spanish of fees/security/identity/other', () => {
  const mine = /^(fees|account_security|identity_verification|other)\.json /u;
  const spanish = grammarTemplates('es').filter(({ where }) => mine.test(where)).flatMap(({ where, source }) => expansions(compileTemplate(source)).map((text) => ({ where, text })));
  it.each([
    ['a plural subject with a singular verb ("algunos cajeros puede cobrar")', /\b(algunos|muchos|los) (cajeros|bancos|comercios) puede\b/iu],
    ['a feminine object with a neuter pronoun two words on ("Tóquela … para verlo")', /T[óo]c?quela[^.]*para verlo|Tócala[^.]*para verlo/iu],
  ])('%s', (_name, seam) => {
    expect(spanish.length).toBeGreaterThan(1000);
    expect(spanish.filter((x) => seam.test(x.text)).map((x) => `${x.where}: ${x.text}`)).toEqual([]);
  });
});
