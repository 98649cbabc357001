// Pipelines for registry tests: command steps stand in for generate/validate/bias/train by writing their files.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

export interface Parts {
  /** Records the fake generate step writes, one JSON line each. */
  records?: string[];
  register?: string;
  extra?: string;
}

const line = (r: string) => r.replace(/'/g, `'\\''`);

/** gen → quality, bias, train → register; every step is a shell command writing its outputs into $GENESIS_OUT. */
export function pipelineYaml(p: Parts = {}): string {
  const records = p.records ?? ['{"conversation_id":"c0"}', '{"conversation_id":"c1"}', '{"conversation_id":"c2"}'];
  return `name: reg
seed: 11
steps:
  gen:
    uses: command
    run: printf '%s\\n' ${records.map((r) => `'${line(r)}'`).join(' ')} > "$GENESIS_OUT/conversations.jsonl"
  quality:
    uses: command
    needs: [gen]
    run: echo '{"type":"validate/conversations","overall":0.875,"documents":3,"gates":[{"metric":"overall","passed":true}]}' > "$GENESIS_OUT/quality.json"
  bias:
    uses: command
    needs: [gen]
    run: echo '{"type":"bias/conversations","max_severity":"low","documents":3}' > "$GENESIS_OUT/bias.json"
  train:
    uses: command
    needs: [gen]
    run: echo '{"format":"genesis/text-classifier","training":{"C":4}}' > "$GENESIS_OUT/model.json" && echo '{"accuracy":0.5,"macro_f1":0.25}' > "$GENESIS_OUT/metrics.json"
  register:
    uses: register/dataset
    needs: [gen, quality, bias, train]
    with: ${p.register ?? '{ name: support, description: fake conversations }'}
${p.extra ?? ''}`;
}

export async function runOk(file: string, ...extra: string[]): Promise<Record<string, string>> {
  const r = await runCli(['run', file, '--json', ...extra]);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { steps: Array<{ id: string; status: string }> };
  return Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
}

export function newPipeline(p: Parts = {}): string {
  return writePipeline(pipelineYaml(p));
}

export function stateDir(file: string): string {
  return join(dirname(file), '.genesis');
}

export function registration(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dirname(file), 'out/reg/register/registration.json'), 'utf8')) as Record<string, unknown>;
}

export async function json<T>(args: string[]): Promise<T> {
  const r = await runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}
