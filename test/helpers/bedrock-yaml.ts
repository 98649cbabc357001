// The head of a test pipeline whose one provider, `claude`, is Bedrock at a loopback fake: name, seed and the
// provider block, with the test's own settings (limits, budget, mode…) as extra lines under it.

/** `name:`, `seed:` and a `providers: claude:` block pointing at `endpoint`; each extra line is a provider setting. */
export function bedrockPipelineHead(name: string, endpoint: string, settings: readonly string[]): string {
  return `name: ${name}
seed: 5
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: us.anthropic.claude-sonnet-4-5-20250929-v1:0
    endpoint: ${endpoint}
${settings.map((s) => `    ${s}\n`).join('')}`;
}
