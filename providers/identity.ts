// What of a provider's configuration decides who answers (fingerprints, item keys, registry): never credentials.
import type { ProviderConfig } from './contract.js';

/**
 * Type and model, plus the endpoint whenever it is not AWS's own for the configured region: a loopback fake, a
 * proxy or a local server answers differently from Claude, so its output must never be served as Claude's. AWS's
 * endpoints for the region (standard, FIPS, dual-stack, VPC interface endpoints) reach the same model and are
 * left out, so moving to a VPC endpoint re-buys nothing. The SDK also takes the endpoint from the environment, so
 * the environment is read the way the SDK reads it.
 */
export function providerIdentity(config: ProviderConfig, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  if (config.type === 'offline') return { type: 'offline' };
  const identity: Record<string, unknown> = { type: config.type, model: config.options.model ?? null };
  if (config.type === 'bedrock') {
    const endpoint = foreignEndpoint(configuredEndpoint(config, env), regionOf(config, env));
    if (endpoint) identity.endpoint = endpoint;
  }
  return identity;
}

/** The endpoint the SDK will call: the provider's `endpoint:`, else the SDK's environment overrides. */
export function configuredEndpoint(config: ProviderConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = config.options.endpoint;
  if (typeof explicit === 'string' && explicit !== '') return explicit;
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
  return env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME || env.AWS_ENDPOINT_URL || undefined;
}

function regionOf(config: ProviderConfig, env: NodeJS.ProcessEnv): string | undefined {
  const r = config.options.region;
  return typeof r === 'string' ? r : (env.AWS_REGION ?? env.AWS_DEFAULT_REGION);
}

// bedrock-runtime[-fips].<region>.amazonaws.com[.cn], …<region>.api.aws (dual-stack),
// [vpce-….]bedrock-runtime.<region>.vpce.amazonaws.com (interface VPC endpoints).
const AWS_HOST = /^(?:vpce-[a-z0-9-]+\.)?bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.(?:vpce\.)?(?:amazonaws\.com(?:\.cn)?|api\.aws)$/;

/** The endpoint as identity (normalized, user info dropped), or undefined when it is AWS's own for the region. */
export function foreignEndpoint(endpoint: string | undefined, region: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint;
  }
  const host = url.hostname.toLowerCase();
  const aws = AWS_HOST.exec(host);
  if (aws && url.protocol === 'https:' && (region === undefined || aws[1] === region)) return undefined;
  // Credentials in a URL would otherwise land in state.db; the path can route to a different backend, so it stays.
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${path}`;
}
