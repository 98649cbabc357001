// A small seeded logistic regression (standardised features, full-batch gradient descent with L2).
export interface LogisticModel {
  predict(x: readonly number[]): number;
}

export function trainLogistic(xs: readonly (readonly number[])[], ys: readonly number[], epochs = 300, rate = 0.5, l2 = 1e-3): LogisticModel {
  const d = xs[0]?.length ?? 0;
  const mu = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const x of xs) x.forEach((v, j) => (mu[j] = (mu[j] as number) + v / xs.length));
  for (const x of xs) x.forEach((v, j) => (sd[j] = (sd[j] as number) + (v - (mu[j] as number)) ** 2 / xs.length));
  const sdev = sd.map((v) => Math.sqrt(v) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - (mu[j] as number)) / (sdev[j] as number)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let e = 0; e < epochs; e++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    z.forEach((x, i) => {
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] as number) * (x[j] as number);
      const err = 1 / (1 + Math.exp(-s)) - (ys[i] as number);
      for (let j = 0; j < d; j++) gw[j] = (gw[j] as number) + err * (x[j] as number);
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j] = (w[j] as number) - rate * ((gw[j] as number) / z.length + l2 * (w[j] as number));
    b -= (rate * gb) / z.length;
  }
  return {
    predict(x) {
      let s = b;
      for (let j = 0; j < d; j++) s += (w[j] as number) * ((((x[j] as number) - (mu[j] as number)) / (sdev[j] as number)));
      return 1 / (1 + Math.exp(-s));
    },
  };
}
