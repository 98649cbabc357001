// Renders a filter step's filter.json as a short Markdown summary a person reads first (conversations or series).

/** What one rule removed: filter.json's `rules.<name>`. */
export interface RuleReport {
  enabled: boolean;
  removed: number;
  examples: string[];
}

// Examples are free text: keep them from breaking the Markdown table.
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderFilterMarkdown(
  r: {
    input: number;
    kept: number;
    rules: Record<string, RuleReport>;
    /** Records per group (intent, series type) before and after. */
    intents: Record<string, { before: number; after: number; removed: number }>;
    warnings: string[];
  },
  o: { noun?: string; group?: string; sections?: string[] } = {},
): string {
  const noun = o.noun ?? 'conversations';
  const lines = [`# Filter report: ${r.kept} of ${r.input} ${noun} kept`, '', '| rule | removed | examples |', '| --- | --- | --- |'];
  for (const [name, rule] of Object.entries(r.rules)) {
    lines.push(`| ${name} | ${rule.enabled ? rule.removed : 'off'} | ${rule.examples.map(cell).join('<br>')} |`);
  }
  // Step-specific sections (the LLM judge's scores) go between the rules and the warnings.
  lines.push(...(o.sections ?? []));
  lines.push('', '## Warnings', '');
  if (r.warnings.length === 0) lines.push('None.');
  for (const w of r.warnings) lines.push(`- ${w}`);
  const group = o.group ?? 'intent';
  const moved = Object.entries(r.intents).filter(([, v]) => v.removed > 0).sort((a, b) => b[1].removed - a[1].removed || (a[0] < b[0] ? -1 : 1));
  lines.push('', `## ${group[0]!.toUpperCase()}${group.slice(1)}s that lost ${noun}`, '');
  if (moved.length === 0) lines.push('None.');
  else {
    lines.push(`| ${group} | before | after |`, '| --- | --- | --- |');
    for (const [k, v] of moved) lines.push(`| ${cell(k)} | ${v.before} | ${v.after} |`);
  }
  return lines.join('\n') + '\n';
}
