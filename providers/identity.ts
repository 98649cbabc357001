// What of a provider's configuration determines its outputs (fingerprints, checkpoint keys): never credentials.
import type { ProviderConfig } from './contract.js';

export function providerIdentity(config: ProviderConfig): Record<string, unknown> {
  if (config.type === 'offline') return { type: 'offline' };
  return { type: config.type, model: config.options.model ?? null };
}
