// The README's CLI section matches the CLI, command by command, and its quick start uses the fast form.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../cli/help.js';

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}\n`), readme.indexOf('\n## ', readme.indexOf(`## ${title}\n`) + 3));
const rows = [...section('CLI').matchAll(/^\| `genesis ([a-z-]+)([^`]*)`/gm)].map((m) => ({ command: m[1]!, synopsis: m[2]! }));

describe('README CLI section', () => {
  it('has one row per command, and every command has one', () => {
    expect(rows.map((r) => r.command).filter((c) => c !== 'help').sort()).toEqual(Object.keys(HELP).sort());
  });

  it.each(Object.keys(HELP))('the options shown for %s are options it takes', (command) => {
    const shown = [...(rows.find((r) => r.command === command)?.synopsis ?? '').matchAll(/(?<![\w-])(--?[a-z][\w-]*)/g)].map((m) => m[1]!);
    const taken = HELP[command]!.options.flatMap(([flag]) => [...flag.matchAll(/(?<![\w-])(--?[a-z][\w-]*)/g)].map((m) => m[1]!));
    for (const flag of shown) expect(taken, `${command} ${flag}`).toContain(flag);
  });

  it('the quick start runs the CLI the fast way (not through npx)', () => {
    expect(section('Quick start')).not.toMatch(/^npx genesis|&& npx genesis/m);
    expect(section('Quick start')).toMatch(/node bin\/genesis\.js run pipelines\/quickstart\.yaml/);
  });
});
