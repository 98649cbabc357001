// Grammar round 9, transfers and top-ups (issue 15, review 2026-12-08 and the pre-reviews of seeds 301/302): the
// answer reads what the customer said (a ceiling is a limit, a date settles "if it's been longer", a country is
// answered for), and the Spanish and English templates have no seams or cross-dialect words.
import { describe, expect, it } from 'vitest';
import { answer, drawWith, first, show, type Lang } from './first-answer.js';
import { compileTemplate, expansions } from './expansions.js';
import { loadCategorySources } from '../../providers/offline/conversations/grammar.js';

const draw = drawWith(91);

describe('round 9: a ceiling the customer hit is answered as a limit (review 2026-12-08 #80)', () => {
  const CEILING: Record<Lang, RegExp> = { en: /more than/iu, es: /más de/iu };
  // "Que $675,000 entren depende de lo que le quede… Si no cabe, recargue una parte": the ceiling read as the amount to add.
  const AS_AMOUNT: Record<Lang, RegExp> = { en: /whether .* fits|if it's over, add part/iu, es: /entren depende|si no cabe/iu };
  it.each(['en', 'es'] as const)('%s top_up_limits: "why can\'t I top up more than X?" is not answered as adding X', (lang) => {
    const asked = draw('top_up_limits', lang, 800).filter((c) => CEILING[lang].test(first(c)));
    expect(asked.length).toBeGreaterThan(20);
    expect(show(asked.filter((c) => AS_AMOUNT[lang].test(answer(c))))).toEqual([]);
  });
  it('es-MX top_up_limits: "quiero recargar $16,200" is told it is over the per-top-up cap, never that it fits', () => {
    const convs = draw('top_up_limits', 'es', 1200).filter((c) => /(quiero|quisiera) (recargar|cargar) \$(\d{2,3}|[5-9]),\d{3}/iu.test(first(c)));
    expect(convs.length).toBeGreaterThan(5);
    expect(show(convs.filter((c) => /caben en una sola|dentro de los límites|quedan por debajo/iu.test(answer(c)) || !/no caben|más de lo que admite/iu.test(answer(c))))).toEqual([]);
  });
});

describe('round 9: a conditional the customer already settled is not asked back', () => {
  const cases: Array<{ intent: string; lang: Lang; said: RegExp; not: RegExp; what: string }> = [
    // Seed 417 #1: "Le envié $250.20 … el jueves pasado" → "Si mañana tu proveedora sigue sin verla".
    { intent: 'transfer_not_received_by_recipient', lang: 'en', said: /days ago|last week|a week ago/iu, not: /still can't see it tomorrow|if it's been longer|if it hasn't arrived in 2/iu, what: 'sent days ago' },
    { intent: 'transfer_not_received_by_recipient', lang: 'es', said: /hace (dos|tres|cuatro|cinco) días|semana pasada|hace una semana/iu, not: /si mañana|si pasa más tiempo|si en 2 días hábiles no/iu, what: 'sent days ago' },
    // Seed 417 #24: "Deposité efectivo el lunes pasado" → "suele verse en 30 minutos. Si el tuyo no…".
    { intent: 'balance_not_updated_after_cheque_or_cash_deposit', lang: 'en', said: /^(?!.*(cheque|check))(?=.*(yesterday|last (night|week)|days ago))/iu, not: /if (it's been longer|yours hasn't)/iu, what: 'deposited cash yesterday or earlier' },
    { intent: 'balance_not_updated_after_cheque_or_cash_deposit', lang: 'es', said: /^(?!.*cheque)(?=.*(ayer|anoche|(lunes|martes|jueves|viernes|domingo) pasado|semana pasada|hace \p{L}+ días))/iu, not: /si (ya )?pasó más tiempo|si el (tuyo|suyo) no/iu, what: 'deposited cash yesterday or earlier' },
    // "Todavía aparece como pendiente" → "Toque 'Cancelar' mientras esté pendiente. Si ya salió…".
    { intent: 'cancel_transfer', lang: 'en', said: /still shows as pending/iu, not: /if (the transfer is|it's) still pending|if it has (already )?(gone through|completed)|once it's completed/iu, what: 'said it is pending' },
    { intent: 'cancel_transfer', lang: 'es', said: /aparece como pendiente/iu, not: /si (la transferencia )?sigue pendiente|si ya (salió|se completó)/iu, what: 'said it is pending' },
    // Pre-review 302 #97: "el miércoles pasado … El otro banco dice que ya salió" → "si salió hace más, lo reclamamos hoy".
    { intent: 'balance_not_updated_after_bank_transfer', lang: 'es', said: /^(?=.*((lunes|martes|miércoles|jueves|viernes|sábado|domingo) pasado|hace (dos|tres|cuatro|cinco) días|semana pasada))(?=.*(dice que ya salió|la da como completada))/iu, not: /si salió hace más|si (tu|su) banco la da como enviada hace más/iu, what: 'bank sent it days ago' },
    { intent: 'balance_not_updated_after_bank_transfer', lang: 'en', said: /^(?=.*(days ago|last week))(?=.*(says it was sent|shows it as completed))/iu, not: /if it left longer ago|if your bank shows it as sent more than/iu, what: 'bank sent it days ago' },
    // Seed 91 #20: "La transferencia tiene 4 días pendiente" → "si ya lleva más de 2 días hábiles pendiente".
    { intent: 'pending_transfer', lang: 'es', said: /(lleva|tiene) ([3-9]|1\d) días/iu, not: /si (ya )?lleva más de 2|si (la tuya|la suya) ya lleva|2–3 días hábiles pendiente es normal/iu, what: 'pending for days' },
  ];
  it.each(cases)('$lang $intent: a customer who $what is not answered "if …"', ({ intent, lang, said, not }) => {
    const told = draw(intent, lang, 1500).filter((c) => said.test(first(c)));
    expect(told.length).toBeGreaterThan(5);
    expect(show(told.filter((c) => not.test(answer(c))))).toEqual([]);
  });
});

describe("round 9: the customer's clue is answered", () => {
  it.each(['en', 'es'] as const)('%s transfer_timing: a named country is not answered "it depends on where it\'s going" (pre-review 301 #86)', (lang) => {
    const countries = lang === 'en' ? /\b(Brazil|Norway|Denmark|France|Japan|India|Spain|Italy|Germany|Canada)\b/u : /(Brasil|Noruega|Francia|Japón|India|Grecia|Colombia|Egipto|Chile|Perú)/u;
    const told = draw('transfer_timing', lang, 1200).filter((c) => countries.test(first(c)) && !/from|sends me|coming in|desde/iu.test(first(c)));
    expect(told.length).toBeGreaterThan(10);
    expect(show(told.filter((c) => /depends on where|depende del destino|within the country|dentro del país|las nacionales/iu.test(answer(c))))).toEqual([]);
  });
  it.each(['en', 'es'] as const)('%s balance_not_updated_after_bank_transfer: money from another country gets the international wait (seed 418 #12)', (lang) => {
    const from = lang === 'en' ? /(account|bank) in [A-Z]|from abroad|international/u : /cuenta en [A-ZÁÉÍÓÚ]|desde el extranjero|internacional/u;
    const told = draw('balance_not_updated_after_bank_transfer', lang, 1200).filter((c) => from.test(first(c)) && !/bank says|dice que|completed|completada|went out|salió|sent/iu.test(first(c)));
    expect(told.length).toBeGreaterThan(10);
    expect(show(told.filter((c) => /within a few hours|a payment sent after the other bank's cut-off|en unas horas|después del corte del otro banco/iu.test(answer(c))))).toEqual([]);
  });
  it('en pending_transfer: a transfer "going to my uncle" is not called international (found reading seed 733 #19)', () => {
    const told = draw('pending_transfer', 'en', 1200).filter((c) => /going to my \p{L}+[.!]/u.test(first(c)) && !/ (in|to) [A-Z]/u.test(first(c)));
    expect(told.length).toBeGreaterThan(5);
    expect(show(told.filter((c) => /international transfers like this one/iu.test(answer(c))))).toEqual([]);
  });
});

describe('round 9: templates of transfers and top-ups have no seams or cross-dialect forms', () => {
  const templates = (lang: Lang, part: 'ask' | 'agent' | 'customer'): string[] =>
    loadCategorySources()
      .filter((c) => c.category === 'transfers' || c.category === 'top_ups')
      .flatMap((c) =>
        Object.values(c.intents).flatMap((i) => {
          const l = i[lang];
          if (part === 'ask') return l.ask;
          if (part === 'customer') return [...(l.followups ?? []).map((f) => f[0]), ...(l.context ?? [])];
          return [...l.answer, ...(l.answer_when ?? []).flatMap((w) => w.answer), ...(l.followups ?? []).map((f) => f[1])];
        }),
      )
      .flatMap((s) => expansions(compileTemplate(s)));
  it('en asks read as English (pre-review 302 #7, #39, #45)', () => {
    expect(templates('en', 'ask').filter((s) => /\bget '[^']+' mean|where is [^?]*\bwork\?|arrived to the/iu.test(s))).toEqual([]);
  });
  it('es: what the agent has just done is told in the present perfect, which both dialects say (pre-review 301 #55)', () => {
    expect(templates('es', 'agent').filter((s) => /\b(ya (la|lo|se lo) |ya le |le )?(revisé|reclamé|pedí al equipo)\b/iu.test(s))).toEqual([]);
    expect(templates('es', 'customer').filter((s) => /^¿Me (cobraron|bloquearon)\b/u.test(s))).toEqual([]);
  });
  it('es-MX: the add-money menu is "Agregar dinero", which dialect.ts makes "Añadir dinero" in es-ES (pre-review 302 #91)', () => {
    expect(templates('es', 'agent').filter((s) => /Añadir dinero|cuánto añadir/u.test(s))).toEqual([]);
    const mx = draw('topping_up_by_card', 'es', 300).filter((c) => c.meta?.dialect === 'es-MX');
    const es = draw('topping_up_by_card', 'es', 300).filter((c) => c.meta?.dialect === 'es-ES');
    expect(mx.filter((c) => /Añadir dinero/u.test(answer(c))).map(answer)).toEqual([]);
    expect(es.filter((c) => /Agregar dinero/u.test(answer(c))).map(answer)).toEqual([]);
    expect(mx.filter((c) => /Agregar dinero/u.test(answer(c))).length).toBeGreaterThan(10);
  });
  it('en: an agent that says it checked the transfer does not then ask whether it has waited long (pre-review 302 #32)', () => {
    expect(templates('en', 'agent').filter((s) => /I've checked your transfer[^]*if yours has/iu.test(s))).toEqual([]);
  });
  it('es: an answer drawn in a tú thread has no usted "Le hacemos" (seed 733 #30)', () => {
    expect(templates('es', 'agent').filter((s) => /(^|[.;:] )Le hacemos\b/u.test(s))).toEqual([]);
  });
});
