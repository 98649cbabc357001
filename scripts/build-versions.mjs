// Build step: derives every step type's and offline generator's version from content (its compiled code, all the
// project modules it imports, and the shipped files it reads) into dist/code-versions.json, so no one bumps a number.
// Usage: node scripts/build-versions.mjs [--root DIR]   (DIR: a built tree with dist/, data/, schemas/; default: this repo)
//
// Why it can't silently miss a file:
// - the import graph is read from the emitted JavaScript (what runs); a dynamic import whose path is not a string
//   literal, or a relative import that resolves to no file, fails the build;
// - shipped files are reached only through dataPath/loadData/schemaPath (util/paths). Their leading string-literal
//   arguments name a file or a folder; when a later argument is computed (`loadData('grammar', f)`), the whole folder
//   named by the literal prefix enters the version. A call with no literal prefix fails the build, and so does a
//   module in a graph that finds files on its own (import.meta.url, __dirname, packageRoot()).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const dist = join(root, 'dist');
/** Where shipped files live, by the util/paths accessor that reaches them. */
const ACCESSORS = { dataPath: 'data', loadData: 'data', schemaPath: 'schemas' };
/** The accessors' own module joins paths from parameters by design; code-versions reads this script's output. */
const LOCATING_MODULES = new Set(['util/paths.js', 'util/code-versions.js']);

const errors = [];
const fail = (file, index, text, message) => {
  const line = index === undefined ? 1 : text.slice(0, index).split('\n').length;
  const column = index === undefined ? 1 : index - text.lastIndexOf('\n', index - 1);
  errors.push(`${relative(process.cwd(), file) || file}:${line}:${column}: error: ${message}`);
};
const posix = (p) => p.split(sep).join('/');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Code whose output genesis caches but which reads no shipped data: the pipeline loader (load → validate →
 * normalize), whose version keys the cache of normalized pipelines. Only its code is hashed (the schemas it
 * validates with key that cache through their precompiled validators), so locating checks are not applied.
 */
const CODE_ONLY_UNITS = { 'pipeline-loader': 'runner/load.js' };

/** Versioned units: each step type of the registry, each offline generator (providers/offline/<name>/index.js), and CODE_ONLY_UNITS. */
function units() {
  const out = new Map();
  for (const [unit, rel] of Object.entries(CODE_ONLY_UNITS)) if (existsSync(join(dist, rel))) out.set(unit, join(dist, rel));
  const registry = join(dist, 'steps', 'registry.js');
  const text = readFileSync(registry, 'utf8');
  const loader = /(?:'([^']+)'|"([^"]+)"|([A-Za-z_$][\w$]*))\s*:\s*\(\)\s*=>\s*import\(\s*(['"])([^'"]+)\4\s*\)/g;
  for (const m of text.matchAll(loader)) out.set(`step:${m[1] ?? m[2] ?? m[3]}`, resolve(dirname(registry), m[5]));
  if (!out.size) fail(registry, undefined, text, 'found no step loaders (`name: () => import(\'./x/index.js\')`)');
  const offline = join(dist, 'providers', 'offline');
  if (existsSync(offline)) {
    for (const name of readdirSync(offline).sort()) {
      const entry = join(offline, name, 'index.js');
      if (existsSync(entry)) out.set(`offline/${name}`, entry);
    }
  }
  return out;
}

