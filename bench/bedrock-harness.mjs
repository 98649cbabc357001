// Shared by the Bedrock benches: the built modules, an item store that counts writes, and conversation specs.
import { createHash } from 'node:crypto';

const dist = new URL('../dist/', import.meta.url);
export const { startFakeBedrock } = await import(new URL('test/fakes/fake-bedrock.js', dist).href);
export const { createBedrockProvider } = await import(new URL('providers/bedrock/index.js', dist).href);
export const { runLlmItems } = await import(new URL('providers/llm/batch-runner.js', dist).href);
export const { renderConversationBatch, conversationItemPrompt } = await import(new URL('providers/llm/conversation-prompt.js', dist).href);
export const { parseConversationItem } = await import(new URL('providers/llm/conversation-parse.js', dist).href);

process.env.AWS_ACCESS_KEY_ID = 'fake';
process.env.AWS_SECRET_ACCESS_KEY = 'fake';
process.emitWarning = () => {}; // the SDK's Node-20 notice would clutter the tables

export const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

/** An ItemStore that counts every write (to prove nothing is stored twice) and the cost stored with them. */
export class CountingStore {
  items = new Map();
  writes = new Map();
  usd = 0;
  requests = 0;
  get(key) { return this.items.get(key); }
  putDone(key, value, cost = {}) {
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    this.items.set(key, { key, status: 'done', value, attempts: 1 });
    this.usd += cost.usd ?? 0;
    this.requests += cost.requests ?? 0;
  }
  putFailed(key, error) { this.items.set(key, { key, status: 'failed', error, attempts: 1 }); }
  flush() {}
  duplicates() { return [...this.writes.values()].filter((n) => n > 1).length; }
  done() { return [...this.items.values()].filter((r) => r.status === 'done').length; }
  failures() { return [...this.items.values()].filter((r) => r.status === 'failed').map((r) => r.error); }
}

const INTENTS = [['card_arrival', 'cards'], ['exchange_rate', 'exchange'], ['top_up_failed', 'top_ups'], ['lost_or_stolen_card', 'cards'], ['declined_card_payment', 'payments']];
export function specs(n, seed) {
  return Array.from({ length: n }, (_, i) => {
    const [intent, category] = INTENTS[i % INTENTS.length];
    return { index: i, conversation_id: `conv-${seed}-${String(i).padStart(5, '0')}`, intent, category, language: i % 2 ? 'es' : 'en', sentiment: ['positive', 'neutral', 'negative'][i % 3], complexity: 'medium', turns: { min: 2, max: 6 }, noise: 0.1 };
  });
}
export const keyed = (list) => list.map((spec) => ({ key: createHash('sha256').update(conversationItemPrompt(spec)).digest('hex'), spec }));
