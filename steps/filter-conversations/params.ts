// Parameters of filter/conversations after schema defaults.
import type { CheckName } from '../../metrics/conversation-checks.js';
import type { CoherenceCheck } from '../../metrics/coherence/accumulator.js';
import type { JudgeParams } from './judge-items.js';

export interface FilterConversationsParams {
  input?: string;
  on_invalid?: 'fail' | 'skip';
  exact_duplicates: boolean;
  /** Jaccard threshold (word 3-grams, MinHash), or false to keep near-copies. */
  near_duplicates: number | false;
  record_checks: CheckName[];
  coherence: CoherenceCheck[];
  /** Absolute path of a train/intent-classifier model.json (resolved by the runner). */
  model?: string;
  top_k: number;
  min_per_intent: number;
  /** The LLM judge, when configured: records scoring below `threshold` are dropped. */
  judge?: JudgeParams;
}