/** Relative module specifiers a compiled module imports (static, re-export, dynamic, require). */
function importsOf(file, text, codeOnly) {
  const specs = [];
  const literal = /(?:\bfrom\s*|\bimport\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;
  for (const m of text.matchAll(literal)) if (m[2].startsWith('.')) specs.push({ spec: m[2], index: m.index });
  // Code-only units may load build outputs by computed path (the loader's precompiled validators).
  if (codeOnly) return specs;
  for (const m of text.matchAll(/\bimport\s*\(\s*(?!['"]\S+['"]\s*\))/g)) fail(file, m.index, text, 'dynamic import of a computed path: the build cannot see what it loads (import a string literal)');
  for (const m of text.matchAll(/\brequire\s*\(\s*(?!['"])/g)) fail(file, m.index, text, 'require() of a computed path: the build cannot see what it loads (require a string literal)');
  return specs;
}

/**
 * The leading string-literal arguments of the call opened at `open`. A literal that a computed part continues
 * (`'grammar/' + f`, `` `grammar/${f}` ``) contributes its folder part and ends the list: the read is inside it.
 */
function literalArgs(text, open) {
  const args = [];
  const re = /\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\]*)`)\s*([,)+]?)/y;
  re.lastIndex = open + 1;
  for (;;) {
    const m = re.exec(text);
    if (!m) return args;
    const value = m[1] ?? m[2] ?? m[3];
    const templated = m[3] !== undefined && value.includes('${');
    if (templated || m[4] === '+' || m[4] === '') {
      const literal = templated ? value.slice(0, value.indexOf('${')) : value;
      const folder = literal.slice(0, literal.lastIndexOf('/') + 1).replace(/\/+$/, '');
      if (folder) args.push(folder);
      return args;
    }
    args.push(value);
    if (m[4] === ')') return args;
  }
}

/** Shipped files (relative to the root) a module reads through the util/paths accessors. */
function shippedFilesOf(file, text) {
  const found = [];
  for (const m of text.matchAll(/\b(dataPath|loadData|schemaPath)\s*\(/g)) {
    if (/\bfunction\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const args = literalArgs(text, m.index + m[0].length - 1);
    if (!args.length) {
      fail(file, m.index, text, `${m[1]}() with a computed path: name the file, or at least its folder, as string literals`);
      continue;
    }
    // A computed argument after the literals: it names something inside that folder, so the whole folder enters.
    found.push({ path: [ACCESSORS[m[1]], ...args].join('/'), index: m.index, call: m[1] });
  }
  for (const m of text.matchAll(/\bimport\.meta\.url\b|\b__dirname\b|\bpackageRoot\s*\(/g)) {
    fail(file, m.index, text, `finds files by its own location (${m[0].replace(/\s*\($/, '()')}): read shipped files through dataPath/loadData/schemaPath so they enter the version`);
  }
  return found;
}

/** Every file under a path, sorted, relative to the root. */
function filesUnder(rel) {
  const abs = join(root, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).sort().flatMap((name) => filesUnder(`${rel}/${name}`));
}

const moduleCache = new Map();
function readModule(file, codeOnly) {
  const key = `${codeOnly ? 'code:' : ''}${file}`;
  let m = moduleCache.get(key);
  if (!m) {
    const text = readFileSync(file, 'utf8');
    const rel = posix(relative(dist, file));
    const imports = [];
    for (const { spec, index } of importsOf(file, text, codeOnly)) {
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) fail(file, index, text, `imports ${spec}, which is not in dist/`);
      else imports.push(target);
    }
    const shipped = [];
    if (!codeOnly && !LOCATING_MODULES.has(rel)) {
      for (const s of shippedFilesOf(file, text)) {
        if (!existsSync(join(root, s.path))) fail(file, s.index, text, `${s.call}() reads ${s.path}, which does not exist`);
        else shipped.push(...filesUnder(s.path));
      }
    }
    m = { rel, hash: sha256(text), imports, shipped };
    moduleCache.set(key, m);
  }
  return m;
}

function versionOf(entry, codeOnly) {
  const seen = new Set();
  const code = new Map();
  const shipped = new Set();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const m = readModule(file, codeOnly);
    code.set(`dist/${m.rel}`, m.hash);
    for (const s of m.shipped) shipped.add(s);
    stack.push(...m.imports);
  }
  const files = [...code].sort(([a], [b]) => (a < b ? -1 : 1));
  const data = [...shipped].sort().map((rel) => [rel, sha256(readFileSync(join(root, rel)))]);
  const version = sha256(JSON.stringify({ code: files, data })).slice(0, 16);
  return { version, code: files.map(([f]) => f), data: data.map(([f]) => f) };
}

const table = {};
for (const [unit, entry] of units()) {
  if (!existsSync(entry)) {
    errors.push(`${posix(relative(process.cwd(), join(dist, 'steps', 'registry.js')))}:1:1: error: ${unit} loads ${posix(relative(root, entry))}, which does not exist`);
    continue;
  }
  table[unit] = versionOf(entry, unit in CODE_ONLY_UNITS);
}
if (errors.length) {
  for (const e of [...new Set(errors)]) process.stderr.write(`${e}\n`);
  process.stderr.write(`build-versions: ${errors.length} error(s); no versions written\n`);
  process.exit(1);
}
writeFileSync(join(dist, 'code-versions.json'), JSON.stringify({ units: table }, null, 1) + '\n');
console.log(`build-versions: ${Object.keys(table).length} versions derived from code and shipped files into dist/code-versions.json`);
