// Parameters of validate/timeseries after schema defaults.
export interface ValidateTimeseriesParams {
  input?: string;
  on_invalid?: 'fail' | 'skip';
  reference?: string;
  max_compared_series: number;
  gates: Partial<Record<string, number>>;
}
