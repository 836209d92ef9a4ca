/**
 * Migration 0007's own copy of the Beta numerics it stored reliability snapshots with, frozen as
 * they were (src/core/commitments/beta.ts at 0007): the stored bands must not move when the core's
 * numerics are tuned later. Do not edit; a change to the snapshots comes with its own migration.
 */

// Lanczos approximation (g = 7, nine coefficients): relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction for I_x(a, b), by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-15;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < eps) break;
  }
  return h;
}

/** I_x(a, b) with log B(a, b) given, for callers that evaluate it many times for one a and b. */
function incompleteBeta(x: number, a: number, b: number, logBeta: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = -logBeta + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The fraction converges fast on this side of the mean; use the symmetry on the other.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/**
 * The p-quantile of Beta(a, b), by Newton's method kept inside a shrinking bracket: the
 * distribution function is increasing, so each evaluation narrows [lo, hi]; a Newton step (the
 * density is the derivative) that would leave the bracket is replaced by bisection. It stops when
 * a step moves less than 1e-14 or the bracket is narrower than 2^-50, in a handful of evaluations
 * instead of fifty.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  let lo = 0;
  let hi = 1;
  // Start from the normal approximation (Abramowitz & Stegun 26.2.23 for its quantile).
  const tail = Math.min(p, 1 - p);
  const s = Math.sqrt(-2 * Math.log(tail));
  const z =
    s -
    (2.515517 + 0.802853 * s + 0.010328 * s * s) /
      (1 + s * (1.432788 + s * (0.189269 + s * 0.001308)));
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const guess = a / (a + b) + (p < 0.5 ? -z : z) * sd;
  let x = guess > 0 && guess < 1 ? guess : a / (a + b);
  for (let i = 0; i < 100 && hi - lo > 2 ** -50; i++) {
    const f = incompleteBeta(x, a, b, logBeta) - p;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const moved = Math.abs(next - x);
    x = next;
    if (moved < 1e-14) break;
  }
  return x;
}
