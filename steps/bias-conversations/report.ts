// Renders bias.json as a short Markdown summary: findings by severity, then the tables.
import type { Finding } from '../../metrics/bias.js';
import { fmtP } from '../../metrics/bias.js';

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function renderBiasMarkdown(n: number, worst: string, findings: readonly Finding[], gates: ReadonlyArray<{ gate: string; passed: boolean; value: unknown; threshold: unknown }>): string {
  const rank = { high: 0, medium: 1, low: 2, none: 3 } as const;
  const lines = [`# Bias report: ${n} conversations`, '', `**Worst severity: ${worst}**`, '', '## Findings', ''];
  for (const f of [...findings].sort((a, b) => rank[a.severity] - rank[b.severity])) lines.push(`- **${f.severity}** — ${f.reason}`);
  for (const f of findings) {
    if (f.kind === 'distribution') {
      lines.push('', `## ${f.field} (expected: ${f.expected_from}${f.chi_square ? `; χ² ${f.chi_square.statistic.toFixed(1)}, df ${f.chi_square.df}, p ${fmtP(f.chi_square.p_value)}` : ''})`, '', '| value | observed | share | expected | deviation |', '| --- | --- | --- | --- | --- |');
      for (const r of f.rows) lines.push(`| ${r.value} | ${r.observed} | ${pct(r.observed_share)} | ${pct(r.expected_share)} | ${pct(r.deviation)} |`);
    } else if (f.kind === 'crosstab') {
      lines.push('', `## ${f.rows_field} × ${f.cols_field} (Cramér's V ${f.cramers_v.toFixed(3)}, p ${fmtP(f.chi_square.p_value)})`, '', `| ${f.rows_field} | ${f.cols.join(' | ')} |`, `| --- |${f.cols.map(() => ' --- |').join('')}`);
      f.table.forEach((row, i) => lines.push(`| ${f.rows[i]} | ${row.join(' | ')} |`));
    }
  }
  lines.push('', '## Gates', '');
  if (gates.length === 0) lines.push('No gates configured.');
  for (const g of gates) lines.push(`- ${g.passed ? 'passed' : '**FAILED**'}: ${g.gate} (value ${String(g.value)}, threshold ${String(g.threshold)})`);
  return lines.join('\n') + '\n';
}
