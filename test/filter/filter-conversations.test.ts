// filter/conversations through `genesis run` in temp dirs: each rule removes what was planted, counts it in
// filter.json, keeps the rest in order, and a validate step downstream runs on what is left.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeConversations, writeDataset } from '../quality/fixtures.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import type { Conversation } from '../../util/records.js';

type Turn = [speaker: 'customer' | 'agent', text: string];
const conv = (id: string, intent: string, language: 'en' | 'es', turns: Turn[], extra: Record<string, unknown> = {}): Conversation =>
  ({
    conversation_id: id, intent, category: 'cards', sentiment: 'neutral', complexity: 'simple', emotion_arc: 'stable',
    language, turn_count: turns.length, resolution_status: 'resolved', turns: turns.map(([speaker, text]) => ({ speaker, text })), ...extra,
  }) as unknown as Conversation;

const LONG = Array.from({ length: 80 }, (_, i) => `w${(i * 7919) % 1000}x`).join(' ');

interface Report {
  input: number;
  kept: number;
  rules: Record<string, { enabled: boolean; removed: number; examples: string[] }>;
  intents: Record<string, { before: number; after: number }>;
  emptied_intents: string[];
  warnings: string[];
}

const base = () => makeConversations({ count: 154, seed: 11 });

// `off`: the `with:` that turns the rule off (an exact copy is also a near-copy, so both duplicate rules go off).
const cases: Array<{ rule: string; plant: (c: Conversation[]) => string[]; with: string; off: string; extraSteps?: (dir: string) => string }> = [
  {
    rule: 'exact_duplicates',
    // Copies under new ids, one with different case and punctuation: the first of each is kept.
    plant: (c) => {
      const src = c.slice(0, 3);
      const copies = src.map((s, k) => ({ ...s, conversation_id: `dup_${k}`, turns: s.turns.map((t) => ({ ...t, text: k === 0 ? `${t.text.toUpperCase()}!!` : t.text })) }));
      c.push(...copies);
      return copies.map((x) => x.conversation_id);
    },
    with: '',
    off: 'exact_duplicates: false, near_duplicates: false',
  },
  {
    rule: 'near_duplicates',
    plant: (c) => {
      c.splice(5, 0, conv('near_a', 'card_arrival', 'en', [['customer', `${LONG} card`], ['agent', 'I will check it for you now.']]));
      c.push(conv('near_b', 'card_arrival', 'en', [['customer', `${LONG} card arrived late`], ['agent', 'I will check it for you now.']]));
      return ['near_b'];
    },
    with: '',
    off: 'near_duplicates: false',
  },
  {
    rule: 'record_checks',
    plant: (c) => {
      const bad = [
        conv('bad_agent_first', 'card_arrival', 'en', [['agent', 'Hello, how can I help?'], ['customer', 'My card has not arrived yet.']]),
        conv('bad_turn_count', 'card_arrival', 'en', [['customer', 'My card has not arrived yet.'], ['agent', 'Let me check.']], { turn_count: 5 }),
        conv('bad_language', 'card_arrival', 'es', [['customer', 'My card still has not arrived and I ordered it two weeks ago, where is it?'], ['agent', 'Let me check where the delivery is for you.']]),
        conv('bad_sentiment', 'card_arrival', 'en', [['customer', 'Where is the card you sent me?'], ['agent', 'Let me check the delivery.']], { sentiment: 'furious' }),
      ];
      c.splice(10, 0, ...bad);
      return bad.map((b) => b.conversation_id);
    },
    with: '',
    off: 'record_checks: []',
  },
  {
    rule: 'coherence',
    plant: (c) => {
      const bad = [
        conv('coh_register', 'change_pin', 'es', [['customer', '¿Cómo cambio el PIN?'], ['agent', 'Claro, te explico.'], ['customer', 'Gracias'], ['agent', 'Cuídese.']]),
        conv('coh_locale', 'transaction_charged_twice', 'es', [['customer', 'Me cobraron dos veces $6,786 pesos.'], ['agent', 'Lo reviso.']], { meta: { dialect: 'es-ES' } }),
      ];
      c.push(...bad);
      return bad.map((b) => b.conversation_id);
    },
    with: 'coherence: [register_switch, locale_mismatch]',
    off: '',
  },
  {
    rule: 'intent_consistency',
    // A classifier trained in the pipeline on a small seed set; two card_arrival records are about exchange rates.
    plant: (c) => {
      c.length = 0;
      const say = { card_arrival: 'my new card has not arrived in the post yet', exchange_rate: 'what exchange rate do you use for euros to dollars', lost_or_stolen_card: 'someone stole my wallet and my card is gone' } as const;
      for (let i = 0; i < 30; i++) {
        const [intent, text] = Object.entries(say)[i % 3] as [string, string];
        c.push(conv(`ok_${i}`, intent, 'en', [['customer', `Hi, ${text} (${i})`], ['agent', 'Let me look into that.']]));
      }
      c.push(conv('off_1', 'card_arrival', 'en', [['customer', 'what exchange rate do you use for euros to dollars today'], ['agent', 'Let me look into that.']]));
      c.push(conv('off_2', 'card_arrival', 'en', [['customer', 'someone stole my wallet and my card is gone'], ['agent', 'Let me look into that.']]));
      return ['off_1', 'off_2'];
    },
    with: 'top_k: 1',
    off: '',
    extraSteps: (dir) => {
      const rows = ['text,intent'];
      const seed = { card_arrival: ['my card has not arrived', 'still waiting for my new card in the post', 'when will my card arrive'], exchange_rate: ['what exchange rate do you use', 'euros to dollars rate', 'how is the exchange rate calculated'], lost_or_stolen_card: ['my card was stolen', 'I lost my wallet and card', 'someone stole my card'] };
      for (const [intent, texts] of Object.entries(seed)) for (const t of texts) rows.push(`"${t}",${intent}`);
      writeFileSync(join(dir, 'seed.csv'), rows.join('\n') + '\n');
      return '  train:\n    uses: train/intent-classifier\n    with: { input: seed.csv, test_fraction: 0.34 }\n';
    },
  },
];

