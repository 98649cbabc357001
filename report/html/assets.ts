// The files the page inlines: the charting library (Observable Plot on d3, UMD builds) and the report's own browser code and CSS.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../util/paths.js';

const cache = new Map<string, string>();

/** A package's folder, found from its main entry (its exports hide `dist/` and `package.json` from resolve). */
function packageDir(name: string): string {
  const require = createRequire(join(packageRoot(), 'package.json'));
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package ${name} not found`);
    dir = up;
  }
  return dir;
}

function read(key: string, path: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(path(), 'utf8');
    cache.set(key, text);
  }
  return text;
}

/** d3 then Plot: Plot's UMD build expects the global `d3`. */
export function chartLibrary(): string[] {
  return [read('d3', () => join(packageDir('d3'), 'dist', 'd3.min.js')), read('plot', () => join(packageDir('@observablehq/plot'), 'dist', 'plot.umd.min.js'))];
}

export function clientScript(): string {
  return read('client', () => join(packageRoot(), 'report', 'client', 'report.js'));
}

export function clientStyle(): string {
  return read('style', () => join(packageRoot(), 'report', 'client', 'report.css'));
}
