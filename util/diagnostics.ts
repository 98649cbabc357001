// Diagnostics: located problems in user input, printed as `file:line:col: error: message` plus a caret.

export interface Location {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  length: number;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  location?: Location;
}

export function formatDiagnostic(d: Diagnostic, source?: string): string {
  if (!d.location) return `${d.severity}: ${d.message}`;
  const { file, line, column, length } = d.location;
  let out = `${file}:${line}:${column}: ${d.severity}: ${d.message}`;
  const text = source?.split(/\r?\n/)[line - 1];
  if (text !== undefined && text.length <= 500) {
    const pad = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
    out += `\n  ${text}\n  ${pad}${'^'.repeat(Math.max(1, Math.min(length, text.length - column + 1)))}`;
  }
  return out;
}
