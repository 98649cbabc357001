// Checks of generate/conversations' `with:` that a schema can't express, run at analysis so errors point at the line.
import type { ParamProblem } from '../contract.js';
import { unknownIntents, type ConversationParams } from './params.js';

const WEIGHTED = ['languages', 'sentiment', 'complexity'] as const;

export function checkConversationParams(params: ConversationParams): ParamProblem[] {
  const out: ParamProblem[] = [];
  // Every unknown name at once, each at its own list item: fixing them one run at a time wastes the user's time.
  if (params.intents !== 'all') for (const u of unknownIntents(params.intents)) out.push({ path: ['intents', u.index], message: u.message });
  for (const field of WEIGHTED) {
    const weights = Object.entries(params[field]) as Array<[string, number]>;
    const total = weights.reduce((a, [, w]) => a + w, 0);
    if (total <= 0) {
      out.push({ path: [field], message: `\`${field}\`: every weight is 0, so nothing can be drawn; give at least one a weight above 0` });
    } else if (Math.abs(total - 1) > 1e-6) {
      const normalized = weights.map(([k, w]) => `${k} ${round(w / total)}`).join(', ');
      out.push({ path: [field], severity: 'warning', message: `\`${field}\` weights sum to ${round(total)}, not 1: they are used as relative weights, normalized to ${normalized}` });
    }
  }
  if (params.turns.min > params.turns.max) out.push({ path: ['turns'], message: `turns.min (${params.turns.min}) is greater than turns.max (${params.turns.max})` });
  return out;
}

const round = (x: number) => String(Math.round(x * 1000) / 1000);
