// Shared fixtures for the Bedrock tests: dummy credentials carrying a canary secret, specs, a provider on a fake.
import type { ChatProvider } from '../../providers/contract.js';
import { createBedrockProvider } from '../../providers/bedrock/index.js';
import type { ConversationSpec } from '../../util/records.js';

/** Must never show up in anything genesis returns, prints or the fake records. */
export const SECRET = 'SECRETgenesisTEST0123456789abcdefSECRET';
process.env.AWS_ACCESS_KEY_ID = 'FAKEKEYGENESIS000000';
process.env.AWS_SECRET_ACCESS_KEY = SECRET;
delete process.env.AWS_PROFILE;
delete process.env.AWS_SESSION_TOKEN;

export const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

export function bedrock(endpoint: string | undefined, options: Record<string, unknown> = {}): ChatProvider {
  return createBedrockProvider({
    name: 'default',
    type: 'bedrock',
    options: {
      model: MODEL,
      region: 'us-east-1',
      ...(endpoint ? { endpoint } : {}),
      limits: { rpm: 6000, concurrency: 8 },
      timeout_ms: 5000,
      ...options,
    },
  });
}

export function spec(i: number, overrides: Partial<ConversationSpec> = {}): ConversationSpec {
  return {
    index: i,
    conversation_id: `conv-7-${String(i).padStart(5, '0')}`,
    intent: i % 2 ? 'card_arrival' : 'exchange_rate',
    category: i % 2 ? 'cards' : 'exchange',
    language: i % 3 === 0 ? 'es' : 'en',
    sentiment: 'neutral',
    complexity: 'simple',
    turns: { min: 2, max: 4 },
    noise: 0,
    ...overrides,
  };
}

export const specs = (n: number) => Array.from({ length: n }, (_, i) => spec(i));
