// `genesis run --json` in-process, parsed: the report tests assert on, and each step's status by id.
import { runCli } from './cli.js';

export interface JsonReport {
  status: string;
  steps: Array<{ id: string; status: string; outputHash: string | null; error?: string }>;
}

export async function runJson(file: string, ...extra: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli(['run', file, '--json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

export const statuses = (r: JsonReport) => Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
