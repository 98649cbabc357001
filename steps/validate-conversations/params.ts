// Parameters of validate/conversations after schema defaults.
export interface ValidateConversationsParams {
  input?: string;
  on_invalid?: 'fail' | 'skip';
  reference?: string;
  targets?: Record<string, Record<string, number>>;
  sample_size: number;
  compression_sample: number;
  near_duplicate_threshold: number;
  weights: Partial<Record<'completeness' | 'consistency' | 'realism' | 'diversity' | 'distribution', number>>;
  gates: Partial<Record<string, number>>;
}
