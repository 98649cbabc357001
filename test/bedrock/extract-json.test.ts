// Recovering item arrays from imperfect model text.
import { describe, expect, it } from 'vitest';
import { extractJsonItems } from '../../providers/llm/extract-json.js';

const a = { id: 'a', turns: [{ t: 'x [y] {z}' }] };
const b = { id: 'b', n: 2 };
const arr = JSON.stringify([a, b]);

describe('extractJsonItems', () => {
  it.each([
    ['a plain array', arr, [a, b], true, 0],
    ['a fenced array with prose', `Sure! Here you go:\n\`\`\`json\n${arr}\n\`\`\`\nAnything else?`, [a, b], true, 0],
    ['an unterminated fence', `\`\`\`json\n${arr}`, [a, b], true, 0],
    ['prose before and after', `The items: ${arr} — hope that helps [1].`, [a, b], true, 0],
    ['a single object', JSON.stringify(a), [a], true, 0],
    ['a wrapper object', JSON.stringify({ conversations: [a, b] }), [a, b], true, 0],
    ['a truncated array', arr.slice(0, arr.length - 6), [a], false, 0],
    ['a truncated wrapper', JSON.stringify({ items: [a, b] }).slice(0, -8), [a], false, 0],
    ['one broken item among good ones', `[${JSON.stringify(a)}, {"id": "x" "n": 1}, ${JSON.stringify(b)}]`, [a, b], true, 1],
    ['loose objects in prose', `First: ${JSON.stringify(a)}\nSecond: ${JSON.stringify(b)}`, [a, b], true, 0],
    ['strings with escaped quotes and brackets', '[{"s":"he said \\"]\\" ok"}]', [{ s: 'he said "]" ok' }], true, 0],
    ['no JSON at all', 'I cannot help with that.', [], false, 0],
    ['an empty array', '[]', [], true, 0],
  ])('handles %s', (_name, text, items, complete, skipped) => {
    const r = extractJsonItems(text);
    expect(r.items).toEqual(items);
    expect(r.complete).toBe(complete);
    expect(r.skipped).toBe(skipped);
  });
});
