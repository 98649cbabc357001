// generate/conversations: bilingual customer-service conversations, resumable item by item, offline or via an LLM.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../util/rng.js';
import { providerIdentity } from '../../providers/identity.js';
import { conversationKeyOf } from './checkpoint-keys.js';
import type { StepContext, StepDefinition } from '../contract.js';
import { llmStepHooks } from '../shared/llm-step-hooks.js';
import { conversationParamsSchema, resolveIntents, type ConversationParams } from './params.js';
import { checkConversationParams } from './params-check.js';

/** Offline records that fail their check are regenerated from a fresh stream this many times. */
const OFFLINE_ATTEMPTS = 3;

const step: StepDefinition<ConversationParams> = {
  type: 'generate/conversations',
  description: 'Generates EN/ES customer-service conversations over the 77 Banking77 intents, resumable item by item.',
  schema: conversationParamsSchema as unknown as Record<string, unknown>,
  pathParams: ['examples'],
  usesProvider: true,
  check(params) {
    return checkConversationParams(params);
  },
  async estimate(input) {
    const { estimateConversations } = await import('./estimate.js');
    return estimateConversations(input as Parameters<typeof estimateConversations>[0]);
  },
  async checkpointKeys(input) {
    const { CONVERSATION_SCOPE, conversationItems } = await import('./checkpoint-keys.js');
    const params = input.params as unknown as ConversationParams;
    const config = input.providers.get(params.provider);
    return { scope: CONVERSATION_SCOPE, keys: config ? (await conversationItems(params, input.seed, config)).map((it) => it.key) : [] };
  },
  async run(ctx) {
    const params = ctx.params;
    const intents = resolveIntents(params);
    const providerConfig = ctx.providerConfig(params.provider);
    const [{ planConversation }, { checkConversation }, { buildItemDataset, describeCounts }] = await Promise.all([
      import('./plan.js'),
      import('./check.js'),
      import('../shared/item-dataset.js'),
    ]);
    const plan = (i: number) => planConversation(params, ctx.seed, i);
    let result;
    let generator: string;
    let cacheSummary: string | undefined;
    if (providerConfig.type === 'offline') {
      const { generateConversation } = await import('../../providers/offline/conversations/index.js');
      // Not the generator's version: it is a code hash, and an output naming it would change on every refactor,
      // defeating early cutoff. The registry keeps the producer's fingerprint, which holds the version.
      generator = 'offline';
      result = await buildItemDataset({
        ctx,
        count: params.count,
        scope: 'conversations',
        file: 'conversations.jsonl',
        plan,
        keyOf: await conversationKeyOf(params, ctx.seed, providerConfig),
        make(spec) {
          let errors: string[] = [];
          for (let attempt = 1; attempt <= OFFLINE_ATTEMPTS; attempt++) {
            const rng = createRng(ctx.seed, 'conversation/offline', spec.index, attempt);
            const checked = checkConversation(generateConversation(spec, rng));
            if (checked.ok) return { ok: true, json: JSON.stringify(checked.record), corrected: 'corrected' in checked, attempts: attempt };
            errors = checked.errors;
          }
          return { ok: false, error: errors.join('; ') };
        },
      });
    } else {
      const llm = await llmFill(ctx, params, checkConversation);
      generator = `${providerConfig.type}/${String(llm.identity.model ?? '')}`;
      result = await buildItemDataset({ ctx, count: params.count, scope: 'conversations', file: 'conversations.jsonl', plan, keyOf: llm.keyOf, fill: llm.fill });
      cacheSummary = llm.cacheNote();
    }
    writeFileSync(join(ctx.outDir, 'generation.json'), JSON.stringify(generationInfo(params, intents, ctx.seed, generator), null, 2) + '\n');
    ctx.services.recordStats({ generated: result.generated, reused: result.reused, failed: result.failed, corrected: result.corrected });
    return { summary: [describeCounts('conversations', result), cacheSummary].filter(Boolean).join('; '), metrics: { items: result } };
  },
};

/** What the dataset was asked to be: bias checks compare the result with these targets. */
function generationInfo(params: ConversationParams, intents: string[], seed: number, generator: string) {
  const norm = (w: Record<string, number | undefined>) => {
    const total = Object.values(w).reduce<number>((a, b) => a + (b ?? 0), 0);
    return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, total > 0 ? (v ?? 0) / total : 0]));
  };
  return {
    type: 'generate/conversations',
    count: params.count,
    seed,
    generator,
    targets: {
      language: norm(params.languages),
      sentiment: norm(params.sentiment),
      complexity: norm(params.complexity),
      intent: Object.fromEntries(intents.map((i) => [i, 1 / intents.length])),
    },
  };
}

type Checker = typeof import('./check.js').checkConversation;

async function llmFill(ctx: StepContext<ConversationParams>, params: ConversationParams, checkConversation: Checker) {
  const [{ runLlmItems }, prompts, { parseConversationItem }, { loadExamples }] = await Promise.all([
    import('../../providers/llm/batch-runner.js'),
    import('../../providers/llm/conversation-prompt.js'),
    import('../../providers/llm/conversation-parse.js'),
    import('./examples.js'),
  ]);
  const provider = await ctx.provider(params.provider);
  const { cacheNote, batchNote } = await import('../shared/llm-notes.js');
  let cache: string | undefined;
  // The same identity the fingerprint and the dry-run estimate use: type, model and any non-AWS endpoint, never credentials.
  const identity = providerIdentity(ctx.providerConfig(params.provider));
  const { llmShots } = await import('./checkpoint-keys.js');
  const shots = await llmShots(params, ctx.providerConfig(params.provider), await loadExamples(params));
  type Spec = import('../../util/records.js').ConversationSpec;
  return {
    identity,
    keyOf: await conversationKeyOf(params, ctx.seed, ctx.providerConfig(params.provider), shots),
    fill: async (missing: Array<{ key: string; spec: Spec }>, store: import('../contract.js').ItemStore) => {
      const r = await runLlmItems({
        items: missing,
        provider,
        store,
        batchSize: params.batch_size,
        render: (specs) => prompts.renderConversationBatch(specs, shots),
        parse: (obj, spec) => {
          const parsed = parseConversationItem(obj, spec);
          if (!parsed.ok) return parsed;
          const checked = checkConversation(parsed.record);
          return checked.ok ? { ok: true, record: checked.record } : checked;
        },
        ...llmStepHooks(ctx, 'conversations', missing.length, 'generated'),
      });
      const s = provider.stats();
      const b = batchNote(provider);
      if (b) ctx.log.info(b);
      ctx.log.info(
        `${r.requests} paid replies (${r.wastedReplies} kept no item), ${s.throttles ?? 0} throttled, ${s.timeouts ?? 0} timed out, ${r.retriedInvalid} items asked again, ${r.failed} failed`,
      );
      cache = cacheNote(s);
      if (cache) ctx.log.info(cache);
    },
    /** What prompt caching saved this run, for the step summary (undefined when it did nothing). */
    cacheNote: () => cache,
  };
}

export default step;
