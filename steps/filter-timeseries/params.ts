// Parameters of filter/timeseries after schema defaults.
import type { SeriesCheckName } from '../../metrics/series-checks.js';

export interface FilterTimeseriesParams {
  input?: string;
  on_invalid?: 'fail' | 'skip';
  record_checks: SeriesCheckName[];
  exact_duplicates: boolean;
  /** Minimum correlation of a near-copy (same length and frequency), or false to keep them. */
  near_duplicates: number | false;
  /** Minimum realism of an hourly electricity-load series, or false (default) to skip the rule. */
  realism: number | false;
  /** Absolute path of a real wide CSV (resolved by the runner); default: the shipped electricity profile. */
  reference?: string;
}
