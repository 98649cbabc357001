// Output channels for CLI commands, so tests can capture them and --json keeps stdout clean.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  color: boolean;
  /** Asks a yes/no question on the terminal; absent when nobody can answer (stdin is not a TTY). */
  confirm?(question: string): Promise<boolean>;
}

export function processIo(): Io {
  const isTTY = Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY);
  return {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    isTTY,
    color: isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}),
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
