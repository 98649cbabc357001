// What of a provider's configuration determines its outputs (fingerprints, checkpoint keys): never credentials.
import type { ProviderConfig } from './contract.js';

export function providerIdentity(config: ProviderConfig): Record<string, unknown> {
  if (config.type === 'offline') return { type: 'offline' };
  const { model, max_tokens, temperature } = config.options;
  return { type: config.type, model: model ?? null, max_tokens: max_tokens ?? null, temperature: temperature ?? null };
}