/** Plants records in the base dataset, runs `filter` (+ `validate` on its output) with `with:` extras; `model` adds a seed classifier through `needs`. */
async function runCase(plant: (c: Conversation[]) => string[], w: string, extraSteps: ((dir: string) => string) | undefined, model: boolean) {
  const convs = base();
  const planted = plant(convs);
  const dir = writeDataset(convs);
  const steps = extraSteps ? extraSteps(dir) : '';
  const needs = extraSteps && model ? '\n    needs: [train]' : '';
  const file = writePipeline(
    `name: f\nseed: 3\nsteps:\n${steps}  filter:\n    uses: filter/conversations${needs}\n    with: { input: conversations.jsonl${w ? `, ${w}` : ''} }\n  validate:\n    uses: validate/conversations\n    needs: [filter]\n`,
    dir,
  );
  return { convs, planted, dir, r: await runCli(['run', file]) };
}

describe('filter/conversations rules', () => {
  it.each(cases)('$rule: removes the planted records, counts them, keeps the rest; validate runs on the output', async ({ rule, plant, with: w, extraSteps }) => {
    const { convs, planted, dir, r } = await runCase(plant, w, extraSteps, true);
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    const out = join(dir, 'out/f/filter');
    const kept = readFileSync(join(out, 'conversations.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Conversation).conversation_id);
    expect(kept).toEqual(convs.map((c) => c.conversation_id).filter((id) => !planted.includes(id)));
    const report = JSON.parse(readFileSync(join(out, 'filter.json'), 'utf8')) as Report;
    expect(report.rules[rule]).toMatchObject({ enabled: true, removed: planted.length });
    expect(report.rules[rule]?.examples.map((e) => e.split(':')[0])).toEqual(planted.slice(0, 5));
    expect(report).toMatchObject({ input: convs.length, kept: convs.length - planted.length });
    for (const [name, other] of Object.entries(report.rules)) if (name !== rule) expect(other.removed).toBe(0);
    expect(readFileSync(join(out, 'filter.md'), 'utf8')).toMatch(new RegExp(`\\| ${rule} \\| ${planted.length} \\|`));
    // Downstream steps see the same files as from a generator.
    expect(readFileSync(join(out, 'generation.json'), 'utf8')).toBe(readFileSync(join(dir, 'generation.json'), 'utf8'));
    const quality = JSON.parse(readFileSync(join(dir, 'out/f/validate/quality.json'), 'utf8')) as { documents: number };
    expect(quality.documents).toBe(kept.length);
  }, 60_000);

  it.each(cases)('$rule off: the planted records are kept and the rule is reported off', async ({ rule, plant, off, extraSteps }) => {
    const { convs, dir, r } = await runCase(plant, off, extraSteps, false);
    expect(r.code).toBe(0);
    const out = join(dir, 'out/f/filter');
    const kept = readFileSync(join(out, 'conversations.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Conversation).conversation_id);
    expect(kept).toEqual(convs.map((c) => c.conversation_id));
    const report = JSON.parse(readFileSync(join(out, 'filter.json'), 'utf8')) as Report;
    expect(report.rules[rule]).toMatchObject({ enabled: false, removed: 0 });
    expect(readFileSync(join(out, 'filter.md'), 'utf8')).toContain(`| ${rule} | off |`);
  }, 60_000);
});

describe('filter/conversations report and inputs', () => {
  it('warns when filtering empties an intent or leaves fewer than min_per_intent, with the top-up suggestion', async () => {
    const convs = base();
    // Both card_arrival conversations start with the agent: the record checks empty the intent.
    for (const c of convs) if (c.intent === 'card_arrival') c.turns = [{ speaker: 'agent', text: 'Hello, how can I help?' }, ...c.turns.slice(0, -1)];
    // One exchange_rate conversation is a copy of the other: one is left, below min_per_intent 2.
    const rates = convs.filter((c) => c.intent === 'exchange_rate');
    const copy = { ...(rates[0] as Conversation), conversation_id: 'rate_copy' };
    convs[convs.indexOf(rates[1] as Conversation)] = copy;
    const dir = writeDataset(convs);
    const file = writePipeline('name: f\nseed: 3\nsteps:\n  filter:\n    uses: filter/conversations\n    with: { input: conversations.jsonl, min_per_intent: 2 }\n', dir);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: filtering emptied 1 intent\(s\): card_arrival; raise `count` on the generate step and rerun: only the missing items are generated/);
    expect(r.stderr).toMatch(/warning: 1 intent\(s\) kept fewer than min_per_intent \(2\) conversations: exchange_rate \(1\)/);
    const report = JSON.parse(readFileSync(join(dir, 'out/f/filter/filter.json'), 'utf8')) as Report & { below_min_per_intent: string[] };
    expect(report.emptied_intents).toEqual(['card_arrival']);
    expect(report.below_min_per_intent).toEqual(['exchange_rate']);
    expect(report.intents.card_arrival).toMatchObject({ before: 2, after: 0 });
    expect(report.intents.exchange_rate).toMatchObject({ before: 2, after: 1 });
    expect(report.warnings).toHaveLength(2);
    expect(readFileSync(join(dir, 'out/f/filter/filter.md'), 'utf8')).toMatch(/\| card_arrival \| 2 \| 0 \|/);
  }, 60_000);

  it('takes the dataset from `needs`, carries generation.json over, and is byte-identical across runs', async () => {
    const yaml = 'name: f\nseed: 5\nsteps:\n  generate:\n    uses: generate/conversations\n    with: { count: 120 }\n  filter:\n    uses: filter/conversations\n    needs: [generate]\n    with: { coherence: [locale_mismatch] }\n  validate:\n    uses: validate/conversations\n    needs: [filter]\n';
    const outputs = [];
    for (let k = 0; k < 2; k++) {
      const file = writePipeline(yaml);
      const r = await runCli(['run', file]);
      expect(r.code).toBe(0);
      const dir = join(file, '..', 'out/f');
      expect(readFileSync(join(dir, 'filter/generation.json'), 'utf8')).toBe(readFileSync(join(dir, 'generate/generation.json'), 'utf8'));
      outputs.push(['conversations.jsonl', 'filter.json', 'filter.md'].map((n) => readFileSync(join(dir, 'filter', n), 'utf8')));
      const report = JSON.parse(outputs[k]?.[1] as string) as Report;
      expect(report.input).toBe(120);
      expect(report.rules.coherence?.enabled).toBe(true);
    }
    expect(outputs[1]).toEqual(outputs[0]);
  }, 60_000);

  it.each([
    { name: 'a model file that is not a classifier', model: '{"format":"other"}', message: /model\.json: error: not a valid genesis classifier model: not a genesis\/text-classifier model file/ },
    { name: 'a model file that is not JSON', model: 'nope', message: /model\.json: error: not a valid genesis classifier model: not JSON/ },
  ])('fails the step on $name, naming the file, without a stack trace', async ({ model, message }) => {
    const dir = writeDataset(base());
    writeFileSync(join(dir, 'model.json'), model);
    const file = writePipeline('name: f\nseed: 3\nsteps:\n  filter:\n    uses: filter/conversations\n    with: { input: conversations.jsonl, model: model.json }\n', dir);
    const r = await runCli(['run', file]);
    // A step that fails at run time exits 1 (the runner's convention for every step), its message located at the file.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out/f/filter/filter.json'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('filter/conversations on a CSV', () => {
  it('fails the step naming the file: CSV rows have no turns to filter', async () => {
    const dir = writeDataset(base());
    writeFileSync(join(dir, 'texts.csv'), 'text,category\nmy card,card_arrival\n');
    const file = writePipeline('name: f\nseed: 3\nsteps:\n  filter:\n    uses: filter/conversations\n    with: { input: texts.csv }\n', dir);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/texts\.csv: error: filter\/conversations reads conversations JSONL, not CSV/);
  });
});
