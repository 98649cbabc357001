// Renders filter.json as a short Markdown summary a person reads first.
import { renderJudgeMarkdown, type JudgeReport } from './judge-report.js';

/** What one rule removed: filter.json's `rules.<name>`. */
export interface RuleReport {
  enabled: boolean;
  removed: number;
  examples: string[];
}

// Examples are free text: keep them from breaking the Markdown table.
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderFilterMarkdown(r: {
  input: number;
  kept: number;
  rules: Record<string, RuleReport>;
  intents: Record<string, { before: number; after: number; removed: number }>;
  warnings: string[];
  judge?: JudgeReport | null;
}): string {
  const lines = [`# Filter report: ${r.kept} of ${r.input} conversations kept`, '', '| rule | removed | examples |', '| --- | --- | --- |'];
  for (const [name, rule] of Object.entries(r.rules)) {
    lines.push(`| ${name} | ${rule.enabled ? rule.removed : 'off'} | ${rule.examples.map(cell).join('<br>')} |`);
  }
  if (r.judge) lines.push(...renderJudgeMarkdown(r.judge));
  lines.push('', '## Warnings', '');
  if (r.warnings.length === 0) lines.push('None.');
  for (const w of r.warnings) lines.push(`- ${w}`);
  const moved = Object.entries(r.intents).filter(([, v]) => v.removed > 0).sort((a, b) => b[1].removed - a[1].removed || (a[0] < b[0] ? -1 : 1));
  lines.push('', '## Intents that lost conversations', '');
  if (moved.length === 0) lines.push('None.');
  else {
    lines.push('| intent | before | after |', '| --- | --- | --- |');
    for (const [k, v] of moved) lines.push(`| ${cell(k)} | ${v.before} | ${v.after} |`);
  }
  return lines.join('\n') + '\n';
}
