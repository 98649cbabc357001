// Resumable generation through the CLI: SIGKILL mid-run, top-up and shrink of `count`, unrelated edits.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, writePipeline } from '../helpers/cli.js';

interface Step {
  id: string;
  status: string;
  metrics?: { items?: { generated: number; reused: number; failed: number; written: number } };
}

async function run(file: string, ...extra: string[]): Promise<{ code: number; steps: Record<string, Step> }> {
  const r = await runCli(['run', file, '--json', ...extra]);
  const report = JSON.parse(r.stdout) as { steps: Step[] };
  return { code: r.code, steps: Object.fromEntries(report.steps.map((s) => [s.id, s])) };
}

const conversations = (count: number, extra = '') => `name: gen
seed: 11
steps:
  gen: { uses: generate/conversations, with: { count: ${count} } }
  note: { uses: debug/echo, needs: [gen], with: { message: "${extra}" } }
`;

const dataset = (file: string) => readFileSync(join(dirname(file), 'out/gen/gen/conversations.jsonl'), 'utf8');

describe('resumable generation', () => {
  it('SIGKILL mid-run, then rerun: only missing items are generated and the dataset is byte-identical', async () => {
    const count = 10000; // large enough that the kill always lands mid-run, even on a slow machine
    const reference = writePipeline(conversations(count));
    expect((await run(reference)).code).toBe(0);

    const file = writePipeline(conversations(count));
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      const limit = setTimeout(() => reject(new Error(`never saw progress:\n${err}`)), 60_000);
      const t = setInterval(() => {
        const m = [...err.matchAll(/\[gen\] (\d+)\/10000/g)].map((x) => Number(x[1]));
        if (m.some((n) => n >= 2500) || /ran in/.test(err)) {
          clearInterval(t);
          clearTimeout(limit);
          resolve();
        }
      }, 10);
    });
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.code).toBe(137);

    const resumed = await run(file);
    expect(resumed.code).toBe(0);
    const items = resumed.steps.gen!.metrics!.items!;
    expect(items.reused).toBeGreaterThan(0);
    expect(items.generated + items.reused).toBe(count);
    expect(items.generated).toBeLessThan(count);
    expect(dataset(file)).toBe(dataset(reference));
  });

  it('raising count generates only the new items; lowering it reuses a prefix', async () => {
    const file = writePipeline(conversations(300));
    await run(file);
    const small = dataset(file);
    writeFileSync(file, conversations(450));
    const up = await run(file);
    expect(up.steps.gen!.metrics!.items).toEqual(expect.objectContaining({ generated: 150, reused: 300, written: 450 }));
    expect(dataset(file).startsWith(small)).toBe(true);
    writeFileSync(file, conversations(200));
    const down = await run(file);
    expect(down.steps.gen!.metrics!.items).toEqual(expect.objectContaining({ generated: 0, reused: 200 }));
    expect(small.startsWith(dataset(file))).toBe(true);
  });

  it('changing an unrelated downstream step regenerates nothing', async () => {
    const file = writePipeline(conversations(100, 'one'));
    await run(file);
    writeFileSync(file, conversations(100, 'two'));
    const r = await run(file);
    expect(r.steps.gen!.status).toBe('cached');
    expect(r.steps.note!.status).toBe('ran');
  });

  it('the same seed gives the same bytes in another folder; another seed gives different data', async () => {
    const a = writePipeline(conversations(50));
    const b = writePipeline(conversations(50));
    const c = writePipeline(conversations(50).replace('seed: 11', 'seed: 12'));
    await Promise.all([run(a), run(b), run(c)]);
    expect(dataset(a)).toBe(dataset(b));
    expect(dataset(a)).not.toBe(dataset(c));
  });

  it('time series resume after a forced rerun reuses every checkpointed item', async () => {
    const file = writePipeline('name: gen\nsteps:\n  gen: { uses: generate/timeseries, with: { count: 40, length: 48 } }\n');
    const first = await run(file);
    expect(first.steps.gen!.metrics!.items).toEqual(expect.objectContaining({ generated: 40, reused: 0 }));
    const again = await run(file, '--force');
    expect(again.steps.gen!.metrics!.items).toEqual(expect.objectContaining({ generated: 0, reused: 40 }));
  });

  it('semantic parameter errors are located: an unknown intent and an impossible start date', async () => {
    const file = writePipeline('name: g\nsteps:\n  gen: { uses: generate/conversations, with: { intents: [card_arival] } }\n  ts: { uses: generate/timeseries, with: { start: "2024-02-30" } }\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:3:\d+: error: .*card_arival.*card_arrival/);
    expect(r.stderr).toMatch(/pipeline\.yaml:4:\d+: error: .*2024-02-30/);
  });
});
