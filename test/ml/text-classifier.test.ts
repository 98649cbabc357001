// Text classifier: stratified split, metrics on a known confusion, JSON round-trip, predict command.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainTextClassifier, predict, predictProba, evaluate, stratifiedSplit, type TextClassifier } from '../../ml/text-classifier.js';
import { serializeTextClassifier, deserializeTextClassifier } from '../../ml/model-file.js';
import { runCli } from '../helpers/cli.js';

const TOY: Array<[string, string]> = [
  ['my card has not arrived yet', 'card_arrival'],
  ['when will my new card arrive', 'card_arrival'],
  ['still waiting for the card delivery', 'card_arrival'],
  ['card not delivered after two weeks', 'card_arrival'],
  ['I want a refund for this purchase', 'refund'],
  ['how do I get my money back', 'refund'],
  ['refund has not shown up', 'refund'],
  ['please refund the payment', 'refund'],
  ['what is the exchange rate today', 'exchange_rate'],
  ['exchange rate for euros to dollars', 'exchange_rate'],
  ['which rate do you use to exchange', 'exchange_rate'],
  ['is the exchange rate fair', 'exchange_rate'],
];
const texts = TOY.map((t) => t[0]);
const labels = TOY.map((t) => t[1]);

describe('stratifiedSplit', () => {
  it.each([0.2, 0.25, 0.5])('keeps class proportions at test fraction %s', (frac) => {
    const labs = [...Array(50).fill('a'), ...Array(30).fill('b'), ...Array(20).fill('c')] as string[];
    const { train, test } = stratifiedSplit(labs, frac, 7);
    expect(train.length + test.length).toBe(100);
    expect(new Set([...train, ...test]).size).toBe(100);
    for (const [l, n] of [['a', 50], ['b', 30], ['c', 20]] as const) {
      expect(test.filter((i) => labs[i] === l).length).toBe(Math.round(n * frac));
    }
  });
  it('is reproducible from the seed and changes with it', () => {
    const labs = Array.from({ length: 40 }, (_, i) => String(i % 4));
    expect(stratifiedSplit(labs, 0.25, 1)).toEqual(stratifiedSplit(labs, 0.25, 1));
    expect(stratifiedSplit(labs, 0.25, 1).test).not.toEqual(stratifiedSplit(labs, 0.25, 2).test);
  });
});

describe('evaluate', () => {
  it('computes accuracy, per-class and macro F1 from a known confusion', () => {
    // a: 2 right, 1 called b; b: 1 right; c: 1 called a.
    const e = evaluate(['a', 'a', 'a', 'b', 'c'], ['a', 'a', 'b', 'b', 'a']);
    expect(e.accuracy).toBeCloseTo(3 / 5, 12);
    expect(e.confusion).toEqual({ labels: ['a', 'b', 'c'], matrix: [[2, 1, 0], [0, 1, 0], [1, 0, 0]] });
    expect(e.per_class.a).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    expect(e.per_class.b).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(e.per_class.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(e.macro_f1).toBeCloseTo((2 / 3 + 2 / 3 + 0) / 3, 12);
  });
});

describe('text classifier', () => {
  let model: TextClassifier;
  beforeAll(async () => {
    model = await trainTextClassifier(texts, labels, { max_iter: 50 });
  });

  it('fits its training texts and ranks probabilities', () => {
    expect(predict(model, texts)).toEqual(labels);
    const [ranked] = predictProba(model, ['my card never arrived']);
    expect(ranked?.[0]?.label).toBe('card_arrival');
    expect(ranked?.reduce((a, r) => a + r.p, 0)).toBeCloseTo(1, 9);
  });

  it('round-trips through model JSON with identical predictions', () => {
    const again = deserializeTextClassifier(serializeTextClassifier(model));
    const probe = ['refund please', 'card still not here', 'exchange euros', 'something else entirely'];
    expect(predictProba(again, probe)).toEqual(predictProba(model, probe));
    expect(serializeTextClassifier(again)).toBe(serializeTextClassifier(model));
  });

  it('is deterministic: same data and options give the same file', async () => {
    expect(serializeTextClassifier(await trainTextClassifier(texts, labels, { max_iter: 50 }))).toBe(serializeTextClassifier(model));
  });

  it.each([
    ['{"format":"something-else"}', /not a genesis\/text-classifier/],
    ['not json', /not JSON/],
  ])('rejects a malformed model file %s', (text, message) => {
    expect(() => deserializeTextClassifier(text)).toThrow(message);
  });

  describe('genesis predict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-predict-'));
    const path = join(dir, 'model.json');
    beforeAll(() => {
      writeFileSync(path, serializeTextClassifier(model));
      writeFileSync(join(dir, 'bad.json'), '{"format":"nope"}');
    });
    // Through the CLI's dispatcher, as users run it: errors reach its single error edge.
    const run = async (argv: string[]) => {
      const r = await runCli(['predict', ...argv]);
      return { code: r.code, out: r.stdout.replace(/\n$/, ''), err: r.stderr };
    };

    it('prints the top intents with probabilities', async () => {
      const r = await run([path, 'I want my money back', '--top', '2']);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')).toHaveLength(3);
      expect(r.out).toMatch(/^I want my money back\n {2}0\.\d{3} {2}refund\n/);
    });
    it('prints JSON with --json', async () => {
      const r = await run([path, 'exchange rate', '--json', '--top', '1']);
      expect(JSON.parse(r.out)).toEqual([{ text: 'exchange rate', top: [{ label: 'exchange_rate', p: expect.any(Number) }] }]);
    });
    it.each([
      ['a missing model file', [join(dir, 'nope.json'), 'x'], /cannot read model file/],
      ['an invalid model file', [join(dir, 'bad.json'), 'x'], /not a valid genesis classifier model/],
      ['no model argument', [], /missing model file/],
      ['a bad --top', [path, 'x', '--top', '0'], /--top must be an integer/],
    ])('exits 2 with a clear message for %s', async (_n, argv, message) => {
      const r = await run(argv as string[]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  });
});
