// The `with:` parameters of train/intent-classifier, after schema defaults.

export interface IntentClassifierParams {
  input?: string;
  text_column: string;
  label_column: string;
  text_from: 'customer_turns' | 'first_customer_turn' | 'all_turns';
  label: 'intent' | 'category';
  test_fraction: number;
  seed?: number;
  C: number;
  max_iter: number;
  tol: number;
  class_weight: 'balanced' | null;
  word_ngrams: [number, number] | null;
  char_ngrams: [number, number] | null;
  min_df: number;
  evaluate_on?: string;
}
