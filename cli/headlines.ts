// One-line headlines of registered reports: the figures that tell datasets apart, not the ones every dataset shares.
import type { MetricsKind } from '../store/registry.js';

type Obj = Record<string, unknown>;

const fmt = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v));
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

export function reportHeadline(kind: MetricsKind, m: Obj): string {
  const parts = kind === 'quality' ? quality(m) : kind === 'bias' ? bias(m) : training(m);
  const shown = parts.length ? parts : generic(m);
  const gates = gatesPart(m);
  return [...shown, ...(gates ? [gates] : [])].join(' · ') || 'no figures';
}

/** Overall score and the weakest parts: completeness is 1 for nearly every dataset, the lowest scores differ. */
function quality(m: Obj): string[] {
  const out: string[] = [];
  if (typeof m.overall === 'number') out.push(`overall ${fmt(m.overall)}`);
  if (isObj(m.scores)) {
    const scored = Object.entries(m.scores).filter((e): e is [string, number] => typeof e[1] === 'number').sort((a, b) => a[1] - b[1]);
    const lowest = scored.slice(0, 2).map(([k, v]) => `${k} ${fmt(v)}`);
    if (lowest.length) out.push(`lowest ${lowest.join(', ')}`);
  }
  return out;
}

/** The worst severity and where it was found. */
function bias(m: Obj): string[] {
  if (typeof m.max_severity !== 'string') return [];
  const findings = Array.isArray(m.findings) ? (m.findings as Obj[]) : [];
  const worst = findings.find((f) => f.severity === m.max_severity && m.max_severity !== 'none');
  const where = worst ? ` (${[worst.field, worst.kind].filter((x) => typeof x === 'string').join(' ')})` : '';
  return [`max severity ${m.max_severity}${where}`];
}

/** Held-out (and external) accuracy and macro F1 of a classifier; forecasters fall back to their first figures. */
function training(m: Obj): string[] {
  const out: string[] = [];
  for (const split of ['held_out', 'external']) {
    const e = m[split];
    if (isObj(e) && typeof e.accuracy === 'number') out.push(`${split.replace('_', '-')} accuracy ${fmt(e.accuracy)}${typeof e.macro_f1 === 'number' ? `, macro F1 ${fmt(e.macro_f1)}` : ''}`);
  }
  return out;
}

/** A report's first few scalar figures, for report types without a known headline. */
function generic(m: Obj, max = 4): string[] {
  const shown: string[] = [];
  const scalar = (v: unknown) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
  for (const [k, v] of Object.entries(m)) if (k !== 'type' && k !== 'documents' && scalar(v) && shown.length < max) shown.push(`${k} ${fmt(v)}`);
  if (!shown.length) {
    for (const [k, v] of Object.entries(m)) {
      if (!isObj(v)) continue;
      for (const [k2, v2] of Object.entries(v)) if (scalar(v2) && shown.length < max) shown.push(`${k}.${k2} ${fmt(v2)}`);
    }
  }
  return shown;
}

function gatesPart(m: Obj): string | undefined {
  if (!Array.isArray(m.gates) || !m.gates.length) return undefined;
  const passed = m.gates.filter((g) => (g as { passed?: unknown }).passed === true).length;
  return `gates ${passed}/${m.gates.length} passed`;
}
