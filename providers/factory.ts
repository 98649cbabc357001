// Creates the ChatProvider for a `providers:` entry; heavy provider code is loaded only when used.
import type { ChatProvider, ProviderConfig } from './contract.js';
import { InputError } from '../util/errors.js';

export async function createProvider(config: ProviderConfig): Promise<ChatProvider> {
  switch (config.type) {
    case 'bedrock': {
      const mod = (await import(BEDROCK)) as { createBedrockProvider(c: ProviderConfig): ChatProvider };
      return mod.createBedrockProvider(config);
    }
    case 'offline':
      throw new InputError(`provider "${config.name}" is the offline generator: it has no chat API (steps use it directly)`);
    default:
      throw new InputError(`provider "${config.name}" has unknown type "${config.type}"`);
  }
}

// A variable keeps the bedrock module (and the AWS SDK behind it) out of start-up.
const BEDROCK = './bedrock/index.js';
