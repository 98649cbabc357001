// Which provider a step's `with:` names, and where: the one reading the analyzer and the fingerprint share.
import type { StepType } from '../steps/contract.js';

/**
 * The provider a step calls and the `with:` path naming it, or undefined when it calls none. `with.provider` steps
 * default to `default`; a step naming it elsewhere (`providerPath`) calls none when that value is absent.
 */
export function stepProvider(type: StepType<any>, params: Record<string, unknown>): { name: string; path: string[] } | undefined {
  if (type.providerPath) {
    let v: unknown = params;
    for (const k of type.providerPath) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' ? { name: v, path: [...type.providerPath] } : undefined;
  }
  if (!type.usesProvider) return undefined;
  return { name: typeof params.provider === 'string' ? params.provider : 'default', path: ['provider'] };
}
