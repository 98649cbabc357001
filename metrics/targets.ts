// Expected distributions per field: `with: targets` overrides generation.json, field by field.
export type Targets = Record<string, Record<string, number>>;

export interface ResolvedTargets {
  targets: Targets;
  /** Where each field's target came from. */
  sources: Record<string, 'with' | 'generation.json'>;
}

export function resolveTargets(fromGeneration: Targets | undefined, fromWith: Targets | undefined): ResolvedTargets {
  const targets: Targets = {};
  const sources: Record<string, 'with' | 'generation.json'> = {};
  for (const [k, v] of Object.entries(fromGeneration ?? {})) if (v && typeof v === 'object') ((targets[k] = v), (sources[k] = 'generation.json'));
  for (const [k, v] of Object.entries(fromWith ?? {})) ((targets[k] = v), (sources[k] = 'with'));
  return { targets, sources };
}
