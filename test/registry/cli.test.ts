// `genesis datasets` and `genesis lineage` as users see them: tables, trees, --json, and their errors.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { newPipeline, runOk, stateDir } from './fixtures.js';

interface Tree {
  kind: string;
  id: string;
  relation: string | null;
  children: Tree[];
}

describe('genesis datasets / lineage', () => {
  // Every case here only reads the registry, so one registered pipeline serves them all.
  let file: string;
  beforeAll(async () => {
    file = newPipeline();
    await runOk(file);
  });

  it('list shows each version as a table row; --pipeline finds the state folder', async () => {
    const r = await runCli(['datasets', '--pipeline', file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^dataset\s+records\s+type\s+source\s+seed\s+tokens\s+cost\s+quality\s+bias\s+content\s+created$/);
    expect(lines[1]).toMatch(/^support@1\s+3\s+conversation\s+unknown\s+\d+\s+0\s+\$0\.00\s+overall 0\.875 · gates 1\/1 passed\s+max severity low\s+[0-9a-f]{12}\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(lines[2]).toMatch(/^\(registry: \S+\.genesis\/state\.db\)$/);
    expect((await runCli(['datasets', 'list', '--state-dir', stateDir(file)])).stdout).toBe(r.stdout);
  });

  it('show prints provenance, reports and models', async () => {
    const r = await runCli(['datasets', 'show', 'support@1', '--state-dir', stateDir(file)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^support@1 — fake conversations$/m);
    expect(r.stdout).toMatch(/records\s+3 conversation \(conversations\.jsonl, schema 1\)/);
    expect(r.stdout).toMatch(/producer\s+gen \(command\), fingerprint [0-9a-f]{12}/);
    expect(r.stdout).toMatch(/spend\s+0 requests, 0 input \+ 0 output tokens, \$0\.00/);
    expect(r.stdout).toMatch(/quality\s+quality\s+overall 0\.875 · gates 1\/1 passed/);
    expect(r.stdout).toMatch(/bias\s+bias\s+max severity low$/m);
    expect(r.stdout).toMatch(/models\n\s+train\s+model\.json sha256 [0-9a-f]{12}\s+accuracy 0\.500 · macro_f1 0\.250/);
  });

  it('lineage is a tree: pipeline → generate step → dataset → reports and model', async () => {
    const r = await runCli(['lineage', 'support', '--state-dir', stateDir(file)]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^pipeline \S*pipeline\.yaml \(sha256 [0-9a-f]{12}\)$/);
    expect(lines[1]).toMatch(/^└─ step gen \(fingerprint [0-9a-f]{12}\)$/);
    expect(lines[2]).toMatch(/^ {3}└─ dataset support@1 \(3 conversation records, sha256 [0-9a-f]{12}\)$/);
    expect(lines.slice(3).map((l) => l.replace(/ \(.*$/, ''))).toEqual(['      ├─ quality quality', '      ├─ bias bias', '      └─ model train/model.json']);

    const j = JSON.parse((await runCli(['lineage', 'support@1', '--json', '--state-dir', stateDir(file)])).stdout) as { dataset: string; roots: Tree[] };
    expect(j.dataset).toBe('support@1');
    const [root] = j.roots;
    expect(root!.kind).toBe('pipeline');
    const step = root!.children[0]!;
    expect([step.kind, step.relation, step.id.split('@')[0]]).toEqual(['step', 'defines', 'gen']);
    const ds = step.children[0]!;
    expect([ds.kind, ds.id, ds.relation]).toEqual(['dataset', 'support@1', 'produced']);
    expect(ds.children.map((c) => `${c.kind}:${c.relation}`)).toEqual(['report:quality', 'report:bias', 'model:trained']);
  });

  it('an empty state folder lists nothing and creates nothing', async () => {
    const dir = tempDir();
    expect(await runCli(['datasets', '--state-dir', join(dir, 'none')])).toMatchObject({ code: 0, stdout: expect.stringMatching(/no datasets registered in \S+none yet/) });
    expect(JSON.parse((await runCli(['datasets', '--json', '--state-dir', join(dir, 'none')])).stdout)).toEqual([]);
  });

  it.each([
    [['datasets', 'show', 'suport'], /no dataset "suport" is registered in \S+\.genesis \(did you mean "support"\?\)/],
    [['datasets', 'show', 'support@3'], /dataset "support" has no version 3 \(latest is 1\)/],
    [['datasets', 'show', 'support@x'], /version after @ must be a number/],
    [['datasets', 'show'], /missing dataset name/],
    [['datasets', 'shwo', 'support'], /unknown datasets subcommand "shwo" \(did you mean "show"\?\)/],
    [['lineage'], /missing dataset name/],
    [['lineage', 'other'], /no dataset "other" is registered/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await runCli([...args, '--state-dir', stateDir(file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:/);
  });

  it('a dataset asked for in a folder with nothing registered says so', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.genesis'));
    const r = await runCli(['lineage', 'support', '--state-dir', join(dir, '.genesis')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is registered in \S+ \(nothing is registered there yet/);
  });
});
