// The coherence checks on hand-written conversations: each catches its defect, passes the fixed version, and fails
// its gate in validate/conversations with a message naming the metric.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoherenceAccumulator, type CoherenceCheck } from '../../metrics/coherence/accumulator.js';
import validateStep from '../../steps/validate-conversations/index.js';
import { GateError } from '../../util/errors.js';
import { inputFrom, testContext } from '../helpers/step-context.js';

type Turn = [speaker: 'customer' | 'agent', text: string];
const conv = (intent: string, language: 'en' | 'es', turns: Turn[], dialect?: string) => ({
  conversation_id: `c-${intent}`, intent, category: 'cards', sentiment: 'neutral', complexity: 'simple', emotion_arc: 'neutral->neutral',
  language, turn_count: turns.length, resolution_status: 'resolved', turns: turns.map(([speaker, text]) => ({ speaker, text })),
  ...(dialect ? { meta: { dialect } } : {}),
});

const cases: Array<{ check: CoherenceCheck; bad: object; good: object }> = [
  {
    check: 'foreign_followup',
    bad: conv('pin_blocked', 'en', [['customer', 'My PIN is blocked.'], ['agent', 'Roughly what amount are we talking about?']]),
    good: conv('pin_blocked', 'en', [['customer', 'My PIN is blocked.'], ['agent', 'Have you tried it again since then?']]),
  },
  {
    check: 'locale_mismatch',
    bad: conv('transaction_charged_twice', 'es', [['customer', 'Me cobraron dos veces $6,786 pesos.'], ['agent', 'Lo reviso.']], 'es-ES'),
    good: conv('transaction_charged_twice', 'es', [['customer', 'Me cobraron dos veces 67,86 €.'], ['agent', 'Lo reviso.']], 'es-ES'),
  },
  {
    check: 'locale_mismatch',
    bad: conv('country_support', 'en', [['customer', 'I live in Cyprus. Can I use the card?'], ['agent', 'Yes.']], 'en-GB'),
    good: conv('country_support', 'en', [['customer', 'Can I open an account if I live in Cyprus?'], ['agent', 'Yes.']], 'en-GB'),
  },
  {
    check: 'register_switch',
    bad: conv('change_pin', 'es', [['customer', '¿Cómo cambio el PIN?'], ['agent', 'Claro, te explico.'], ['customer', 'Gracias'], ['agent', 'Cuídese.']]),
    good: conv('change_pin', 'es', [['customer', '¿Cómo cambio el PIN?'], ['agent', 'Claro, le explico.'], ['customer', 'Gracias'], ['agent', 'Cuídese.']]),
  },
  {
    check: 'positive_reply_to_negative',
    bad: conv('exchange_rate', 'es', [['customer', 'Muy contento con la cuenta. El tipo de cambio estuvo mal.'], ['agent', '¡Qué gusto leer eso, gracias!']]),
    good: conv('exchange_rate', 'es', [['customer', 'Muy contento con la cuenta. El tipo de cambio estuvo mal.'], ['agent', 'Gracias por la confianza; lo revisamos.']]),
  },
  {
    check: 'positive_label_unsaid',
    bad: { ...conv('pending_transfer', 'en', [['customer', 'Why on earth is my transfer still pending?'], ['agent', 'It is being checked.']]), sentiment: 'positive' },
    good: { ...conv('pending_transfer', 'en', [['customer', 'Loving the app! Why is my transfer still pending?'], ['agent', 'It is being checked.']]), sentiment: 'positive' },
  },
  {
    check: 'positive_label_unsaid',
    bad: { ...conv('top_up_failed', 'es', [['customer', '¿Por qué me siguen rechazando la recarga? ¿Qué hago?'], ['agent', 'Lo reviso.']]), sentiment: 'positive' },
    good: { ...conv('top_up_failed', 'es', [['customer', 'Me encanta la app, pero ¿por qué me rechazan la recarga?'], ['agent', 'Lo reviso.']]), sentiment: 'positive' },
  },
  {
    check: 'dialect_leak',
    bad: conv('forgot_passcode', 'es', [['customer', 'Se me ha olvidado el código, pero vale.'], ['agent', 'Tómate una selfie.']], 'es-MX'),
    good: conv('forgot_passcode', 'es', [['customer', 'Se me olvidó el código, pero ok.'], ['agent', 'Tómate una selfie.']], 'es-MX'),
  },
  {
    check: 'dialect_leak',
    bad: conv('card_arrival', 'es', [['customer', '¿La tarjeta llega sin costo?'], ['agent', 'Sí.'], ['customer', 'Listo, quedo atenta.']], 'es-ES'),
    good: conv('card_arrival', 'es', [['customer', '¿La tarjeta llega sin coste?'], ['agent', 'Sí.'], ['customer', 'Vale, gracias.']], 'es-ES'),
  },
  {
    check: 'dialect_leak',
    bad: conv('atm_support', 'en', [['customer', 'Can I use any cash machine?'], ['agent', 'Yes. Cheers!']], 'en-US'),
    good: conv('atm_support', 'en', [['customer', 'Can I use any ATM?'], ['agent', 'Yes. Thanks!']], 'en-US'),
  },
];

