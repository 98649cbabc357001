// Bounded capture of a command's output stream: echoes the first lines, keeps the last ones, counts all — flat memory.
// Lines are cut at a byte cap and scanned once as Buffers, so one 50 MB line or half a million short ones cost
// linear time and a few kilobytes, not a string that is re-searched (quadratic) and echoed whole.

export interface OutputLimits {
  /** Lines echoed live to the log; after that only the tail is shown, when the command ends. */
  echoLines: number;
  /** Last lines kept for the end of the log and for a failure message. */
  tailLines: number;
  /** Bytes kept of one line; the rest is counted, not kept. */
  lineBytes: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { echoLines: 200, tailLines: 20, lineBytes: 4096 };

export class OutputTail {
  lines = 0;
  bytes = 0;
  private piece: Buffer[] = [];
  private kept = 0;
  private lineLength = 0;
  private readonly tail: Array<{ n: number; text: string }> = [];

  constructor(
    private readonly echo: (line: string) => void,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
  ) {}

  write(chunk: Buffer): void {
    this.bytes += chunk.length;
    const ends: number[] = [];
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) ends.push(nl);
    let start = 0;
    ends.forEach((nl, k) => {
      // Past the echo budget, only a chunk's last lines can end up in the tail: the others are counted, never decoded.
      if (this.lines >= this.limits.echoLines && ends.length - k > this.limits.tailLines) this.skipLine();
      else {
        this.add(chunk, start, nl);
        this.endLine();
      }
      start = nl + 1;
    });
    this.add(chunk, start, chunk.length);
  }

  /** Call when the stream ends: a last line without a newline still counts, then the unseen tail is echoed. */
  end(): void {
    if (this.lineLength > 0) this.endLine();
    if (this.lines <= this.limits.echoLines) return;
    const unseen = this.tail.filter((t) => t.n > this.limits.echoLines);
    const skipped = unseen.length ? unseen[0]!.n - this.limits.echoLines - 1 : 0;
    if (skipped > 0) this.echo(`… ${skipped.toLocaleString('en-US')} line(s) not shown …`);
    for (const t of unseen) this.echo(t.text);
  }

  /** The last `n` lines kept, oldest first. */
  last(n = this.limits.tailLines): string[] {
    return this.tail.slice(-n).map((t) => t.text);
  }

  /** "505,091 lines, 12.3 MB" */
  describe(): string {
    return `${this.lines.toLocaleString('en-US')} line${this.lines === 1 ? '' : 's'}, ${formatBytes(this.bytes)}`;
  }

  private add(chunk: Buffer, from: number, to: number): void {
    const len = to - from;
    this.lineLength += len;
    const room = this.limits.lineBytes - this.kept;
    if (room <= 0 || len === 0) return;
    // Copy: a view would pin the whole 64 KB chunk for as long as the line stays in the tail.
    const part = Buffer.from(chunk.subarray(from, from + Math.min(room, len)));
    this.piece.push(part);
    this.kept += part.length;
  }

  private skipLine(): void {
    this.piece = [];
    this.kept = 0;
    this.lineLength = 0;
    this.count();
  }

  private count(): number {
    const n = ++this.lines;
    if (n === this.limits.echoLines + 1) this.echo(`… more output; the last ${this.limits.tailLines} lines are shown when the command ends`);
    return n;
  }

  private endLine(): void {
    let text = Buffer.concat(this.piece, this.kept).toString('utf8');
    if (this.lineLength > this.kept) text += ` … (line cut: ${formatBytes(this.lineLength)})`;
    else if (text.endsWith('\r')) text = text.slice(0, -1);
    this.piece = [];
    this.kept = 0;
    this.lineLength = 0;
    const n = this.count();
    if (n <= this.limits.echoLines) this.echo(text);
    this.tail.push({ n, text });
    if (this.tail.length > this.limits.tailLines) this.tail.shift();
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
