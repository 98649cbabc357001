// A ChatRequest as a Converse request body: the `modelInput` of a batch record (Converse invocation type).
import type { ChatRequest } from '../contract.js';

/** Field for field what ConverseCommand sends, so a batch record asks exactly what an on-demand request would. */
export function converseBody(request: ChatRequest, maxTokens: number): Record<string, unknown> {
  return {
    ...(request.system ? { system: [{ text: request.system }] } : {}),
    messages: request.messages.map((m) => ({ role: m.role, content: [{ text: m.text }] })),
    inferenceConfig: { maxTokens, ...(request.temperature !== undefined ? { temperature: request.temperature } : {}) },
  };
}
