// YAML conventions users bring from other tools: top-level `x-*` extension keys holding anchors, and `<<:` merge keys.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

describe('x-* keys and merge keys', () => {
  it('accepts and ignores top-level x-* keys, and merges `<<: *anchor` into steps (local keys win)', async () => {
    const file = writePipeline(`name: conventions
x-defaults: &echo
  uses: debug/echo
  with: { message: shared }
x-notes: anything at all, [ignored]
steps:
  a:
    <<: *echo
  b:
    <<: *echo
    needs: [a]
    with: { message: own }
`);
    const v = await runCli(['validate', file]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const r = await runCli(['run', file, '--json']);
    expect(r.code).toBe(0);
    const out = join(dirname(file), 'out/conventions');
    expect(readFileSync(join(out, 'a/message.txt'), 'utf8')).toBe('shared\n');
    expect(readFileSync(join(out, 'b/message.txt'), 'utf8')).toMatch(/^own\n/);
  });

  it('still rejects other unknown top-level keys', async () => {
    const file = writePipeline('name: t\ny-defaults: {}\nsteps:\n  a: { uses: debug/echo }\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:2:1: error: unknown field `y-defaults`/);
  });
});
