// Output channels for CLI commands, so tests can capture them and --json keeps stdout clean.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  color: boolean;
}

export function processIo(): Io {
  const isTTY = Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY);
  return {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    isTTY,
    color: isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  };
}
