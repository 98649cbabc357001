// `genesis report <pipeline.yaml> [-o FILE]`: one self-contained HTML report built from what the pipeline's runs stored.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExitCode } from '../../util/errors.js';
import { parse, requireFile } from '../args.js';
import { show } from '../find-state.js';
import type { Io } from '../io.js';

const USAGE = 'genesis report <pipeline.yaml> [-o FILE] [--state-dir DIR]';

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' }, 'state-dir': { type: 'string' } }, USAGE);
  const file = requireFile(positionals, USAGE);
  const { buildReport } = await import('../../report/index.js');
  const report = await buildReport({ pipelineFile: file, stateDir: values['state-dir'] });
  const out = resolve(values.output ?? report.defaultOut);
  mkdirSync(dirname(out), { recursive: true });
  // Written beside and renamed: a browser (or `genesis serve`) never reads half a report.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, report.html);
  renameSync(tmp, out);
  const kb = Buffer.byteLength(report.html) / 1024;
  const attention = report.sections.filter((s) => s.alert).map((s) => s.title);
  io.stdout(`wrote ${show(out)} (${kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(0)} KB`}, ${report.sections.length} sections)`);
  if (attention.length) io.stdout(`needs attention: ${attention.join(', ')}`);
  if (report.missing.length) io.stdout(`no stored output yet for: ${report.missing.join(', ')} (not in the report)`);
  return ExitCode.ok;
}
