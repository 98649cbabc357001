// Judge answers are untrusted: each shape models use is read to the same scores, and anything else is refused.
import { describe, expect, it } from 'vitest';
import { parseJudgeItem } from '../../providers/llm/judge-parse.js';
import { extractJsonItems } from '../../providers/llm/extract-json.js';

const C = ['realism', 'intent_fidelity', 'language'] as const;

describe('parseJudgeItem', () => {
  it.each([
    { name: 'scores object, 0–10', obj: { record_id: 'a', scores: { realism: 8, intent_fidelity: 6, language: 10 }, reason: 'ok' } },
    { name: 'flat scores', obj: { realism: 8, intent_fidelity: 6, language: 10 } },
    { name: '"8/10" strings', obj: { scores: { realism: '8/10', intent_fidelity: '6', language: '10/10' } } },
    { name: 'a 0–1 scale', obj: { scores: { realism: 0.8, intent_fidelity: 0.6, language: 1 } } },
  ])('reads $name', ({ obj }) => {
    const r = parseJudgeItem(obj, C);
    expect(r).toMatchObject({ ok: true, record: { scores: { realism: 0.8, intent_fidelity: 0.6, language: 1 } } });
  });

  it.each([
    { name: 'a missing criterion', obj: { scores: { realism: 8, language: 10 } }, error: /score intent_fidelity: null/ },
    { name: 'an out-of-range score', obj: { scores: { realism: 12, intent_fidelity: 6, language: 10 } }, error: /score realism: 12 is not a number from 0 to 10/ },
    { name: 'words for a score', obj: { scores: { realism: 'good', intent_fidelity: 6, language: 10 } }, error: /score realism: "good"/ },
    { name: 'not an object', obj: 'fine', error: /not an object/ },
  ])('refuses $name', ({ obj, error }) => {
    const r = parseJudgeItem(obj, C);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.join('; ')).toMatch(error);
  });

  it('reads scores out of prose around a fenced array', () => {
    const text = 'I reviewed the records.\n\n```json\n[{"record_id": "1", "scores": {"realism": 3, "intent_fidelity": 9, "language": 9}}]\n```\nOverall fine.';
    const [item] = extractJsonItems(text).items;
    expect(parseJudgeItem(item, C)).toMatchObject({ ok: true, record: { scores: { realism: 0.3 } } });
  });
});
