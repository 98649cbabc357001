// A failed gate keeps the failed run's report in out/ (marked failed) and the error points at it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

const yaml = (overall: number) => `name: gated
steps:
  generate: { uses: generate/conversations, with: { count: 80 } }
  validate: { uses: validate/conversations, needs: [generate], with: { gates: { overall: ${overall} } } }
  after: { uses: debug/echo, needs: [validate] }
`;

describe('a failed gate', () => {
  it("replaces the previous run's report with the failed one, says where it is, and a passing rerun restores the cached one", async () => {
    const file = writePipeline(yaml(0.1));
    const out = join(dirname(file), 'out/gated/validate');
    expect((await runCli(['run', file])).code).toBe(0);
    expect(readFileSync(join(out, 'quality.md'), 'utf8')).toMatch(/- passed: overall/);

    writeFileSync(file, yaml(0.999));
    const failed = await runCli(['run', file]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/gate failed: overall [\d.]+ < overall 0\.999 \(the failed run's report is in \S*out\/gated\/validate\/: quality\.json, quality\.md\)/);
    expect(readFileSync(join(out, 'quality.md'), 'utf8')).toMatch(/\*\*FAILED\*\*: overall/);
    expect(readFileSync(join(out, 'FAILED.txt'), 'utf8')).toMatch(/^run \S+ failed: gate failed: overall/);
    expect(JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8')).gates[0].passed).toBe(false);

    writeFileSync(file, yaml(0.1));
    const back = await runCli(['run', file, '--json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).steps.find((s: { id: string }) => s.id === 'validate').status).toBe('cached');
    expect(readFileSync(join(out, 'quality.md'), 'utf8')).toMatch(/- passed: overall/);
    expect(existsSync(join(out, 'FAILED.txt'))).toBe(false);
  });
});
