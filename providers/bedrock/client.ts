// The only module that touches the AWS SDK: builds the client and maps ChatRequest ⇄ Converse.
import type { ChatRequest } from '../contract.js';
import { StepFailure } from '../../util/errors.js';

export interface ConverseResult {
  text: string;
  stopReason: string;
  /** Input tokens billed at the normal price: Bedrock leaves cached tokens out of this count. */
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

export interface ConverseClient {
  /** With `cachePoint`, a Converse cachePoint block ends the system content: everything before it is cacheable. */
  converse(model: string, request: ChatRequest, maxTokens: number, signal: AbortSignal, cachePoint?: boolean): Promise<ConverseResult>;
  destroy(): void;
}

/**
 * SDK retries are off (maxAttempts 1): the provider's limiter is the only retry policy, so a
 * throttle is seen (and adapted to) once instead of being hidden behind three SDK attempts.
 * The request handler is the SDK's default for this client, NodeHttp2Handler (HTTP/2; h2c on an
 * http:// endpoint), which is what runs against AWS; the fake server speaks it too.
 * Credentials come from the SDK's standard chain and never pass through genesis code. They are resolved once,
 * here, before any request: without them every request would fail (after the chain's slow probes) one by one.
 */
export async function createConverseClient(region: string, endpoint: string | undefined): Promise<ConverseClient> {
  const { BedrockRuntimeClient, ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const client = new BedrockRuntimeClient({ region, maxAttempts: 1, ...(endpoint ? { endpoint } : {}) });
  try {
    await client.config.credentials();
  } catch (e) {
    client.destroy();
    const why = (e as Error).message?.split('\n')[0] ?? String(e);
    throw new StepFailure(
      `no AWS credentials for Bedrock (${why})\n  hint: genesis uses the standard AWS chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE (shared config, SSO: run \`aws sso login\`), or a container/instance role`,
    );
  }
  return {
    async converse(model, request, maxTokens, signal, cachePoint = false) {
      const out = await client.send(
        new ConverseCommand({
          modelId: model,
          ...(request.system ? { system: [{ text: request.system }, ...(cachePoint ? [{ cachePoint: { type: 'default' as const } }] : [])] } : {}),
          messages: request.messages.map((m) => ({ role: m.role, content: [{ text: m.text }] })),
          inferenceConfig: { maxTokens, ...(request.temperature !== undefined ? { temperature: request.temperature } : {}) },
        }),
        { abortSignal: signal },
      );
      const text = (out.output?.message?.content ?? []).map((b) => ('text' in b && typeof b.text === 'string' ? b.text : '')).join('');
      return {
        text,
        stopReason: out.stopReason ?? 'end_turn',
        inputTokens: out.usage?.inputTokens ?? 0,
        outputTokens: out.usage?.outputTokens ?? 0,
        cacheReadInputTokens: out.usage?.cacheReadInputTokens ?? 0,
        cacheWriteInputTokens: out.usage?.cacheWriteInputTokens ?? 0,
      };
    },
    destroy: () => client.destroy(),
  };
}
