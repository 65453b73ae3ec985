// The logistic function, shared by the churn model and the deal win model.

/** 1 / (1 + e^-z), computed on the side that cannot overflow. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
