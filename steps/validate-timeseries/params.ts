// Parameters of validate/timeseries after schema defaults.
export interface ValidateTimeseriesParams {
  input?: string;
  reference?: string;
  max_compared_series: number;
  gates: Partial<Record<string, number>>;
}
