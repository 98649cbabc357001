// Bad records of a user's dataset: the first few reported as `file:line: error: …`, all counted, skipped only on request.
import { InputError } from './errors.js';

/** What the user chose with `on_invalid:`: stop at the end of the file with the list (default), or skip and count. */
export type OnInvalid = 'fail' | 'skip';

export const SHOWN_BAD_RECORDS = 20;

export class BadRecords {
  count = 0;
  readonly first: string[] = [];

  constructor(readonly path: string) {}

  add(line: number, message: string): void {
    this.count++;
    if (this.first.length < SHOWN_BAD_RECORDS) this.first.push(`${this.path}:${line}: error: ${message}`);
  }

  /** Called once the file is read: fails on bad records unless skipping, and always on an empty dataset. */
  settle(good: number, onInvalid: OnInvalid): void {
    if (this.count > 0 && (onInvalid === 'fail' || good === 0)) {
      const more = this.count > this.first.length ? `\n… and ${this.count - this.first.length} more` : '';
      const hint = good === 0 ? 'no valid records' : `${this.count} of ${good + this.count} records are invalid; fix them or set \`on_invalid: skip\` to leave them out (they are counted in the report)`;
      throw new InputError(`${this.first.join('\n')}${more}\n${this.path}: error: ${hint}`);
    }
    if (good === 0) throw new InputError(`${this.path}: error: no records (an empty dataset is an error)`);
  }
}
