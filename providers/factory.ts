// Creates the ChatProvider for a `providers:` entry; heavy provider code is loaded only when used.
import type { ChatProvider, ProviderConfig } from './contract.js';
import { InputError } from '../util/errors.js';

export async function createProvider(config: ProviderConfig): Promise<ChatProvider> {
  switch (config.type) {
    case 'bedrock': {
      quietSdkNodeVersionWarning();
      // Imported only here: the AWS SDK stays out of every run that doesn't call Bedrock.
      const { createBedrockProvider } = await import('./bedrock/index.js');
      return createBedrockProvider(config);
    }
    case 'offline':
      throw new InputError(`provider "${config.name}" is the offline generator: it has no chat API (steps use it directly)`);
    default:
      throw new InputError(`provider "${config.name}" has unknown type "${config.type}"`);
  }
}

/**
 * The AWS SDK warns on every run under Node 20 that releases after January 2027 will need Node 22. genesis
 * supports Node 20 (README says so); the warning would only clutter every run's output, so drop that one.
 */
function quietSdkNodeVersionWarning(): void {
  const original = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  if ((process.emitWarning as { genesisQuiet?: boolean }).genesisQuiet) return;
  const quiet = (warning: unknown, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning instanceof Error ? `${warning.name} ${warning.message}` : '';
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (/NodeVersionSupportWarning/.test(`${text} ${type ?? ''}`)) return;
    original(warning, ...rest);
  };
  (quiet as { genesisQuiet?: boolean }).genesisQuiet = true;
  process.emitWarning = quiet as typeof process.emitWarning;
}
