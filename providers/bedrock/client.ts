// The only module that touches the AWS SDK: builds the client and maps ChatRequest ⇄ Converse.
import type { ChatRequest } from '../contract.js';

export interface ConverseResult {
  text: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
}

export interface ConverseClient {
  converse(model: string, request: ChatRequest, maxTokens: number, signal: AbortSignal): Promise<ConverseResult>;
  destroy(): void;
}

/**
 * SDK retries are off (maxAttempts 1): the provider's limiter is the only retry policy, so a
 * throttle is seen (and adapted to) once instead of being hidden behind three SDK attempts.
 * The request handler is the SDK's default for this client, NodeHttp2Handler (HTTP/2; h2c on an
 * http:// endpoint), which is what runs against AWS; the fake server speaks it too.
 * Credentials come from the SDK's standard chain and never pass through genesis code.
 */
export async function createConverseClient(region: string, endpoint: string | undefined): Promise<ConverseClient> {
  const { BedrockRuntimeClient, ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const client = new BedrockRuntimeClient({ region, maxAttempts: 1, ...(endpoint ? { endpoint } : {}) });
  return {
    async converse(model, request, maxTokens, signal) {
      const out = await client.send(
        new ConverseCommand({
          modelId: model,
          ...(request.system ? { system: [{ text: request.system }] } : {}),
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
      };
    },
    destroy: () => client.destroy(),
  };
}
