// `genesis run --json-events`: every executor event as one JSON line on stdout, in order, and nothing else there.
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';

const PIPE = 'name: ev\nsteps:\n  a: { uses: debug/echo }\n  b: { uses: debug/echo, needs: [a], with: { fail: true } }\n';

describe('genesis run --json-events', () => {
  it('prints one parseable event per line, run-start to run-finish, with the failure in it', async () => {
    const r = await runCli(['run', writePipeline(PIPE), '--json-events']);
    expect(r.code).toBe(1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; report?: { status: string; id?: string; error?: string } });
    expect(events.map((e) => e.kind)).toEqual(['run-start', 'step-start', 'step-finish', 'step-start', 'step-finish', 'run-finish']);
    expect(events[4]!.report).toMatchObject({ id: 'b', status: 'failed', error: expect.stringContaining('failed on purpose') });
    expect(events[5]!.report!.status).toBe('failed');
    expect(r.stderr).toMatch(/^failed: 1 ran, 1 failed/m); // the human summary stays on stderr
  });

  it('refuses --json together with it (both would own stdout)', async () => {
    const r = await runCli(['run', writePipeline(PIPE), '--json', '--json-events']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json and --json-events both claim stdout');
  });
});
