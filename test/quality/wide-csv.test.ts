// Wide time-series CSVs (timestamp, one column per series): bad cells are located input errors, never NaN or 0.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWideCsv } from '../../util/tabular.js';
import { InputError } from '../../util/errors.js';
import { tempDir } from '../helpers/cli.js';

function csv(text: string): string {
  const p = join(tempDir(), 'wide.csv');
  writeFileSync(p, text);
  return p;
}

describe('readWideCsv', () => {
  it('reads each column as a series starting at the first timestamp', async () => {
    const cols = await readWideCsv(csv('timestamp,a,b\n2024-01-01T00:00:00Z,1,2\n2024-01-01T01:00:00Z,3,4\n'));
    expect(cols).toEqual([
      { id: 'a', start: '2024-01-01T00:00:00.000Z', values: [1, 3] },
      { id: 'b', start: '2024-01-01T00:00:00.000Z', values: [2, 4] },
    ]);
  });

  it.each([
    ['a blank cell', 'timestamp,a\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,\n', /wide\.csv:3: error: column a: not a number: ""/],
    ['a word', 'timestamp,a\n2024-01-01T00:00:00Z,x\n', /wide\.csv:2: error: column a: not a number: "x"/],
    ['a bad timestamp', 'timestamp,a\nyesterday,1\n', /timestamp "yesterday" is not a date/],
    ['no timestamp column', 'time,a\n2024-01-01,1\n', /no `timestamp` column/],
  ])('%s is an InputError naming where', async (_n, text, message) => {
    const err = await readWideCsv(csv(text)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });
});
