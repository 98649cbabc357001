// Cards grammar, round 9 (issue 15): answers that state what the customer already said instead of making it a
// condition, customer turns whose facts fit together, follow-ups that fit every first message, no template seams.
// Each test fails on main at 2ea5013.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { expansions, grammarTemplates, compileTemplate } from './expansions.js';

type Lang = 'en' | 'es';
const first = (c: { turns: ReadonlyArray<{ text: string }> }): [string, string] => [c.turns[0]?.text ?? '', c.turns[1]?.text ?? ''];

/** The first messages of `intent` that state `said`, with the agent's first answer. */
function stated(intent: string, lang: Lang, said: RegExp, n: number, seed: number): Array<[string, string]> {
  return generateClean(n, seed, { intents: [intent], languages: { [lang]: 1 } })
    .map(first)
    .filter(([msg]) => said.test(msg));
}

describe('cards: no conditional on a fact the customer already gave', () => {
  // "La física funciona bien." → "Si la física funciona, la cuenta y el saldo están bien" (the review's largest class,
  // "Hay una tarifa en el dinero que mandé al extranjero" → "Si esta fue a otro país…", review 2026-12-08 #75).
  const cases: Array<{ intent: string; lang: Lang; said: RegExp; cond: RegExp; min: number }> = [
    { intent: 'virtual_card_not_working', lang: 'en', said: /physical (card|one) (works|is fine)|went through with my physical/iu, cond: /if the physical card works/iu, min: 25 },
    { intent: 'virtual_card_not_working', lang: 'es', said: /la física funciona|pasó con la tarjeta física/iu, cond: /si la física funciona/iu, min: 25 },
    { intent: 'virtual_card_not_working', lang: 'es', said: /tal como salen|los datos están bien/iu, cond: /si los datos están bien/iu, min: 15 },
    { intent: 'contactless_not_working', lang: 'en', said: /chip works|chip and PIN works|typing my PIN works|only works with chip/iu, cond: /if putting the card in works/iu, min: 30 },
    { intent: 'contactless_not_working', lang: 'es', said: /con chip y PIN funciona|con el chip sí|solo funciona con chip/iu, cond: /si con chip y pin funciona|si insertándola funciona/iu, min: 30 },
    { intent: 'contactless_not_working', lang: 'en', said: /only had (my|the) card/iu, cond: /if the card is new|on a new card, contactless only|if the card's new/iu, min: 20 },
    { intent: 'contactless_not_working', lang: 'es', said: /desde hace pocos días/iu, cond: /si la tarjeta es nueva|en una tarjeta nueva, el pago sin contacto/iu, min: 20 },
    { intent: 'card_not_working', lang: 'en', said: /is (broken|damaged)|seems broken|won't read|can't be read|chip isn't working|strip isn't working/iu, cond: /if it's (physically )?damaged|if the chip or stripe is damaged|chip looks worn|if it's damaged/iu, min: 30 },
    { intent: 'card_not_working', lang: 'es', said: /está dañada|parece roto|no pueden leer|no la leen/iu, cond: /si está dañada|si el chip o la banda están dañados|el chip se ve gastado/iu, min: 20 },
    { intent: 'card_acceptance', lang: 'en', said: /some places have|(refused|declined|rejected|turned down) (my|the) card/iu, cond: /if a (particular )?merchant (turns it down|refuses it)|when a place refuses it/iu, min: 8 },
    { intent: 'card_acceptance', lang: 'es', said: /no me aceptaron/iu, cond: /si alguna tienda la rechaza|si un comercio la rechaza/iu, min: 8 },
  ];
  for (const [k, c] of cases.entries()) {
    it(`${c.intent} (${c.lang}): ${c.said.source.slice(0, 40)}…`, () => {
      const got = stated(c.intent, c.lang, c.said, 800, 900 + k);
      expect(got.length).toBeGreaterThan(c.min);
      expect(got.filter(([, answer]) => c.cond.test(answer)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }

  // "Solicité la tarjeta hace más de una semana" → "El envío estándar tarda hasta 7 días hábiles; si lleva más tiempo…"
  const OVERDUE = { en: /two weeks|weeks ago|last month|over a week|by now|\b1[0-2] days/iu, es: /dos semanas|el mes pasado|más de una semana|debería haber llegado|\b1[0-2] días/iu };
  const IF_LATE = { en: /if it's (been|taking) (longer|more)|if it's been more than 7/iu, es: /si (lleva|tarda|ha pasado|han pasado) más/iu };
  for (const lang of ['en', 'es'] as const) {
    it(`card_arrival (${lang}): a wait already past a week is not answered "if it's been longer than that"`, () => {
      const got = stated('card_arrival', lang, OVERDUE[lang], 600, 931);
      expect(got.length).toBeGreaterThan(60);
      expect(got.filter(([, a]) => IF_LATE[lang].test(a)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }

  // "I'm travelling to Japan in 8 days" → "if you leave sooner than that, choose Express".
  const IN_DAYS = { en: /\bin \d+ days/iu, es: /\ben \d+ días/iu };
  const IF_LEAVE = { en: /if you leave (sooner|within)/iu, es: /si (sales|sale) antes|si (te vas|se va) en menos/iu };
  for (const lang of ['en', 'es'] as const) {
    it(`card_delivery_estimate (${lang}): a trip "in N days" is not answered "if you leave sooner than that"`, () => {
      const got = stated('card_delivery_estimate', lang, IN_DAYS[lang], 600, 933);
      expect(got.length).toBeGreaterThan(40);
      expect(got.filter(([, a]) => IF_LEAVE[lang].test(a)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }

  // "How long will card delivery take to Cyprus?" answered with both "at home" and "abroad" times: the country
  // named settles it, so the answer names it.
  for (const lang of ['en', 'es'] as const) {
    it(`card_delivery_estimate (${lang}): delivery "to <country>" is answered for that country`, () => {
      const pat = lang === 'en' ? /(?:take|cards|delivered) to (\p{Lu}[\p{L} ]+?)(?:[?,.]| and)/u : /tarjeta a (\p{Lu}[\p{L} ]+?)\?/u;
      const got = stated('card_delivery_estimate', lang, pat, 600, 935).filter(([m]) => !/travel|viaj/iu.test(m));
      expect(got.length).toBeGreaterThan(40);
      expect(got.filter(([m, a]) => !a.includes(pat.exec(m)?.[1] ?? '\u0000')).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }
});

describe('cards: the first message asks one thing and its facts fit together', () => {
  // "La tarjeta vence el mes que viene… La fecha que trae impresa es de este mes." (a context dating the expiry
  // against the ask); "¿Puedo vincular una tarjeta de otro banco? Encontré mi tarjeta que creía perdida."
  const CLASHES: Array<{ intent: string; lang: Lang; a: RegExp; b: RegExp }> = [
    { intent: 'card_about_to_expire', lang: 'en', a: /next month/iu, b: /this month/iu },
    { intent: 'card_about_to_expire', lang: 'es', a: /mes que viene|próximo mes/iu, b: /este mes/iu },
    { intent: 'card_linking', lang: 'en', a: /another bank|different bank/iu, b: /thought I'd lost|found (my|the)/iu },
    { intent: 'card_linking', lang: 'es', a: /otro banco/iu, b: /creía perdida|encontré/iu },
    { intent: 'card_delivery_estimate', lang: 'en', a: /\bin \d+ days/iu, b: /next month/iu },
    { intent: 'visa_or_mastercard', lang: 'en', a: /one or the other/iu, b: /one of the two/iu },
    { intent: 'visa_or_mastercard', lang: 'es', a: /una de las dos.*una de las dos/isu, b: /./u },
  ];
  for (const [k, c] of CLASHES.entries()) {
    it(`${c.intent} (${c.lang}): never both ${c.a.source.slice(0, 24)} and ${c.b.source.slice(0, 24)}`, () => {
      const msgs = generateClean(800, 940 + k, { intents: [c.intent], languages: { [c.lang]: 1 } }).map((x) => first(x)[0]);
      expect(msgs.filter((m) => c.a.test(m) && c.b.test(m))).toEqual([]);
    });
  }

  // "My card is broken… I can't pay with it anywhere" → "Could it be the shop's fault?" asks what the customer's own
  // words rule out (review class "customer's turns contradict their own goal").
  for (const lang of ['en', 'es'] as const) {
    it(`card_not_working (${lang}): no "could it be the shop?" follow-up`, () => {
      const convs = generateClean(600, 950, { intents: ['card_not_working'], languages: { [lang]: 1 }, complexity: { simple: 0, medium: 0.3, complex: 0.7 } });
      const asked = convs.flatMap((c) => c.turns.slice(2).filter((t) => t.speaker === 'customer' && /shop's fault|cosa de la tienda/iu.test(t.text)).map((t) => `${first(c)[0]} … ${t.text}`));
      expect(asked).toEqual([]);
    });
  }
});

describe('cards: answers for what was asked', () => {
  // "can I hook up a card from another bank?" → "Cards → Link a card … and a card from another bank is added under
  // Accounts → Add money source" (pre-review 302 #59): the path for the customer's card comes first.
  const OTHER = { en: /another bank|different bank|top up from it/iu, es: /otro banco|recargar desde/iu };
  const SOURCE = { en: 'Add money source', es: 'origen de fondos' };
  const LINK = { en: /Link (a|existing) card/u, es: /Vincular tarjeta/u };
  for (const lang of ['en', 'es'] as const) {
    it(`card_linking (${lang}): another bank's card is answered with its own path first`, () => {
      const got = stated('card_linking', lang, OTHER[lang], 600, 960);
      expect(got.length).toBeGreaterThan(40);
      const late = got.filter(([, a]) => {
        const src = a.indexOf(SOURCE[lang]);
        const link = a.search(LINK[lang]);
        return src < 0 || (link >= 0 && link < src);
      });
      expect(late.map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }

  // "¿Qué monedas puedo tener y gastar con la tarjeta?" answered with the cards accepted for top-ups.
  for (const lang of ['en', 'es'] as const) {
    it(`supported_cards_and_currencies (${lang}): "hold and spend" is answered with where to hold a currency`, () => {
      const got = stated('supported_cards_and_currencies', lang, lang === 'en' ? /hold and spend/iu : /tener y gastar/iu, 800, 962);
      expect(got.length).toBeGreaterThan(15);
      expect(got.filter(([, a]) => !/Add currency balance|saldo en divisa/iu.test(a)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }

  // "Is my card already active or do I need to activate it?" answered with the steps but never the yes/no.
  for (const lang of ['en', 'es'] as const) {
    it(`activate_my_card (${lang}): "already active, or do I need to?" is answered that it needs activating`, () => {
      const asks = lang === 'en' ? /already active|activated or do I|activation step|or does it just work/iu : /ya viene activada|hay que activarla|llegan bloqueadas/iu;
      const got = stated('activate_my_card', lang, asks, 800, 964);
      expect(got.length).toBeGreaterThan(20);
      // A declined payment told in the same message is answered as the cause: that answer says so too.
      const says = lang === 'en' ? /need to activate|needs activating|until it's activated|hasn't been activated/iu : /hay que activarla|hasta que se activa|sin activar/iu;
      expect(got.filter(([, a]) => !says.test(a)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }
});

describe('cards: no template seams or cross-dialect words in the whole grammar', () => {
  const cardsEs = grammarTemplates('es').filter((t) => t.where.startsWith('cards.json'));
  const cardsEn = grammarTemplates('en').filter((t) => t.where.startsWith('cards.json'));
  const all = (ts: Array<{ where: string; source: string }>): Array<[string, string]> => ts.flatMap((t) => expansions(compileTemplate(t.source)).map((e): [string, string] => [t.where, e]));

  it('es: no "Visa o Visa" / "Mastercard o Mastercard"', () => {
    expect(all(cardsEs).filter(([, e]) => /\b(Visa o Visa|Mastercard o Mastercard)\b/u.test(e))).toEqual([]);
  });
  // es-MX "alquiler de vehículos" (pre-review 302 #103): templates say "renta de autos", which dialect.ts makes
  // "alquiler de coches" for Spain.
  it('es: no "alquiler de vehículos"', () => {
    expect(all(cardsEs).filter(([, e]) => /alquiler de vehículos/iu.test(e))).toEqual([]);
  });
  // "another currency from your account's" (review 2026-12-08 #49).
  it('en: no "currency from your account\'s"', () => {
    expect(all(cardsEn).filter(([, e]) => /from (your|my) account's/iu.test(e))).toEqual([]);
  });
});
