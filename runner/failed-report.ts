// A step that failed its gates still wrote its report: put it where the user looks, marked as failed.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assertOurs, ForeignFolderError, listFiles, MARKER } from '../store/outputs.js';

/** Name of the file that marks an output folder as holding a failed run's report (not a cached output). */
export const FAILED_MARK = 'FAILED.txt';

/**
 * Replaces the step's output folder with what the failed run wrote, so `out/` never shows the previous run's
 * "passed". Its marker names no output, so the next cached use of the step puts its real output back; a folder
 * genesis did not make is never replaced.
 * Returns the message to append to the error, or '' when the step wrote nothing.
 */
export function keepFailedReport(work: string, outDir: string, error: string, runId: string): string {
  const files = listFiles(work);
  if (!files.length) return '';
  try {
    assertOurs(outDir);
  } catch (e) {
    if (e instanceof ForeignFolderError) return ` (the failed run's report was not copied to ${outDir}: genesis did not make that folder)`;
    throw e;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(work, outDir, { recursive: true });
  writeFileSync(join(outDir, MARKER), 'failed\n');
  writeFileSync(join(outDir, FAILED_MARK), `run ${runId} failed: ${error}\nThe files here are that run's report; the step has no cached output from it.\n`);
  const shown = relative(process.cwd(), outDir) || '.';
  return ` (the failed run's report is in ${shown.startsWith('..') ? outDir : shown}/: ${files.join(', ')})`;
}
