// Fake Bedrock servers a test file starts, closed after each test: one lifecycle instead of a copy in every file.
import { afterEach } from 'vitest';
import { startFakeBedrock, type FakeBedrock, type FakeBedrockOptions } from './fake-bedrock.js';

/**
 * Registers an afterEach that closes every fake started through the returned function; `defaults` are merged under
 * each call's options. A fake a test closes itself (to restart on its port) is closed once, not twice.
 */
export function fakeBedrockPerTest(defaults: FakeBedrockOptions = {}): (opts?: FakeBedrockOptions) => Promise<FakeBedrock> {
  let open: FakeBedrock[] = [];
  afterEach(async () => {
    await Promise.all(open.map((f) => f.close()));
    open = [];
  });
  return async (opts = {}) => {
    const f = await startFakeBedrock({ ...defaults, ...opts });
    const close = f.close.bind(f);
    let closing: Promise<void> | undefined;
    f.close = () => (closing ??= close());
    open.push(f);
    return f;
  };
}
