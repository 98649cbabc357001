// A step's own stop signal: aborts when the run is interrupted or when the step's `timeout:` passes.
import { abortError } from '../util/abort.js';
import { formatDuration } from '../util/duration.js';
import { StepFailure } from '../util/errors.js';

/** The step ran past its `timeout:`; its own failure reason, distinct from a crash or an interruption. */
export class StepTimeout extends StepFailure {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${formatDuration(timeoutMs)} (timeout: in the pipeline file); the step and its processes were stopped`);
  }
}

export class StepDeadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly onRunAbort: () => void;
  timedOut = false;

  constructor(private readonly run: AbortSignal, readonly timeoutMs?: number) {
    this.signal = this.controller.signal;
    this.onRunAbort = () => this.controller.abort(run.reason);
    if (run.aborted) this.onRunAbort();
    else run.addEventListener('abort', this.onRunAbort, { once: true });
    if (timeoutMs !== undefined) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        // An AbortError, so steps stop the way they do on Ctrl-C (checkpoints flushed); the runner reports a timeout.
        this.controller.abort(abortError(`timed out after ${formatDuration(timeoutMs)}`, 'SIGTERM'));
      }, timeoutMs);
    }
  }

  /** What the step's failure is: the timeout when it fired (whatever the step threw on its way out), else `err`. */
  failure(err: unknown): unknown {
    return this.timedOut && !this.run.aborted ? new StepTimeout(this.timeoutMs!) : err;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.run.removeEventListener('abort', this.onRunAbort);
  }
}
