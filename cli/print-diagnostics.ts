// Prints located diagnostics with their source line and caret, reading each file once.
import { readFileSync } from 'node:fs';
import { formatDiagnostic, type Diagnostic } from '../util/diagnostics.js';
import type { Io } from './io.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  const sources = new Map<string, string | undefined>();
  for (const d of diagnostics) {
    const file = d.location?.file;
    if (file && !sources.has(file)) sources.set(file, readQuietly(file));
    io.stderr(formatDiagnostic(d, file ? sources.get(file) : undefined));
  }
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
