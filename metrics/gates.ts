// Quality gates: `name: min` or `name_max: max` thresholds over named metrics, failing with a GateError.
import { GateError } from '../util/errors.js';

export interface GateResult {
  gate: string;
  metric: string;
  op: '>=' | '<=';
  threshold: number;
  value: number | null;
  passed: boolean;
  /** Why the metric has no value, when it could not be measured. */
  unmeasured?: string;
}

/**
 * Evaluates numeric gates. A gate on a metric that could not be measured (null) fails with the reason from
 * `unmeasured` (or a generic one): a threshold the data was never checked against must not read as met.
 */
export function evaluateGates(
  gates: Readonly<Record<string, number>>,
  values: Readonly<Record<string, number | null | undefined>>,
  unmeasured: Readonly<Record<string, string>> = {},
): GateResult[] {
  return Object.keys(gates)
    .sort()
    .map((gate) => {
      const threshold = gates[gate] as number;
      const isMax = gate.endsWith('_max');
      const metric = isMax ? gate.slice(0, -4) : gate.endsWith('_min') ? gate.slice(0, -4) : gate;
      const v = values[metric];
      const value = v === undefined || v === null || Number.isNaN(v) ? null : v;
      const op = isMax ? '<=' : '>=';
      if (value === null) return { gate, metric, op, threshold, value, passed: false, unmeasured: unmeasured[metric] ?? 'the metric could not be measured on this data' };
      return { gate, metric, op, threshold, value, passed: isMax ? value <= threshold : value >= threshold };
    });
}

/** One line per failed gate, e.g. `duplicates 0.100 > duplicates_max 0.010`, or `realism not measured (…): gate realism 0.500`. */
export function describeFailure(g: GateResult): string {
  if (g.value === null) return `${g.metric} not measured (${g.unmeasured ?? 'no value'}): gate ${g.gate} ${g.threshold.toFixed(3)} cannot be checked`;
  return `${g.metric} ${g.value.toFixed(3)} ${g.op === '<=' ? '>' : '<'} ${g.gate} ${g.threshold.toFixed(3)}`;
}

/** Throws a GateError listing every failed gate; does nothing when all passed. */
export function enforceGates(results: readonly GateResult[], extra: ReadonlyArray<{ message: string; metric: string; value: number; threshold: number; op: string }> = []): void {
  const failed = results.filter((g) => !g.passed);
  if (failed.length === 0 && extra.length === 0) return;
  const lines = [...failed.map(describeFailure), ...extra.map((e) => e.message)];
  throw new GateError(
    `gate failed: ${lines.join('; ')}`,
    [
      ...failed.map((g) => ({ metric: g.metric, value: g.value ?? Number.NaN, threshold: g.threshold, op: g.op })),
      ...extra.map(({ metric, value, threshold, op }) => ({ metric, value, threshold, op })),
    ],
  );
}
