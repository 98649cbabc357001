// One model answer checked against the specs that asked for it: the parse/check path on-demand and batch items share.
import { extractJsonItems } from './extract-json.js';
import { matchAnswers, type Asked } from './match-answers.js';

export type ParseOutcome<R> = { ok: true; record: R } | { ok: false; errors: string[] };

export interface AnswerReader<S, R> {
  parse: (obj: unknown, spec: S) => ParseOutcome<R>;
  idOf: (specOrItem: unknown) => string | undefined;
  traitsOf: (spec: S) => Record<string, string>;
}

/** The JSON items in `text`, paired with `specs` (by id, else by traits) and each parsed and checked. */
export function answerOutcomes<S, R>(specs: S[], text: string, reader: AnswerReader<S, R>): Array<ParseOutcome<R>> {
  const { items } = extractJsonItems(text);
  const asked: Asked[] = specs.map((s) => ({ id: reader.idOf(s), traits: reader.traitsOf(s) }));
  const answers = matchAnswers(asked, items, reader.idOf);
  return specs.map((spec, i): ParseOutcome<R> => {
    const answer = answers[i];
    if (answer === undefined) return { ok: false, errors: ['missing from the model answer (truncated or skipped)'] };
    try {
      return reader.parse(answer, spec);
    } catch (e) {
      return { ok: false, errors: [`invalid: ${(e as Error).message}`] };
    }
  });
}
