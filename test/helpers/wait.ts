// Polling helpers for tests that drive a child process: wait for its output, or for a condition, with a limit.

/** Resolves with the match once `get()` matches `pattern`; rejects, showing what was seen, after `limitMs`. */
export function waitFor(get: () => string, pattern: RegExp, limitMs = 20_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const m = pattern.exec(get());
      if (m) return resolve(m);
      if (Date.now() - started > limitMs) return reject(new Error(`timed out waiting for ${pattern}; saw:\n${get()}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}

/** True once `cond()` holds, false if it still doesn't after `limitMs`. */
export async function until(cond: () => boolean, limitMs = 10_000): Promise<boolean> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > limitMs) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
