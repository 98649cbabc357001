// Cancellation helpers shared by the CLI, steps and providers: one AbortError shape, abortable sleep.

/** The error thrown when the user interrupts (Ctrl-C): the runner maps `name === 'AbortError'` to exit 130. */
export function abortError(message = 'interrupted', signal?: NodeJS.Signals): Error {
  const e = new Error(message) as Error & { signal?: NodeJS.Signals };
  e.name = 'AbortError';
  if (signal) e.signal = signal;
  return e;
}

/** The signal to forward to child processes for an abort: the one genesis received (SIGINT, SIGTERM), else SIGTERM. */
export function forwardedSignal(reason: unknown): NodeJS.Signals {
  const s = (reason as { signal?: unknown } | undefined)?.signal;
  return typeof s === 'string' && s.startsWith('SIG') ? (s as NodeJS.Signals) : 'SIGTERM';
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
