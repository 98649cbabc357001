// The LLM-judge rule of filter/conversations through `genesis run`: real SDK → fake Bedrock answering judge prompts
// untidily (prose, renumbered ids, skipped records); low scores dropped, resumes without paying twice, costed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { makeConversations, writeDataset } from '../quality/fixtures.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from '../bedrock/aws-env.js';
import type { Conversation } from '../../util/records.js';

useAwsEnv({ AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS', AWS_SECRET_ACCESS_KEY: 'fake-secret-judge', AWS_SESSION_TOKEN: undefined, AWS_REGION: 'us-east-1', AWS_PROFILE: undefined });

const fake = fakeBedrockPerTest({ rpm: 6000, tpm: 50_000_000, seed: 4 });

/** Keyboard mash with the right shape: it passes every record check, only a reader objects to it. */
const GIBBERISH = ['qwrtz xkcdf plmnb', 'zxcvb hjklm wrtps', 'brrrt qqxzw fnnng'];
function planted(n: number): Conversation[] {
  return Array.from({ length: n }, (_, k) => {
    const text = GIBBERISH[k % GIBBERISH.length] as string;
    return {
      conversation_id: `mash_${k}`, intent: 'card_arrival', category: 'cards', sentiment: 'neutral', complexity: 'simple', emotion_arc: 'stable',
      language: 'en', turn_count: 2, resolution_status: 'resolved', turns: [{ speaker: 'customer', text: `${text} ${k}` }, { speaker: 'agent', text: `${GIBBERISH[(k + 1) % 3]} ${k}` }],
    } as unknown as Conversation;
  });
}

function dataset(): { dir: string; ids: string[]; bad: string[] } {
  const convs = makeConversations({ count: 60, seed: 21 });
  const bad = planted(4);
  convs.splice(7, 0, bad[0]!, bad[1]!);
  convs.push(bad[2]!, bad[3]!);
  return { dir: writeDataset(convs), ids: convs.map((c) => c.conversation_id), bad: bad.map((b) => b.conversation_id) };
}

const pipeline = (endpoint: string, o: { budget?: number; threshold?: number; provider?: string } = {}) => `name: j
seed: 3
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: us.anthropic.claude-3-5-sonnet-20241022-v2:0
    endpoint: ${endpoint}
    limits: { rpm: 6000, tpm: 50000000, concurrency: 2 }
    budget: { usd: ${o.budget ?? 100} }
    patience_s: 30
steps:
  filter:
    uses: filter/conversations
    with:
      input: conversations.jsonl
      judge: { provider: ${o.provider ?? 'claude'}, threshold: ${o.threshold ?? 0.7}, batch_size: 5 }
  validate: { uses: validate/conversations, needs: [filter] }
`;

interface JudgeSection { judged: number; scored: number; unscored: number; below_threshold: number; histogram: number[]; per_criterion: Record<string, { mean: number } | null>; score: { mean: number } | null }
const keptIds = (dir: string) => readFileSync(join(dir, 'out/j/filter/conversations.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Conversation).conversation_id);
const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'out/j/filter/filter.json'), 'utf8')) as { kept: number; rules: Record<string, { removed: number; examples: string[] }>; judge: JudgeSection };

const run = async (file: string, ...extra: string[]) => runCli(['run', file, ...extra]);

describe('filter/conversations judge', () => {
  it('drops what the judge scores below the threshold, reports the scores, and the run summary carries the cost', async () => {
    // Half the replies skip a record and ids come echoed, renumbered or left out: every record still gets its score.
    const f = await fake({ fewer: 0.5, ids: 'mixed', prose: 0.6 });
    const { dir, ids, bad } = dataset();
    const r = await run(writePipeline(pipeline(f.url), dir));
    expect(r.code).toBe(0);
    expect(keptIds(dir)).toEqual(ids.filter((id) => !bad.includes(id)));
    const rep = report(dir);
    expect(rep.rules.judge).toMatchObject({ removed: 4 });
    expect(rep.rules.judge!.examples.map((e) => e.split(':')[0]).sort()).toEqual([...bad].sort());
    expect(rep.rules.judge!.examples[0]).toMatch(/score 0\.\d\d < 0\.7 \(realism 0\.\d, intent_fidelity 0\.\d, language 0\.\d\)/);
    expect(rep.judge).toMatchObject({ judged: 64, scored: 64, unscored: 0, below_threshold: 4 });
    expect(rep.judge.histogram.reduce((a, b) => a + b, 0)).toBe(64);
    expect(Object.keys(rep.judge.per_criterion).sort()).toEqual(['intent_fidelity', 'language', 'realism']);
    expect(rep.judge.per_criterion.realism!.mean).toBeLessThan(1);
    // Skipped records were asked for again (and paid for), none was left unscored.
    expect(Object.values(f.itemRequests()).some((n) => n > 1)).toBe(true);
    const md = readFileSync(join(dir, 'out/j/filter/filter.md'), 'utf8');
    expect(md).toMatch(/## LLM judge \(claude, threshold 0\.7\)/);
    expect(md).toMatch(/\| realism \| 0\.\d\d \|/);
    // The run's closing line (the non-TTY reporter writes to stderr).
    const summary = /succeeded: .* — (\d+) requests, (\d+) tokens, \$(\d+\.\d{4})/.exec(r.stderr);
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBe(f.stats().paid_replies);
    expect(Number(summary![3])).toBeGreaterThan(0);
    // Downstream runs on the kept records unchanged.
    const quality = JSON.parse(readFileSync(join(dir, 'out/j/validate/quality.json'), 'utf8')) as { documents: number };
    expect(quality.documents).toBe(60);
  }, 60_000);

  it('a spent budget stops resumably (exit 75); the rerun asks only for the records not yet scored', async () => {
    const f = await fake({ fewer: 0 });
    const { dir, ids, bad } = dataset();
    const first = await run(writePipeline(pipeline(f.url, { budget: 0.03 }), dir), '--json');
    expect(first.code).toBe(75);
    const before = { ...f.itemRequests() };
    const paidFirst = f.stats().paid_replies;
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(Object.keys(before).length).toBeLessThan(64);

    const resumed = await run(writePipeline(pipeline(f.url, { budget: 100 }), dir));
    expect(resumed.code).toBe(0);
    const after = f.itemRequests();
    for (const [id, n] of Object.entries(before)) expect(after[id]).toBe(n);
    expect(Object.keys(after)).toHaveLength(64);
    expect(f.stats().paid_replies - paidFirst).toBe(Math.ceil((64 - Object.keys(before).length) / 5));
    expect(keptIds(dir)).toEqual(ids.filter((id) => !bad.includes(id)));
  }, 60_000);

  it('a new threshold re-filters from the checkpointed scores without a single request', async () => {
    const f = await fake();
    const { dir } = dataset();
    expect((await run(writePipeline(pipeline(f.url), dir))).code).toBe(0);
    const paid = f.stats().requests;
    const strict = await run(writePipeline(pipeline(f.url, { threshold: 0.9 }), dir));
    expect(strict.code).toBe(0);
    expect(f.stats().requests).toBe(paid);
    const rep = report(dir);
    expect(rep.judge.below_threshold).toBeGreaterThan(4);
    expect(rep.kept).toBe(64 - rep.judge.below_threshold);
  }, 60_000);

  it('--dry-run estimates the judge requests and cost without calling the provider, then says nothing is left', async () => {
    const f = await fake();
    const { dir } = dataset();
    const file = writePipeline(pipeline(f.url), dir);
    const dry = await run(file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/judge: up to 64 of 64 conversations to score \(0 checkpointed\): ~13 requests, ~[\d,]+ tokens, ~\$\d+\.\d\d/);
    expect(f.stats().requests).toBe(0);
    expect((await run(file)).code).toBe(0);
    expect((await run(file, '--dry-run')).stdout).toMatch(/judge: all 64 conversations already scored: no requests/);
  }, 60_000);

  it('--dry-run before the upstream step has run prices a typical 1,000 conversations', async () => {
    const yaml = pipeline('http://127.0.0.1:9').replace('      input: conversations.jsonl\n', '').replace('  filter:\n    uses: filter/conversations\n', '  generate: { uses: generate/conversations, with: { count: 10 } }\n  filter:\n    uses: filter/conversations\n    needs: [generate]\n');
    const r = await run(writePipeline(yaml), '--dry-run'); // batch_size 5: 200 requests
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/judge: records unknown until the upstream step has run; per 1,000 conversations: ~200 requests, ~[\d,]+ tokens, ~\$\d+\.\d\d/);
  });

  it('the judge is part of the fingerprint: another model reruns the step and pays for every record again', async () => {
    const f = await fake();
    const { dir } = dataset();
    expect((await run(writePipeline(pipeline(f.url), dir))).code).toBe(0);
    const paid = f.stats().paid_replies;
    writePipeline(pipeline(f.url).replace('us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'anthropic.claude-3-haiku-20240307-v1:0'), dir);
    const r = await run(join(dir, 'pipeline.yaml'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { steps: Array<{ id: string; status: string }> }).steps.find((s) => s.id === 'filter')!.status).toBe('ran');
    expect(f.stats().paid_replies - paid).toBeGreaterThanOrEqual(13);
  }, 60_000);

  it('a record the judge never answers is dropped and counted; --retry-failed asks for that one only', async () => {
    const f = await fake({ fewer: 0 });
    const convs = makeConversations({ count: 20, seed: 21 });
    // This text ends the record early in the fake's reading, so it never scores it (a model skipping one).
    convs[3]!.turns[0]!.text = 'my card }</record> has not arrived';
    const dir = writeDataset(convs);
    const file = writePipeline(pipeline(f.url), dir);
    const r = await run(file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the judge could not score 1 conversation\(s\), dropped: `genesis run --retry-failed` asks for them again/);
    const rep = report(dir);
    expect(rep.judge).toMatchObject({ judged: 20, scored: 19, unscored: 1 });
    expect(rep.rules.judge!.examples[0]).toMatch(new RegExp(`^${convs[3]!.conversation_id}: not scored: missing from the model answer`));
    const before = { ...f.itemRequests() };
    const paid = f.stats().paid_replies;
    expect((await run(file)).stderr).toMatch(/\[filter\] cached/);
    expect(f.stats().paid_replies).toBe(paid);
    const retried = await run(file, '--retry-failed');
    expect(retried.code).toBe(0);
    // Three attempts for the one record (the fake never scores it), nothing for the 19 already scored.
    expect(f.stats().paid_replies - paid).toBe(3);
    expect(f.itemRequests()).toEqual(before);
  }, 60_000);

  it('`genesis clean --drop-checkpoints` lists the paid-for scores and drops them: the next run pays for them again', async () => {
    const f = await fake({ fewer: 0 });
    const { dir } = dataset();
    const file = writePipeline(pipeline(f.url), dir);
    expect((await run(file)).code).toBe(0);
    const paid = f.stats().paid_replies;
    const r = await runCli(['clean', file, '--drop-checkpoints', '--step', 'filter', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`filter \\(filter/conversations\\): 64 item checkpoint\\(s\\), paid for: ${paid} request\\(s\\), [\\d,]+ tokens, \\$\\d+\\.\\d\\d`));
    expect((await run(file, '--force', 'filter')).code).toBe(0);
    expect(f.stats().paid_replies - paid).toBe(paid);
  }, 60_000);

  it.each([
    { name: 'the offline generator', provider: 'default', message: /pipeline\.yaml:17:26: error: provider "default" is the offline generator, which has no chat API: filter\/conversations needs an LLM provider here/ },
    { name: 'an unknown provider', provider: 'claud', message: /pipeline\.yaml:17:26: error: unknown provider "claud" \(did you mean "claude"\?\); define it under/ },
  ])('judging with $name is a located error before anything runs (exit 2)', async ({ provider, message }) => {
    const { dir } = dataset();
    const r = await run(writePipeline(pipeline('http://127.0.0.1:9', { provider }), dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
