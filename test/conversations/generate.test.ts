// Offline generator: determinism, validity for every intent in both languages, structure and diversity.
import { describe, expect, it } from 'vitest';
import { planConversation } from '../../steps/generate-conversations/plan.js';
import { checkConversation } from '../../steps/generate-conversations/check.js';
import { resolveIntents } from '../../steps/generate-conversations/params.js';
import type { Complexity, Language, Sentiment } from '../../util/records.js';
import { baseParams, generateMany, render } from './fixtures.js';

const intents = resolveIntents({ intents: 'all' });

describe('generateConversation', () => {
  it('renders the same spec and seed to identical JSON', () => {
    const spec = planConversation(baseParams, 5, 17);
    expect(JSON.stringify(render(spec, 5))).toBe(JSON.stringify(render(spec, 5)));
    expect(JSON.stringify(render(spec, 5))).not.toBe(JSON.stringify(render(spec, 6)));
  });

  it.each(['en', 'es'] as const)('produces valid records for all 77 intents in %s, at every complexity', (language: Language) => {
    for (const [k, intent] of intents.entries()) {
      for (const complexity of ['simple', 'medium', 'complex'] as Complexity[]) {
        const sentiment = (['positive', 'neutral', 'negative'] as Sentiment[])[k % 3] as Sentiment;
        const spec = { ...planConversation(baseParams, 1, k), intent, language, complexity, sentiment };
        const { category } = planConversation({ ...baseParams, intents: [intent] }, 1, 0);
        const conv = render({ ...spec, category });
        const result = checkConversation(conv);
        expect(result, `${intent}/${language}/${complexity}`).toEqual({ ok: true, record: conv });
        expect(conv.turns.every((t) => !/[{}[\]<>|]/.test(t.text)), `template syntax leaked in ${intent}`).toBe(true);
      }
    }
  });

  it.each([
    [{ min: 2, max: 2 }, [2]],
    [{ min: 3, max: 3 }, [3]],
    [{ min: 6, max: 8 }, [6, 8]],
    [{ min: 1, max: 12 }, [2, 4, 6, 8]],
  ])('keeps turn counts inside %j', (turns, allowed) => {
    const convs = generateMany(150, 3, { ...baseParams, turns });
    for (const c of convs) expect(allowed).toContain(c.turn_count);
  });

  it('writes more turns for complex conversations than for simple ones', () => {
    const mean = (complexity: Complexity) => {
      const convs = generateMany(200, 8, { ...baseParams, complexity: { [complexity]: 1 } });
      return convs.reduce((s, c) => s + c.turn_count, 0) / convs.length;
    };
    expect(mean('complex')).toBeGreaterThan(mean('simple') + 2);
  });

  it('ends negative unresolved arcs without a "resolved" status', () => {
    const convs = generateMany(400, 12, { ...baseParams, sentiment: { negative: 1 } });
    for (const c of convs) if (c.emotion_arc === 'calm->annoyed') expect(c.resolution_status).toBe('unresolved');
    expect(new Set(convs.map((c) => c.emotion_arc)).size).toBeGreaterThan(3);
  });

  it('writes Spanish conversations in Spanish', () => {
    const convs = generateMany(200, 2, { ...baseParams, languages: { es: 1 } });
    const text = convs.flatMap((c) => c.turns.map((t) => t.text)).join(' ');
    expect(text).toMatch(/tarjeta/);
    expect(text).not.toMatch(/\b(the|my card|please)\b/);
  });

  it('never writes "How come" followed by a question inversion ("How come does my card…")', () => {
    const convs = generateMany(1500, 9, { ...baseParams, languages: { en: 1 }, noise: 0 });
    const bad = convs.flatMap((c) => c.turns.map((t) => t.text)).filter((t) => /\bhow come (is|are|does|do|did|was|were|won't|can't|doesn't|hasn't|isn't)\b/i.test(t));
    expect(bad).toEqual([]);
  });

  it('adds noise only when asked', () => {
    const clean = generateMany(300, 4, { ...baseParams, noise: 0, languages: { en: 1 } });
    const noisy = generateMany(300, 4, { ...baseParams, noise: 1, languages: { en: 1 } });
    const firstTurns = (cs: typeof clean) => cs.map((c) => c.turns[0]?.text ?? '');
    const changed = firstTurns(clean).filter((t, i) => t !== firstTurns(noisy)[i]).length;
    expect(changed).toBeGreaterThan(200);
  });

  it('is diverse: distinct-2 of customer turns on 2,000 conversations, and no two identical conversations', () => {
    const convs = generateMany(2000, 21);
    expect(new Set(convs.map((c) => JSON.stringify(c.turns))).size).toBe(2000);
    const bigrams = new Set<string>();
    const firstBigrams = new Set<string>();
    let total = 0;
    let firstTotal = 0;
    for (const c of convs)
      c.turns.forEach((t, k) => {
        if (t.speaker !== 'customer') return;
        const w = t.text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
        for (let i = 0; i + 1 < w.length; i++) {
          bigrams.add(`${w[i]} ${w[i + 1]}`);
          total++;
          if (k === 0) {
            firstBigrams.add(`${w[i]} ${w[i + 1]}`);
            firstTotal++;
          }
        }
      });
    // Measured 0.335 corpus-level with grammar v4 (v2: 0.292, v1: 0.23; see bench/results/conversations.md), 0.322 after
    // issue 15 dropped the meaning-changing paraphrase swaps ("still" → "even now") and the stray detail sentences. The
    // 0.5 goal is NOT met: this asserts what the grammar honestly reaches, so a regression below it fails.
    // Grammar round 4: first messages rewritten per intent, 0.350 → 0.364 on this seed (the floor below fails on the
    // round-3 generator). Later customer turns fell (0.277 → 0.186): a clarifying question is now asked only when the
    // answer uses the reply, so more exchanges are fixed follow-up questions instead of replies carrying slot values;
    // the corpus figure fell with them (0.319 → 0.301). See bench/results/conversations.md, round 4.
    // Round 6 removed variety that was broken text (paraphrase swaps giving "the application", "the funds is", "top- up",
    // "from on Saturday"; worried asks under positive labels): 0.357 → 0.354 on this seed, so the floor is 0.35.
    expect(firstBigrams.size / firstTotal).toBeGreaterThan(0.35);
    // Round 9: labels follow the customer's words (a positive label on trouble opens with praise, a negative one with a
    // felt opener when nothing later carries it), fewer opener choices: 0.2962 → 0.2934 on this seed, so the floor is 0.29.
    expect(bigrams.size / total).toBeGreaterThan(0.29);
  });
});
