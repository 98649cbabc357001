// The fake Bedrock's time-series answers: specs read from the prompt, slips on by default, `--series-slips` honoured.
import { describe, expect, it } from 'vitest';
import { fakeBedrockCommand } from '../../cli/commands/fake-bedrock.js';
import { InputError } from '../../util/errors.js';

const spec = (i: number, length = 48) =>
  `<series>{"series_id":"ts-${String(i).padStart(6, '0')}","series_type":"humidity","domain":"sensors","frequency":"1H","start":"2024-01-01T00:00:00Z","length":${length}}</series>`;

async function withFake(argv: string[], use: (url: string) => Promise<void>) {
  const out: string[] = [];
  const stop = new AbortController();
  const running = fakeBedrockCommand(argv, { stdout: (s) => out.push(s), stderr: () => {} }, stop.signal);
  await expect.poll(() => out.join(''), { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  try {
    await use(/http:\/\/127\.0\.0\.1:\d+/.exec(out.join(''))![0]);
  } finally {
    stop.abort();
    await running;
  }
}

async function ask(url: string, n: number): Promise<string> {
  const body = JSON.stringify({ messages: [{ role: 'user', content: [{ text: Array.from({ length: n }, (_, i) => spec(i)).join('\n') }] }] });
  const res = await fetch(`${url}/model/x/converse`, { method: 'POST', body });
  return ((await res.json()) as { output: { message: { content: Array<{ text: string }> } } }).output.message.content[0]!.text;
}

describe('fake Bedrock: time-series prompts', () => {
  it('answers every asked series with plausible, in-bounds values when slips are off', async () => {
    await withFake(['--series-slips', 'all=0', '--prose', '0', '--ids', 'echo'], async (url) => {
      const items = JSON.parse(await ask(url, 4)) as Array<{ series_id: string; values: number[] }>;
      expect(items.map((i) => i.series_id)).toEqual(['ts-000000', 'ts-000001', 'ts-000002', 'ts-000003']);
      for (const it of items) {
        expect(it.values).toHaveLength(48);
        for (const v of it.values) expect(v >= 0 && v <= 100).toBe(true);
      }
    });
  });

  it('slips by default: over many series some come back short, long, null, NaN or out of bounds', async () => {
    await withFake(['--seed', '4'], async (url) => {
      for (let i = 0; i < 30; i++) await ask(url, 3);
      const stats = (await (await fetch(`${url}/__fake/stats`)).json()) as Record<string, number>;
      const slips = ['series_short', 'series_long', 'series_null', 'series_nan', 'series_out_of_bounds'].filter((k) => (stats[k] ?? 0) > 0);
      expect(slips.length).toBeGreaterThanOrEqual(3);
      expect(stats.items_served).toBe(90);
    });
  });

  it('--series-slips short=1 makes every series too short', async () => {
    await withFake(['--series-slips', 'all=0,short=1', '--prose', '0'], async (url) => {
      const items = JSON.parse(await ask(url, 3)) as Array<{ values: number[] }>;
      for (const it of items) expect(it.values.length).toBeLessThan(48);
    });
  });

  it.each([[['--series-slips', 'boom=0.1']], [['--series-slips', 'short=2']], [['--series-slips', 'short']]])('rejects %j with a usage error', async (argv) => {
    await expect(fakeBedrockCommand(argv, { stdout: () => {}, stderr: () => {} })).rejects.toBeInstanceOf(InputError);
  });
});
