// `genesis fake-bedrock`: prints how to use it, serves until stopped, rejects bad flags.
import { describe, expect, it } from 'vitest';
import { fakeBedrockCommand } from '../../cli/commands/fake-bedrock.js';
import { InputError } from '../../util/errors.js';

describe('genesis fake-bedrock', () => {
  it('serves on the printed URL until stopped', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const running = fakeBedrockCommand(['--rpm', '100', '--faults', '429=0.1,timeout=0.01', '--seed', '3'], { stdout: (s) => out.push(s), stderr: () => {} }, stop.signal);
    await expect.poll(() => out.join('')).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.join(''))![0];
    expect(out.join('')).toContain(`AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${url}`);
    const res = await fetch(`${url}/model/x/converse`, { method: 'POST', body: '{"messages":[{"role":"user","content":[{"text":"hi"}]}]}' });
    expect([200, 429, 408]).toContain(res.status);
    stop.abort();
    await expect(running).resolves.toBe(0);
  });

  it.each([
    [['--faults', 'boom=0.1']],
    [['--faults', '429=2']],
    [['--faults', '429=0.7,500=0.7']],
    [['--rpm', 'many']],
    [['--nope']],
  ])('rejects %j with a usage error', async (argv) => {
    await expect(fakeBedrockCommand(argv, { stdout: () => {}, stderr: () => {} })).rejects.toBeInstanceOf(InputError);
  });
});
