// OutputTail: what a command step keeps and echoes of its output, whatever the chunking.
import { describe, expect, it } from 'vitest';
import { OutputTail } from '../../steps/command/output-tail.js';

function feed(chunks: string[], limits = { echoLines: 3, tailLines: 2, lineBytes: 8 }) {
  const echoed: string[] = [];
  const t = new OutputTail((l) => echoed.push(l), limits);
  for (const c of chunks) t.write(Buffer.from(c));
  t.end();
  return { t, echoed };
}

describe('OutputTail', () => {
  it.each([
    ['lines split across chunks', ['a\nb', 'b\nc', 'c\n'], ['a', 'bb', 'cc'], 3],
    ['a last line without a newline, CRLF endings', ['x\r\ny'], ['x', 'y'], 2],
    ['an empty line counts', ['\n\n'], ['', ''], 2],
  ])('%s', (_name, chunks, echoed, lines) => {
    const r = feed(chunks);
    expect(r.echoed).toEqual(echoed);
    expect(r.t.lines).toBe(lines);
  });

  it('cuts a long line at the byte cap and says how long it was', () => {
    const r = feed(['0123456789'.repeat(3), '\n']);
    expect(r.echoed).toEqual(['01234567 … (line cut: 30 B)']);
    expect(r.t.bytes).toBe(31);
  });

  it('echoes the first lines, then only the tail when the stream ends, and counts every line', () => {
    const r = feed([Array.from({ length: 10 }, (_, i) => `l${i}\n`).join('')]);
    expect(r.echoed).toEqual(['l0', 'l1', 'l2', '… more output; the last 2 lines are shown when the command ends', '… 5 line(s) not shown …', 'l8', 'l9']);
    expect(r.t.lines).toBe(10);
    expect(r.t.last()).toEqual(['l8', 'l9']);
    expect(r.t.describe()).toBe('10 lines, 30 B');
  });

  it.each([1, 7, 64, 100_000])('keeps the same head, tail and counts whatever the chunk size (%i bytes)', (size) => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
    const r = feed(chunks, { echoLines: 5, tailLines: 3, lineBytes: 100 });
    expect(r.t.lines).toBe(1000);
    expect(r.echoed).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', '… more output; the last 3 lines are shown when the command ends', '… 992 line(s) not shown …', 'line 997', 'line 998', 'line 999']);
  });
});
