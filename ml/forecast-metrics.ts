// Forecast accuracy: MASE (scaled by in-sample seasonal-naive MAE) and sMAPE (percent, 0..200).

/** Mean absolute error of the seasonal-naive forecast y[t] = y[t-m] inside the training history. */
export function seasonalNaiveScale(history: ArrayLike<number>, m: number): number {
  let sum = 0;
  let n = 0;
  for (let t = m; t < history.length; t++) {
    sum += Math.abs((history[t] as number) - (history[t - m] as number));
    n++;
  }
  return n ? sum / n : NaN;
}

/** MASE of a forecast against actuals; NaN when the history is too short or perfectly periodic. */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, history: ArrayLike<number>, m = 24): number {
  const scale = seasonalNaiveScale(history, m);
  if (!(scale > 0)) return NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] as number) - (forecast[i] as number));
  return sum / actual.length / scale;
}

/** Symmetric MAPE in percent; a point where both actual and forecast are 0 counts as a perfect 0. */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const f = forecast[i] as number;
    const den = Math.abs(a) + Math.abs(f);
    sum += den === 0 ? 0 : (200 * Math.abs(f - a)) / den;
  }
  return actual.length ? sum / actual.length : NaN;
}
