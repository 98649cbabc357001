// `genesis fake-bedrock`: prints how to use it, serves until stopped, rejects bad flags.
import { describe, expect, it } from 'vitest';
import { fakeBedrockCommand } from '../../cli/commands/fake-bedrock.js';
import { InputError } from '../../util/errors.js';

describe('genesis fake-bedrock', () => {
  it('serves on the printed URL until stopped', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const running = fakeBedrockCommand(['--rpm', '100', '--faults', '429=0.1,timeout=0.01', '--seed', '3'], { stdout: (s) => out.push(s), stderr: () => {} }, stop.signal);
    await expect.poll(() => out.join(''), { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.join(''))![0];
    expect(out.join('')).toContain(`AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${url}`);
    const res = await fetch(`${url}/model/x/converse`, { method: 'POST', body: '{"messages":[{"role":"user","content":[{"text":"hi"}]}]}' });
    expect([200, 429, 408]).toContain(res.status);
    stop.abort();
    await expect(running).resolves.toBe(0);
  });

  it('passes each misbehaviour flag to the fake, and reports on GET /__fake/stats', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const argv = ['--ids', 'renumber', '--prose', '0', '--fewer', '1', '--faults', 'reset=0', '--hang-ms', '10', '--window-ms', '1000'];
    const running = fakeBedrockCommand(argv, { stdout: (s) => out.push(s), stderr: () => {} }, stop.signal);
    await expect.poll(() => out.join(''), { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.join(''))![0];
    const spec = (i: number) => `<item>{"conversation_id":"conv-1-${i}","intent":"card_arrival","language":"en","turns":{"min":2,"max":4}}</item>`;
    const prompt = JSON.stringify({ messages: [{ role: 'user', content: [{ text: [1, 2, 3].map(spec).join('\n') }] }] });
    const res = await fetch(`${url}/model/x/converse`, { method: 'POST', body: prompt });
    const text = ((await res.json()) as { output: { message: { content: Array<{ text: string }> } } }).output.message.content[0]!.text;
    const items = JSON.parse(text) as Array<{ conversation_id: string }>;
    expect(items.map((i) => i.conversation_id)).toEqual(['conv_001', 'conv_002']);
    const stats = (await (await fetch(`${url}/__fake/stats`)).json()) as Record<string, number>;
    expect(stats).toMatchObject({ requests: 1, paid_replies: 1, items_served: 2, ids_renumber: 1, fewer: 1 });
    stop.abort();
    await expect(running).resolves.toBe(0);
  });

  it.each([
    [['--ids', 'sometimes']],
    [['--reorder', '1.5']],
    [['--faults', 'boom=0.1']],
    [['--faults', '429=2']],
    [['--faults', '429=0.7,500=0.7']],
    [['--rpm', 'many']],
    [['--nope']],
  ])('rejects %j with a usage error', async (argv) => {
    await expect(fakeBedrockCommand(argv, { stdout: () => {}, stderr: () => {} })).rejects.toBeInstanceOf(InputError);
  });
});
