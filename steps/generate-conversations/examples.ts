// The few-shot pool of an LLM run: the user's `examples:` CSV when given (else the prompt template's own).
import { InputError } from '../../util/errors.js';
import type { ConversationParams } from './params.js';

export async function loadExamples(params: Pick<ConversationParams, 'examples'>): Promise<Array<{ text: string; intent: string }> | undefined> {
  if (!params.examples) return undefined;
  const { readCsv } = await import('../../util/tabular.js');
  const rows = await readCsv(params.examples);
  const examples = rows.filter((r) => r.text && (r.category ?? r.intent)).map((r) => ({ text: r.text!, intent: (r.category ?? r.intent)! }));
  if (!examples.length) throw new InputError(`${params.examples}: no rows with text and category (or intent) columns`);
  return examples;
}
