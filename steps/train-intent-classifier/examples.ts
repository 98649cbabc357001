// Turns conversations or labelled table rows into (text, label) training examples.
import type { Conversation } from '../../util/records.js';
import { readRecords } from '../../util/tabular.js';
import { filesNamed } from '../shared/dataset-source.js';
import { InputError } from '../../util/errors.js';
import type { StepInput } from '../contract.js';
import type { IntentClassifierParams } from './params.js';

export interface Examples {
  texts: string[];
  labels: string[];
  source: string;
}

/** Text of one conversation as the classifier sees it. */
export function conversationText(c: Conversation, from: IntentClassifierParams['text_from']): string {
  const turns = from === 'all_turns' ? c.turns : c.turns.filter((t) => t.speaker === 'customer');
  return (from === 'first_customer_turn' ? turns.slice(0, 1) : turns).map((t) => t.text).join('\n');
}

/** Rows of a CSV/JSONL file; a missing column is an InputError naming it and the columns present. */
export async function examplesFromFile(path: string, textColumn: string, labelColumn: string): Promise<Examples> {
  const rows = await readRecords(path);
  const texts: string[] = [];
  const labels: string[] = [];
  for (const [i, r] of rows.entries()) {
    const text = r[textColumn];
    const label = r[labelColumn];
    if (text === undefined || label === undefined) {
      const missing = text === undefined ? textColumn : labelColumn;
      throw new InputError(`${path}: row ${i + 1} has no "${missing}" column (found: ${Object.keys(r).join(', ')}); set text_column/label_column`);
    }
    texts.push(String(text));
    labels.push(String(label));
  }
  return { texts, labels, source: path };
}

/** The upstream steps' conversations.jsonl records. */
export async function examplesFromInputs(inputs: readonly StepInput[], p: IntentClassifierParams): Promise<Examples> {
  const files = filesNamed(inputs, 'conversations.jsonl');
  if (files.length === 0) {
    throw new InputError('train/intent-classifier needs `with.input` or an upstream step (in `needs`) that outputs conversations.jsonl');
  }
  const texts: string[] = [];
  const labels: string[] = [];
  for (const f of files) {
    for (const r of (await readRecords(f)) as unknown as Conversation[]) {
      if (!Array.isArray(r.turns)) throw new InputError(`${f}: record ${r.conversation_id ?? '?'} has no turns`);
      const text = conversationText(r, p.text_from);
      if (text.trim() === '') continue;
      texts.push(text);
      labels.push(String(r[p.label]));
    }
  }
  return { texts, labels, source: files.join(', ') };
}
