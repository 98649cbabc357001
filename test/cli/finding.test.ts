// Finding things through the CLI: which state folder was read (found below the working folder), headlines, help, list.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempDir, writePipeline } from '../helpers/cli.js';

const yaml = `name: found
seed: 7
steps:
  generate: { uses: generate/conversations, with: { count: 60 } }
  validate: { uses: validate/conversations, needs: [generate] }
  bias: { uses: bias/conversations, needs: [generate] }
  register: { uses: register/dataset, needs: [generate, validate, bias], with: { name: found-set } }
`;

describe('state found below the working folder', () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir();
    mkdirSync(join(root, 'pipelines'));
    const r = await runCli(['run', writePipeline(yaml, join(root, 'pipelines'), 'p.yaml')]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('datasets and runs from the parent folder read pipelines/.genesis and say so', async () => {
    const ds = await spawnCli(['datasets'], { cwd: root }).done;
    expect(ds.code, ds.stderr).toBe(0);
    expect(ds.stderr).toMatch(/reading pipelines\/\.genesis \(no \.genesis here; it is the only state folder below\)/);
    expect(ds.stdout).toMatch(/^found-set@1\s+60\s+conversation\s+offline\S*\s+7\s+0\s+\$0\.00\s+overall [\d.]+ · lowest \w+ [\d.]+, \w+ [\d.]+\s+max severity \w+/m);
    expect(ds.stdout).toMatch(/\(registry: pipelines\/\.genesis\/state\.db\)/);
    const runs = await spawnCli(['runs'], { cwd: root }).done;
    expect(runs.stdout).toMatch(/^\S+\s+found\s+succeeded\s+4\s+0\s+0/m);
    expect(runs.stdout).toMatch(/\(runs in pipelines\/\.genesis\)/);
  });

  it('datasets --json carries the headlines, seed and tokens', async () => {
    const r = await spawnCli(['datasets', '--json'], { cwd: root }).done;
    const [d] = JSON.parse(r.stdout) as Array<{ seed: number; tokens: number; headlines: Record<string, string> }>;
    expect(d).toMatchObject({ seed: 7, tokens: 0 });
    expect(d!.headlines.quality).toMatch(/^overall [\d.]+ · lowest /);
    expect(d!.headlines.bias).toMatch(/^max severity /);
  });

  it('two state folders below: asks to choose; none: says where it looked', async () => {
    const two = tempDir();
    for (const sub of ['a', 'b']) {
      mkdirSync(join(two, sub));
      await runCli(['run', writePipeline('name: x\nsteps:\n  e: { uses: debug/echo }\n', join(two, sub))]);
    }
    const r = await spawnCli(['runs'], { cwd: two }).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 state folders below: a\/\.genesis, b\/\.genesis; choose one with --pipeline FILE or --state-dir DIR/);
    const none = await spawnCli(['runs'], { cwd: tempDir() }).done;
    expect(none.stdout).toMatch(/no runs yet in \.genesis \(name a pipeline file, or use --state-dir DIR\)/);
  });
});

describe('help and list', () => {
  it.each(['run', 'validate', 'graph', 'status', 'why', 'runs', 'clean', 'datasets', 'lineage', 'list', 'predict', 'fake-bedrock'])('genesis help %s lists its options and an example', async (cmd) => {
    const r = await runCli(['help', cmd]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^genesis ${cmd}: `));
    expect(r.stdout).toMatch(/\noptions:\n {2}-/);
    expect(r.stdout).toMatch(new RegExp(`\\nexamples?:\\n {2}genesis ${cmd}`));
    expect((await runCli([cmd, '--help'])).stdout).toBe(r.stdout);
  });

  it('genesis help with an unknown command suggests the right one', async () => {
    const r = await runCli(['help', 'rnu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no command "rnu" \(did you mean "run"\?\)/);
  });

  it.each([
    ['intents', /^cards \(Cards, 17\): activate_my_card, card_arrival/m],
    ['types', /^electricity: residential_consumption \(kWh\)/m],
    ['steps', /^generate\/conversations — [^\n]+\n {2}count: integer = 100 — Number of conversations to generate\.\n {2}intents: "all" \| array/m],
  ])('genesis list %s', async (what, pattern) => {
    const r = await runCli(['list', what]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(pattern);
    expect(JSON.parse((await runCli(['list', what, '--json'])).stdout)).toBeInstanceOf(Array);
  });

  it('genesis list with nothing or a typo is a usage error', async () => {
    expect((await runCli(['list'])).code).toBe(2);
    const r = await runCli(['list', 'intent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot list "intent" \(did you mean "intents"\?\)/);
  });
});
