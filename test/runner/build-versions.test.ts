// The build script that derives versions from content, run on fixture trees: what enters a version, and what fails the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const SCRIPT = resolve(__dirname, '../../scripts/build-versions.mjs');

type Tree = Record<string, string>;

function writeTree(root: string, tree: Tree): void {
  for (const [rel, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

interface Units {
  [unit: string]: { version: string; code: string[]; data: string[] };
}

function build(root: string): { status: number | null; stderr: string; units: Units } {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', root], { cwd: root, encoding: 'utf8' });
  let units: Units = {};
  try {
    units = (JSON.parse(readFileSync(join(root, 'dist/code-versions.json'), 'utf8')) as { units: Units }).units;
  } catch {
    // No output: the build failed (asserted by the caller).
  }
  return { status: r.status, stderr: r.stderr, units };
}

/** A registry with two step types, one reading a data folder through a helper it imports, one reading nothing. */
const base = (): Tree => ({
  'dist/steps/registry.js': `const loaders = {\n    'gen/a': () => import('./a/index.js'),\n    plain: () => import('./plain/index.js'),\n};\n`,
  'dist/steps/a/index.js': `import { words } from '../../lib/words.js';\nexport default { run: () => import('./run.js') };\n`,
  'dist/steps/a/run.js': `import { schemaPath } from '../../util/paths.js';\nexport const s = schemaPath('rec.schema.json');\n`,
  'dist/lib/words.js': `import { loadData } from '../util/paths.js';\nexport const words = (f) => loadData('words', f);\nexport const fixed = loadData('profile.json');\n`,
  'dist/steps/plain/index.js': `export default {};\n`,
  'dist/util/paths.js': `export function loadData(...parts) { return join(packageRoot(), 'data', ...parts); }\n`,
  'data/words/en.json': '["a"]\n',
  'data/profile.json': '{}\n',
  'data/unrelated.json': '{}\n',
  'schemas/rec.schema.json': '{}\n',
});

function fixture(extra: Tree = {}): string {
  const root = tempDir('genesis-versions-');
  writeTree(root, { ...base(), ...extra });
  return root;
}

describe('build-versions: what enters a version', () => {
  it('lists each step type’s transitive project modules (static and dynamic imports) and the shipped files they read', () => {
    const { status, units } = build(fixture());
    expect(status).toBe(0);
    expect(units['step:gen/a']!.code).toEqual(['dist/lib/words.js', 'dist/steps/a/index.js', 'dist/steps/a/run.js', 'dist/util/paths.js']);
    // A computed argument after a literal folder: the whole folder enters.
    expect(units['step:gen/a']!.data).toEqual(['data/profile.json', 'data/words/en.json', 'schemas/rec.schema.json']);
    expect(units['step:plain']!.data).toEqual([]);
  });

  it.each<[string, (root: string) => void, { a: boolean; plain: boolean }]>([
    ['a data file one of its imports reads', (r) => writeFileSync(join(r, 'data/profile.json'), '{"x":1}\n'), { a: true, plain: false }],
    ['a new file in a data folder read by a computed name', (r) => writeFileSync(join(r, 'data/words/es.json'), '["b"]\n'), { a: true, plain: false }],
    ['a schema file it reads', (r) => writeFileSync(join(r, 'schemas/rec.schema.json'), '{"type":"object"}\n'), { a: true, plain: false }],
    ['the code of a module it imports dynamically', (r) => writeFileSync(join(r, 'dist/steps/a/run.js'), readFileSync(join(r, 'dist/steps/a/run.js'), 'utf8') + '// x\n'), { a: true, plain: false }],
    ['a data file no module reads', (r) => writeFileSync(join(r, 'data/unrelated.json'), '{"y":2}\n'), { a: false, plain: false }],
  ])('changing %s changes exactly the versions that depend on it', (_what, edit, changed) => {
    const root = fixture();
    const before = build(root).units;
    edit(root);
    const after = build(root).units;
    expect(after['step:gen/a']!.version !== before['step:gen/a']!.version).toBe(changed.a);
    expect(after['step:plain']!.version !== before['step:plain']!.version).toBe(changed.plain);
  });

  it.each([
    ['a template literal', 'loadData(`words/${f}`)'],
    ['a concatenation', "loadData('words/' + f)"],
    ['a folder then a computed name', "dataPath('words', f)"],
  ])('a path continued by %s counts its whole literal folder', (_what, call) => {
    const { status, units } = build(fixture({ 'dist/lib/words.js': `import { loadData, dataPath } from '../util/paths.js';\nexport const words = (f) => ${call};\n` }));
    expect(status).toBe(0);
    expect(units['step:gen/a']!.data).toEqual(['data/words/en.json', 'schemas/rec.schema.json']);
  });

  it('gives every offline generator (providers/offline/<name>/index.js) a version of its own, with no list to maintain', () => {
    const { status, units } = build(
      fixture({
        'dist/providers/offline/talk/index.js': `import { loadData } from '../../../util/paths.js';\nexport const g = loadData('words', 'en.json');\n`,
      }),
    );
    expect(status).toBe(0);
    expect(units['offline/talk']).toMatchObject({ code: ['dist/providers/offline/talk/index.js', 'dist/util/paths.js'], data: ['data/words/en.json'] });
  });
});

describe('build-versions: a file the build cannot see fails it, located', () => {
  it.each<[string, Tree, RegExp]>([
    ['a dynamic import of a computed path', { 'dist/steps/a/run.js': `const m = 'x.js';\nexport const r = () => import(m);\n` }, /dist\/steps\/a\/run\.js:2:\d+: error: dynamic import of a computed path/],
    ['a data read with no literal folder', { 'dist/lib/words.js': `import { loadData } from '../util/paths.js';\nexport const w = (f) => loadData(f);\n` }, /dist\/lib\/words\.js:2:\d+: error: loadData\(\) with a computed path/],
    ['a module finding files by its own location', { 'dist/lib/words.js': `export const here = new URL('../data/x.json', import.meta.url);\n` }, /dist\/lib\/words\.js:1:\d+: error: finds files by its own location \(import\.meta\.url\)/],
    ['a data file that does not exist', { 'dist/lib/words.js': `import { loadData } from '../util/paths.js';\nexport const w = loadData('missing.json');\n` }, /dist\/lib\/words\.js:2:\d+: error: loadData\(\) reads data\/missing\.json, which does not exist/],
    ['an import of a module that is not there', { 'dist/steps/plain/index.js': `import './gone.js';\n` }, /dist\/steps\/plain\/index\.js:1:\d+: error: imports \.\/gone\.js, which is not in dist\//],
  ])('%s', (_what, extra, message) => {
    const root = fixture(extra);
    const r = build(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(() => statSync(join(root, 'dist/code-versions.json'))).toThrow();
  });
});

describe('build-versions on this project', () => {
  const root = resolve(__dirname, '../..');
  const units = (JSON.parse(readFileSync(join(root, 'dist/code-versions.json'), 'utf8')) as { units: Units }).units;

  it('claims every file under data/ for some version: a data file no version covers is read by a path the build cannot see', () => {
    const all = (rel: string): string[] => (statSync(join(root, rel)).isDirectory() ? readdirSync(join(root, rel)).flatMap((n) => all(`${rel}/${n}`)) : [rel]);
    const claimed = new Set(Object.values(units).flatMap((u) => u.data));
    expect(all('data').filter((f) => !claimed.has(f))).toEqual([]);
  });

  it('covers the offline generators’ data in the versions of the steps that use them', () => {
    expect(units['offline/conversations']!.data.some((f) => f.startsWith('data/grammar/'))).toBe(true);
    for (const f of units['offline/conversations']!.data) expect(units['step:generate/conversations']!.data).toContain(f);
    for (const f of units['offline/timeseries']!.data) expect(units['step:generate/timeseries']!.data).toContain(f);
  });
});