describe('coherence checks', () => {
  it.each(cases)('$check catches the defect and passes the fix', ({ check, bad, good }) => {
    const a = new CoherenceAccumulator();
    a.add(bad as Record<string, unknown>);
    expect(a.finish().checks[check].failed).toBe(1);
    const b = new CoherenceAccumulator();
    b.add(good as Record<string, unknown>);
    expect(b.finish().checks[check]).toMatchObject({ applied: 1, failed: 0 });
  });

  it.each([
    { text: 'Fue el mes pasado, $1,480.32 pesps.', dialect: 'es-MX', mismatch: false },
    { text: 'Me cobraron $29.85 por sacar efectivo.', dialect: 'es-MX', mismatch: false },
    { text: 'Me cobraron $29.85 por sacar efectivo.', dialect: 'es-ES', mismatch: true },
    { text: 'Pagué $29.85 en Estados Unidos.', dialect: 'es-ES', mismatch: false },
    { text: 'I was charged £14.09.', dialect: 'en-US', mismatch: true },
  ])('a bare "$" is the account\'s dollar or peso: "$text" in $dialect', ({ text, dialect, mismatch }) => {
    const a = new CoherenceAccumulator();
    a.add(conv('card_payment_fee_charged', dialect.startsWith('es') ? 'es' : 'en', [['customer', text], ['agent', 'Ok.']], dialect) as Record<string, unknown>);
    expect(a.finish().checks.locale_mismatch.failed).toBe(mismatch ? 1 : 0);
  });

  it.each([
    { intent: 'card_arrival', text: ['Buenas noches, ¿cuándo llega mi tarjeta?', '¡Buena tarde! Llega en 3 días.'], clash: true },
    { intent: 'declined_cash_withdrawal', text: ["Why won't the ATM give me money? I withdrew £620 in Spain.", 'The ATM declined it.'], clash: true },
    { intent: 'declined_cash_withdrawal', text: ["Why won't the ATM give me money? I tried to take out £60.", 'The ATM declined it.'], clash: false },
  ])('fact_clash: a fact fixed once and broken later ("$text.0")', async ({ intent, text, clash }) => {
    const lang = /[¿¡]/.test(text[0] as string) ? 'es' : 'en';
    const a = new CoherenceAccumulator();
    a.add(conv(intent, lang, [['customer', text[0] as string], ['agent', text[1] as string]], lang === 'es' ? 'es-ES' : 'en-GB') as Record<string, unknown>);
    expect(a.finish().checks.fact_clash.failed).toBe(clash ? 1 : 0);
    if (!clash) return;
    const dir = mkdtempSync(join(tmpdir(), 'genesis-fact-clash-'));
    writeFileSync(join(dir, 'conversations.jsonl'), JSON.stringify(conv(intent, lang, [['customer', text[0] as string], ['agent', text[1] as string]], lang === 'es' ? 'es-ES' : 'en-GB')) + '\n');
    const ctx = testContext({ gates: { fact_clash_max: 0 } } as never, { inputs: [inputFrom(dir, 'gen', 'generate/conversations')] });
    const error = await validateStep.run(ctx as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateError);
    expect((error as Error).message).toContain('fact_clash_max');
  });

  it('reports counts with examples and fails the gates, naming each metric', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-coherence-'));
    // The same closing everywhere: the closing gates fail too.
    const records = [...cases.map((c) => c.bad), ...cases.map((c) => c.good)];
    writeFileSync(join(dir, 'conversations.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const gates = { foreign_followup_max: 0, locale_mismatch_max: 0, register_switch_max: 0, positive_reply_to_negative_max: 0, positive_label_unsaid_max: 0, dialect_leak_max: 0, top_closing_share_max: 0.02 };
    const ctx = testContext({ gates } as never, { inputs: [inputFrom(dir, 'gen', 'generate/conversations')] });
    const error = await validateStep.run(ctx as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateError);
    for (const m of ['foreign_followup', 'locale_mismatch', 'register_switch', 'positive_reply_to_negative', 'positive_label_unsaid', 'dialect_leak', 'top_closing_share']) expect((error as Error).message).toContain(`${m}_max`);
    const q = JSON.parse(readFileSync(join(ctx.outDir, 'quality.json'), 'utf8'));
    expect(q.coherence.checks.locale_mismatch.failed).toBe(2);
    expect(q.coherence.checks.dialect_leak).toMatchObject({ failed: 3 });
    expect(q.coherence.checks.positive_label_unsaid.examples[0]).toContain('irritated: Why on earth');
    expect(q.coherence.checks.foreign_followup.examples[0]).toContain('amount: Roughly what amount');
    expect(readFileSync(join(ctx.outDir, 'quality.md'), 'utf8')).toContain('## Coherence');
  });
});
