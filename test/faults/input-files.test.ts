// Broken dataset files given by path (`with: input:`): every bad record located as file:line, encodings named, empty is an error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writePipeline } from '../helpers/cli.js';
import { makeConversations } from '../quality/fixtures.js';

const GOOD = JSON.stringify(makeConversations({ count: 1 })[0]);
const goodTurns = JSON.parse(GOOD).turns as unknown[];
const withTurns = (turns: unknown[]) => JSON.stringify({ ...JSON.parse(GOOD), turns });

type Content = string | Buffer | 'dir';

interface Case {
  name: string;
  content: Content;
  uses?: string;
  extra?: string;
  code: number;
  expect: RegExp[];
  not?: RegExp;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const cases: Case[] = [
  { name: 'a null line', content: lines(GOOD, 'null'), code: 1, expect: [/data\.jsonl:2: error: expected a conversation \(a JSON object\), got null/] },
  { name: 'a null turn', content: lines(withTurns([goodTurns[0], null])), code: 1, expect: [/data\.jsonl:1: error: turn 2 is null, expected an object \{speaker, text\}/] },
  { name: 'a directory', content: 'dir', code: 1, expect: [/data\.jsonl: error: the input file is a directory/] },
  {
    name: 'lines that are not conversations',
    content: lines('42', '[1,2]', '{"a":1}', GOOD),
    code: 1,
    expect: [/data\.jsonl:1: error: expected a conversation \(a JSON object\), got a number \(42\)/, /data\.jsonl:2: error: expected a conversation \(a JSON object\), got an array \(\[1,2\]\)/, /data\.jsonl:3: error: not a conversation: no `turns` array \(fields: a\)/, /3 of 4 records are invalid/],
  },
  { name: 'an empty file', content: '', code: 1, expect: [/data\.jsonl: error: the input file is empty \(an empty dataset is an error\)/] },
  { name: 'blank lines only', content: '\n\n  \n', code: 1, expect: [/data\.jsonl: error: no records \(an empty dataset is an error\)/] },
  {
    name: '25 invalid JSON lines: the first 20 and a count',
    content: lines(GOOD, ...Array.from({ length: 25 }, (_, i) => `{"broken": ${i}`)),
    code: 1,
    expect: [/data\.jsonl:2: error: invalid JSON/, /data\.jsonl:21: error: invalid JSON/, /… and 5 more/, /25 of 26 records are invalid; fix them or set `on_invalid: skip`/],
    not: /data\.jsonl:22:/,
  },
  { name: 'UTF-16LE with a byte-order mark', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines(GOOD), 'utf16le')]), code: 1, expect: [/encoded as UTF-16LE; genesis reads UTF-8/] },
  { name: 'UTF-16BE without a byte-order mark', content: Buffer.from(lines(GOOD), 'utf16le').swap16(), code: 1, expect: [/encoded as UTF-16BE \(no byte-order mark\)/] },
  { name: 'a UTF-8 byte-order mark is accepted', content: '\ufeff' + lines(GOOD, JSON.stringify(makeConversations({ count: 2 })[1])), code: 0, expect: [/2 conversations/] },
  { name: 'on_invalid: skip leaves bad records out and counts them', content: lines(GOOD, 'null', '42', '{"a":1}'), extra: 'on_invalid: skip', code: 0, expect: [/skipped 3 invalid record\(s\) \(on_invalid: skip\)/, /1 conversations/] },
  { name: 'on_invalid: skip with no valid record still fails', content: lines('null', '42'), extra: 'on_invalid: skip', code: 1, expect: [/no valid records/] },
  { name: 'bias/conversations: a null line', uses: 'bias/conversations', content: lines(GOOD, 'null'), code: 1, expect: [/data\.jsonl:2: error: expected a conversation \(a JSON object\), got null/] },
  { name: 'validate/timeseries: a line that is not a series', uses: 'validate/timeseries', content: lines('{"a":1}'), code: 1, expect: [/data\.jsonl:1: error: not a series: no `target` \(fields: a\)/] },
];

describe('broken input files', () => {
  it.each(cases)('$name', async (c) => {
    const dir = tempDir();
    const data = join(dir, 'data.jsonl');
    if (c.content === 'dir') mkdirSync(data);
    else writeFileSync(data, c.content);
    const file = writePipeline(`name: bad\nsteps:\n  check:\n    uses: ${c.uses ?? 'validate/conversations'}\n    with:\n      input: data.jsonl\n${c.extra ? `      ${c.extra}\n` : ''}`, dir);
    const r = await runCli(['run', file]);
    expect(r.stderr).not.toMatch(/internal error/);
    for (const e of c.expect) expect(r.stderr).toMatch(e);
    if (c.not) expect(r.stderr).not.toMatch(c.not);
    expect(r.code).toBe(c.code);
  });

  it('the skipped count is in the run report', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.jsonl'), lines(GOOD, 'null', '42'));
    const file = writePipeline('name: bad\nsteps:\n  check:\n    uses: validate/conversations\n    with: { input: data.jsonl, on_invalid: skip }\n', dir);
    const r = await runCli(['run', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps[0].metrics.counts).toEqual({ invalid_skipped: 2 });
  });
});
