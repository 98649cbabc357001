// Agent replies speak of the customer's people and things in the second person, never the first.
import { describe, expect, it } from 'vitest';
import { agentPerspective, generateConversation } from '../../providers/offline/conversations/index.js';
import { planConversation } from '../../steps/generate-conversations/plan.js';
import { createRng } from '../../util/rng.js';
import type { ConversationParams } from '../../steps/generate-conversations/params.js';

describe('agent perspective', () => {
  it.each([
    ['my landlord', 'en', 0, 'your landlord'],
    ['Ana', 'en', 0, 'Ana'],
    ['mi madre', 'es', 0, 'tu madre'],
    ['mi madre', 'es', 1, 'su madre'],
    ['mis padres', 'es', 1, 'sus padres'],
    ['mi compadre', 'es', 0, 'tu compadre'],
  ] as const)('%s (%s, register %i) → %s', (value, lang, register, expected) => {
    expect(agentPerspective(value, lang, register)).toBe(expected);
  });

  it('no agent turn in 600 transfer conversations says "my"/"mi" about the customer\'s recipient', () => {
    const params: ConversationParams = {
      count: 600, intents: ['transfer_not_received_by_recipient', 'beneficiary_not_allowed', 'failed_transfer'], languages: { en: 0.5, es: 0.5 },
      sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 }, complexity: { simple: 0.3, medium: 0.5, complex: 0.2 },
      turns: { min: 2, max: 8 }, noise: 0, provider: 'default', batch_size: 5, few_shot: 2,
    };
    const bad: string[] = [];
    for (let i = 0; i < 600; i++) {
      const c = generateConversation(planConversation(params, 3, i), createRng(3, 'perspective', i));
      for (const t of c.turns) {
        if (t.speaker === 'agent' && /\b(with|to) my (mom|mum|dad|mother|father|sister|brother|landlord|friend|flatmate|roommate|partner)\b|\bcon mi (madre|padre|hermana|hermano|compadre|comadre|casero|amigo|amiga)\b/i.test(t.text)) bad.push(t.text);
      }
    }
    expect(bad).toEqual([]);
  });
});
