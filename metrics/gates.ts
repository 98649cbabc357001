// Quality gates: `name: min` or `name_max: max` thresholds over named metrics, failing with a GateError.
import { GateError } from '../util/errors.js';

export interface GateResult {
  gate: string;
  metric: string;
  op: '>=' | '<=';
  threshold: number;
  value: number | null;
  passed: boolean;
}

/** Evaluates numeric gates; a gate on a metric that could not be measured (null) passes and says so. */
export function evaluateGates(gates: Readonly<Record<string, number>>, values: Readonly<Record<string, number | null | undefined>>): GateResult[] {
  return Object.keys(gates)
    .sort()
    .map((gate) => {
      const threshold = gates[gate] as number;
      const isMax = gate.endsWith('_max');
      const metric = isMax ? gate.slice(0, -4) : gate.endsWith('_min') ? gate.slice(0, -4) : gate;
      const v = values[metric];
      const value = v === undefined || v === null || Number.isNaN(v) ? null : v;
      const passed = value === null || (isMax ? value <= threshold : value >= threshold);
      return { gate, metric, op: isMax ? '<=' : '>=', threshold, value, passed };
    });
}

/** One line per failed gate, e.g. `duplicates 0.100 > duplicates_max 0.010`. */
export function describeFailure(g: GateResult): string {
  const v = g.value === null ? 'n/a' : g.value.toFixed(3);
  return `${g.metric} ${v} ${g.op === '<=' ? '>' : '<'} ${g.gate} ${g.threshold.toFixed(3)}`;
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
