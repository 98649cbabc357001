// What enters a fingerprint beyond `with:`: command env values (as hashes only) and files read beside `with: input:`.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

async function statuses(file: string): Promise<Record<string, string>> {
  const r = await runCli(['run', file, '--json']);
  const report = JSON.parse(r.stdout) as { steps: Array<{ id: string; status: string }> };
  return Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
}

/** Every byte genesis keeps about runs: the state database and its journal files. */
function stateDbBytes(dir: string): string {
  const state = join(dir, '.genesis');
  return readdirSync(state)
    .filter((f) => f.startsWith('state.db'))
    .map((f) => readFileSync(join(state, f)).toString('latin1'))
    .join('');
}

const commandPipeline = (token: string) => `name: env
steps:
  call:
    uses: command
    run: printf '%s' "$TOKEN" | wc -c > len.txt
    outputs: [len.txt]
    env: { TOKEN: ${token}, MODE: fast }
`;

describe('command env values', () => {
  it('enter the fingerprint as hashes: a changed value reruns the step, `why` names the variable, state.db never holds the value', async () => {
    const file = writePipeline(commandPipeline('s3cret-value-AAAA'));
    expect(await statuses(file)).toEqual({ call: 'ran' });
    expect(await statuses(file)).toEqual({ call: 'cached' });
    writeFileSync(file, commandPipeline('s3cret-value-BBBB'));

    const why = await runCli(['why', file, 'call']);
    expect(why.code).toBe(0);
    expect(why.stdout).toMatch(/changed: env\.TOKEN/);
    expect(why.stdout).toMatch(/^\s+env\.TOKEN changed$/m);
    const whyJson = await runCli(['why', file, 'call', '--json']);
    for (const out of [why.stdout, whyJson.stdout]) expect(out).not.toMatch(/s3cret-value/);

    expect(await statuses(file)).toEqual({ call: 'ran' });
    const db = stateDbBytes(dirname(file));
    expect(db).toContain('env'); // the fingerprint is there…
    expect(db).not.toContain('s3cret-value'); // …without the values
  });
});

describe('files read beside `with: input:`', () => {
  it.each(['validate/conversations', 'bias/conversations'])('%s reruns when generation.json beside its input changes', async (uses) => {
    const gen = writePipeline(`name: g
seed: 5
steps:
  generate: { uses: generate/conversations, with: { count: 40, languages: { en: 0.5, es: 0.5 } } }
`);
    expect(await statuses(gen)).toEqual({ generate: 'ran' });
    const dir = dirname(gen);
    const data = join(dir, 'data');
    mkdirSync(data);
    cpSync(join(dir, 'out/g/generate/conversations.jsonl'), join(data, 'conversations.jsonl'));
    cpSync(join(dir, 'out/g/generate/generation.json'), join(data, 'generation.json'));

    const file = writePipeline(`name: check\nsteps:\n  check: { uses: ${uses}, with: { input: data/conversations.jsonl } }\n`, dir, 'check.yaml');
    expect(await statuses(file)).toEqual({ check: 'ran' });
    expect(await statuses(file)).toEqual({ check: 'cached' });

    const g = JSON.parse(readFileSync(join(data, 'generation.json'), 'utf8')) as { targets: { language: Record<string, number> } };
    g.targets.language = { en: 0.9, es: 0.1 };
    writeFileSync(join(data, 'generation.json'), JSON.stringify(g, null, 2));
    expect((await runCli(['status', file])).stdout).toMatch(/changed: files\.data\/generation\.json/);
    expect(await statuses(file)).toEqual({ check: 'ran' });
  });
});
