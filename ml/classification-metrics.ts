// Classification metrics: accuracy, macro F1, per-class precision/recall/F1/support and the confusion matrix.

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  accuracy: number;
  macro_f1: number;
  /** Number of rows evaluated. */
  n: number;
  per_class: Record<string, ClassMetrics>;
  /** matrix[i][j]: rows whose true label is labels[i] predicted as labels[j]. */
  confusion: { labels: string[]; matrix: number[][] };
}

/** Metrics over the sorted union of true and predicted labels (as scikit-learn's macro average uses). */
export function evaluate(yTrue: readonly string[], yPred: readonly string[]): Evaluation {
  if (yTrue.length !== yPred.length) throw new RangeError(`yTrue has ${yTrue.length} rows but yPred has ${yPred.length}`);
  const labels = [...new Set([...yTrue, ...yPred])].sort();
  const pos = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = pos.get(yTrue[i] as string) as number;
    const p = pos.get(yPred[i] as string) as number;
    (matrix[t] as number[])[p] = ((matrix[t] as number[])[p] as number) + 1;
    if (t === p) correct++;
  }
  const per_class: Record<string, ClassMetrics> = {};
  let f1Sum = 0;
  labels.forEach((label, i) => {
    const tp = (matrix[i] as number[])[i] as number;
    const support = (matrix[i] as number[]).reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + (row[i] as number), 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    per_class[label] = { precision, recall, f1, support };
    f1Sum += f1;
  });
  return {
    accuracy: yTrue.length ? correct / yTrue.length : 0,
    macro_f1: labels.length ? f1Sum / labels.length : 0,
    n: yTrue.length,
    per_class,
    confusion: { labels, matrix },
  };
}
