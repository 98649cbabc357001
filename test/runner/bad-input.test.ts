// Every kind of bad pipeline input exits 2 with a located, human message, no stack trace, and no state written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const ok = (steps: string) => `name: t\nsteps:\n${steps}`;

const cases: Array<{ name: string; content: string | Buffer; expect: RegExp; line?: number; column?: number; not?: RegExp }> = [
  { name: 'malformed YAML', content: 'name: t\nsteps:\n  a: { uses: debug/echo\n', expect: /pipeline\.yaml:\d+:\d+: error: .*end with a }/ },
  { name: 'duplicate keys', content: ok('  a: { uses: debug/echo }\n  a: { uses: debug/echo }\n'), expect: /duplicate key/i, line: 4 },
  { name: 'wrong type', content: 'name: t\nseed: forty-two\nsteps:\n  a: { uses: debug/echo }\n', expect: /`seed` must be an integer, not the string "forty-two"/, line: 2 },
  { name: 'unknown top-level field', content: 'name: t\nstpes: {}\nsteps:\n  a: { uses: debug/echo }\n', expect: /unknown field `stpes`.*did you mean "steps"/, line: 2 },
  { name: 'unknown step field', content: ok('  a: { uses: debug/echo, neds: [b] }\n'), expect: /unknown field `neds`.*did you mean "needs"/, line: 3 },
  { name: 'unknown with: field', content: ok('  a: { uses: debug/echo, with: { mesage: hi } }\n'), expect: /unknown field `mesage`.*did you mean "message"/, line: 3 },
  { name: 'unknown step type', content: ok('  a: { uses: debug/ecko }\n'), expect: /unknown step type "debug\/ecko" \(did you mean "debug\/echo"\?\)/, line: 3 },
  { name: 'unknown needs', content: ok('  gen: { uses: debug/echo }\n  b: { uses: debug/echo, needs: [gne] }\n'), expect: /needs unknown step "gne" \(did you mean "gen"\?\)/, line: 4 },
  { name: 'self needs', content: ok('  a: { uses: debug/echo, needs: [a] }\n'), expect: /needs itself/, line: 3 },
  { name: 'cycle', content: ok('  a: { uses: debug/echo, needs: [c] }\n  b: { uses: debug/echo, needs: [a] }\n  c: { uses: debug/echo, needs: [b] }\n'), expect: /dependency cycle: a → c → b → a/ },
  { name: 'empty steps', content: 'name: t\nsteps: {}\n', expect: /`steps` must not be empty/, line: 2 },
  { name: 'empty file', content: '', expect: /empty/ },
  { name: 'missing name', content: 'steps:\n  a: { uses: debug/echo }\n', expect: /missing required field `name`/ },
  { name: 'command without run', content: ok('  a: { uses: command }\n'), expect: /needs a `run:` command/, line: 3 },
  { name: 'run on a non-command step', content: ok('  a: { uses: debug/echo, run: ls }\n'), expect: /`run` is only allowed on `uses: command` steps/, line: 3 },
  {
    name: 'alias bomb (1,000 levels)',
    content: `a0: &a0 [x, x]\n${Array.from({ length: 999 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join('\n')}\nname: t\nsteps:\n  s: { uses: debug/echo }\n`,
    expect: /alias|unknown field/i,
  },
  // The key itself, not the `steps:` line or the first key of the mapping.
  { name: 'invalid step id', content: ok('  fine: { uses: debug/echo }\n  bad.id:\n    uses: debug/echo\n'), expect: /invalid step id `bad\.id` in `steps`: must match/, line: 4, column: 3, not: /invalid key name/ },
  { name: 'invalid provider name', content: 'name: t\nproviders:\n  my provider: { type: offline }\nsteps:\n  a: { uses: debug/echo }\n', expect: /invalid key `my provider` in `providers`/, line: 3, column: 3 },
  {
    name: 'undefined alias',
    content: 'name: t\nsteps:\n  a:\n    <<: *defaults\n    uses: debug/echo\n',
    expect: /undefined alias `\*defaults`: no anchor `&defaults` is set before it/,
    line: 4,
    column: 9,
    not: /more than 1000/,
  },
  { name: 'non-UTF-8 bytes', content: Buffer.concat([Buffer.from('name: t\nsteps:\n  a: { uses: debug/echo, with: { message: "caf'), Buffer.from([0xe9]), Buffer.from('" } }\n')]), expect: /invalid UTF-8 byte 0xe9/, line: 3 },
];

describe('bad pipeline input', () => {
  it.each(cases)('$name → exit 2 with a located message', async (c) => {
    const dir = tempDir();
    const file = join(dir, 'pipeline.yaml');
    writeFileSync(file, c.content);
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(c.expect);
    if (c.line) expect(r.stderr).toContain(`pipeline.yaml:${c.line}:${c.column ?? ''}`);
    if (c.not) expect(r.stderr).not.toMatch(c.not);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace
    expect(existsSync(join(dir, '.genesis'))).toBe(false);
  });

  it('reports every problem in one pass, each with the source line and a caret', async () => {
    const dir = tempDir();
    const file = join(dir, 'pipeline.yaml');
    writeFileSync(file, ok('  a: { uses: debug/ecko }\n  b: { uses: debug/echo, needs: [zzz] }\n  c: { uses: debug/echo, with: { delay_ms: -1 } }\n'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pipeline.yaml:3:');
    expect(r.stderr).toContain('pipeline.yaml:4:');
    expect(r.stderr).toContain('pipeline.yaml:5:');
    expect(r.stderr).toMatch(/3 errors/);
    expect(r.stderr).toMatch(/\n {2}.*uses: debug\/ecko.*\n {2}\s*\^+/);
  });

  it.each([
    ['a missing file', (d: string) => join(d, 'nope.yaml'), /no such file/],
    ['a directory', (d: string) => (mkdirSync(join(d, 'sub')), join(d, 'sub')), /is a directory/],
    ['a 50 MB file', (d: string) => (writeFileSync(join(d, 'big.yaml'), Buffer.alloc(50 * 1024 * 1024, 0x20)), join(d, 'big.yaml')), /limited to 1 MB/],
  ])('%s → exit 2 with a clear message', async (_n, make, expected) => {
    const dir = tempDir();
    const r = await runCli(['run', make(dir)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(existsSync(join(dir, '.genesis'))).toBe(false);
  });

  it('rejects unknown commands and options with usage, exit 2', async () => {
    expect((await runCli(['rnu'])).stderr).toMatch(/unknown command "rnu" \(did you mean "run"\?\)/);
    const r = await runCli(['run', 'x.yaml', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--bogus/);
  });

  it.each(['run', 'validate', 'clean', 'datasets', 'predict', 'fake-bedrock'])('genesis %s --help prints its usage (exit 0)', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: genesis ${cmd} `, 'm'));
  });
});
