// Parses pandas-style frequency strings ("15T", "30min", "1H", "D") into a step length in hours.
import { InputError } from '../../../util/errors.js';

export interface Frequency {
  /** Step between consecutive points, in hours. */
  hours: number;
  /** Canonical spelling written into records: "15min", "30min", "1H", "1D". */
  label: string;
}

const UNITS: Record<string, { hours: number; label: string }> = {
  t: { hours: 1 / 60, label: 'min' },
  min: { hours: 1 / 60, label: 'min' },
  h: { hours: 1, label: 'H' },
  d: { hours: 24, label: 'D' },
};

const PATTERN = /^\s*(\d+)?\s*(t|min|h|d)\s*$/i;

/** The step of a frequency string; InputError when it is not one genesis understands. */
export function parseFrequency(text: string): Frequency {
  const m = PATTERN.exec(text);
  const unit = m ? UNITS[(m[2] as string).toLowerCase()] : undefined;
  const count = m?.[1] === undefined ? 1 : Number(m[1]);
  if (!m || !unit || !(count > 0)) {
    throw new InputError(`unknown frequency "${text}": use e.g. "15min" (or "15T"), "30min", "1H" (or "H"), "1D" (or "D")`);
  }
  const hours = count * unit.hours;
  // Points must tile a day evenly or be whole days, or daily seasonality would drift point to point.
  if (hours < 24 ? (24 / hours) % 1 > 1e-9 : hours % 24 !== 0) {
    throw new InputError(`frequency "${text}" does not divide a day evenly (nor is it whole days)`);
  }
  return { hours, label: `${count}${unit.label}` };
}
