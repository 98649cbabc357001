// What `genesis run` tells the user: --json output paths and cost, summaries of cached steps, dry-run lines, command stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

const yaml = `name: out
steps:
  gen: { uses: generate/conversations, with: { count: 20 } }
  cmd: { uses: command, needs: [gen], run: "echo making >&2; echo done" }
`;

interface JsonStep { id: string; status: string; output: string | null; cost: { usd: number; requests: number }; summary?: string }

describe('genesis run output', () => {
  it('--json gives each step its output folder and cost; cached steps keep their summary; dry-run says what is cached', async () => {
    const file = writePipeline(yaml);
    const first = await runCli(['run', file, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { cost: { usd: number }; steps: JsonStep[] };
    expect(report.cost).toEqual({ inputTokens: 0, outputTokens: 0, usd: 0, requests: 0 });
    const gen = report.steps.find((s) => s.id === 'gen')!;
    expect(gen.output).toMatch(/out\/out\/gen$/);
    expect(existsSync(join(gen.output!, 'conversations.jsonl'))).toBe(true);
    expect(gen.cost).toEqual({ inputTokens: 0, outputTokens: 0, usd: 0, requests: 0 });

    const again = await runCli(['run', file]);
    expect(again.stderr).toMatch(/^\[gen\] cached: 20 conversations \(20 new, 0 reused\)$/m);
    const cachedJson = JSON.parse((await runCli(['run', file, '--json'])).stdout) as { steps: JsonStep[] };
    expect(cachedJson.steps.find((s) => s.id === 'gen')).toEqual(expect.objectContaining({ status: 'cached', output: gen.output, summary: '20 conversations (20 new, 0 reused)' }));

    const dry = await runCli(['run', file, '--dry-run']);
    expect(dry.stdout).toMatch(/^cached {2}gen \(generate\/conversations\): 20 conversations \(20 new, 0 reused\)$/m);
    expect(dry.stdout).not.toMatch(/: cached$/m);
  });

  it("prints a command step's stderr as its output, not as a warning", async () => {
    const file = writePipeline(yaml);
    const r = await runCli(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^\[cmd\] making$/m);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe('genesis why', () => {
  const chain = (count: number) => `name: w
steps:
  generate: { uses: generate/conversations, with: { count: ${count} } }
  check: { uses: debug/echo, needs: [generate] }
`;

  it('names the upstream step and what changed there, before and after it reran', async () => {
    const file = writePipeline(chain(10));
    expect((await runCli(['run', file])).code).toBe(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, chain(12));
    const pending = await runCli(['why', file, 'check']);
    expect(pending.stdout).toMatch(/^check: reruns if the output of generate changes\n {2}generate runs first: changed: params\.count\n {4}params\.count: 10 → 12$/m);

    expect((await runCli(['run', file, '--only', 'generate'])).code).toBe(0);
    const after = await runCli(['why', file, 'check']);
    expect(after.stdout).toMatch(/^ {2}the output of generate changed: [0-9a-f]{12} → [0-9a-f]{12}$/m);
    expect(after.stdout).toMatch(/^ {4}was: made by run \S+ \([\d-]+ [\d:]+\): 10 conversations \(10 new, 0 reused\)$/m);
    expect(after.stdout).toMatch(/^ {4}now: made by run \S+ \([\d-]+ [\d:]+\): 12 conversations \(2 new, 10 reused\)$/m);
    const json = JSON.parse((await runCli(['why', file, 'check', '--json'])).stdout) as { changes: Array<{ field: string; upstream?: { step: string; now: { summary: string } } }> };
    expect(json.changes.find((c) => c.field === 'inputs[0].output')!.upstream).toMatchObject({ step: 'generate', now: { summary: '12 conversations (2 new, 10 reused)' } });
  });
});
