// Parameters of bias/conversations after schema defaults.
export interface BiasConversationsParams {
  input?: string;
  on_invalid?: 'fail' | 'skip';
  targets?: Record<string, Record<string, number>>;
  fields: string[];
  crosstabs: Array<[string, string]>;
  gates: { max_severity?: 'none' | 'low' | 'medium' | 'high'; coverage_min?: number };
}

export const DEFAULT_FIELDS = ['sentiment', 'language', 'complexity', 'intent', 'category', 'resolution_status', 'turn_count'];
export const DEFAULT_CROSSTABS: Array<[string, string]> = [
  ['language', 'sentiment'],
  ['language', 'complexity'],
  ['language', 'category'],
  ['language', 'resolution_status'],
  ['complexity', 'sentiment'],
  ['category', 'sentiment'],
];
