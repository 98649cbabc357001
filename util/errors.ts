// Expected failures as typed errors, each mapped to one exit code at the CLI edge.
import type { Diagnostic } from './diagnostics.js';

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The environment failed: disk full, read-only or unwritable state (EX_IOERR). */
  environment: 74,
  resumable: 75,
  interrupted: 130,
} as const;

/** Base for failures the user caused or must act on; never printed with a stack trace. */
export class GenesisError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid input: pipeline file, parameters or CLI usage. Carries located diagnostics when it has them. */
export class InputError extends GenesisError {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message, ExitCode.usage);
  }
}

/** An invalid provider option: `path` (under the provider's entry) lets analysis point at the offending key. */
export class OptionError extends InputError {
  constructor(message: string, readonly path: Array<string | number>) {
    super(message);
  }
}

/** A quality or bias gate failed: the step fails and its dependants do not run. */
export class GateError extends GenesisError {
  constructor(message: string, readonly failures: Array<{ metric: string; value: number; threshold: number; op: string }>) {
    super(message, ExitCode.failed);
  }
}

/**
 * The step stopped in a resumable state (budget spent, throttling past patience): everything finished
 * is checkpointed, and the next run continues from there.
 */
export class ResumableStop extends GenesisError {
  constructor(message: string, readonly remaining: number) {
    super(message, ExitCode.resumable);
  }
}

/** A step failed for a reason that is not a bug in genesis (bad data, a command's non-zero exit). */
export class StepFailure extends GenesisError {
  constructor(message: string) {
    super(message, ExitCode.failed);
  }
}
