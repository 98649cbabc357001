// Fixture writers for the runner benchmark: the same DAGs as a genesis pipeline, a Snakefile and a wireit package.json.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The quickstart's shape: generate → validate, bias → train → register. */
export const CHAIN5 = [
  { id: 'generate', needs: [] },
  { id: 'validate', needs: ['generate'] },
  { id: 'bias', needs: ['generate'] },
  { id: 'train', needs: ['validate', 'bias'] },
  { id: 'register', needs: ['train'] },
];

/** n independent steps: the widest DAG, so per-step runner overhead dominates. */
export function wide(n) {
  return Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(5, '0')}`, needs: [] }));
}

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** genesis: debug/echo steps (in-process, one small file each), or `command` steps running the same shell line as the peers. */
export function writeGenesis(dir, name, steps, { command = false } = {}) {
  fresh(dir);
  const lines = [`name: ${name}`, 'steps:'];
  for (const s of steps) {
    const needs = s.needs.length ? `, needs: [${s.needs.join(', ')}]` : '';
    const body = command ? `uses: command${needs}, run: 'echo ${s.id} > "$GENESIS_OUT/${s.id}.txt"'` : `uses: debug/echo${needs}, with: { message: ${s.id} }`;
    lines.push(`  ${s.id}: { ${body} }`);
  }
  writeFileSync(join(dir, 'pipeline.yaml'), lines.join('\n') + '\n');
  return dir;
}

/**
 * Snakemake: one `touch`-style shell rule per chain step, or for the wide DAG one wildcard rule expanded n
 * times. Not `run:` blocks: with --cores > 1 Snakemake 7 runs each `run:` job in a fresh Snakemake process
 * (measured ~1.9 s per job here), which would flatter genesis unfairly.
 */
export function writeSnakemake(dir, steps, { wildcard = false } = {}) {
  fresh(dir);
  const out = (id) => `out/${id}.txt`;
  const rules = [];
  if (wildcard) {
    rules.push(`IDS = [${steps.map((s) => `"${s.id}"`).join(', ')}]`, '', 'rule all:', '    input: expand("out/{i}.txt", i=IDS)', '');
    rules.push('rule step:', '    output: "out/{i}.txt"', '    shell: "echo {wildcards.i} > {output}"', '');
  } else {
    const leaves = steps.filter((s) => !steps.some((t) => t.needs.includes(s.id)));
    rules.push('rule all:', `    input: ${leaves.map((s) => `"${out(s.id)}"`).join(', ')}`, '');
    for (const s of steps) {
      rules.push(`rule ${s.id}:`);
      if (s.needs.length) rules.push(`    input: ${s.needs.map((n) => `"${out(n)}"`).join(', ')}`);
      rules.push(`    output: "${out(s.id)}"`, `    shell: "echo ${s.id} > {output}"`, '');
    }
  }
  writeFileSync(join(dir, 'Snakefile'), rules.join('\n'));
  return dir;
}

/**
 * wireit: one npm script per step; each declares files/output so wireit caches it and can say "fresh".
 * Like Snakemake's rules, each command is a shell one-liner (wireit always spawns a process per script).
 */
export function writeWireit(dir, steps, wireitPackageDir) {
  fresh(dir);
  const scripts = {};
  const wireit = {};
  for (const s of steps) {
    scripts[s.id] = 'wireit';
    wireit[s.id] = {
      command: `mkdir -p out && echo ${s.id} > out/${s.id}.txt`,
      dependencies: s.needs,
      files: [],
      output: [`out/${s.id}.txt`],
    };
  }
  const leaves = steps.filter((s) => !steps.some((t) => t.needs.includes(s.id)));
  if (leaves.length !== 1) throw new Error('wireit fixture expects a single final step');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'wireit-peer', private: true, scripts, wireit }, null, 2));
  // Reuse the peer install instead of installing per fixture (npm run finds node_modules/.bin/wireit).
  symlinkSync(join(wireitPackageDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, '.npmrc'), 'update-notifier=false\nfund=false\naudit=false\n');
  return { dir, target: leaves[0].id, wireitBin: join(wireitPackageDir, 'node_modules', 'wireit', 'bin', 'wireit.js') };
}
