/**
 * Small statistics for the benchmark: median, nearest-rank percentiles, ratios, and number
 * formatting for the report table.
 */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(values, p) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * xs.length);
  return xs[Math.min(xs.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** { n, median, p95, min, max } of a list of samples, rounded to 0.01. */
export function summary(values) {
  const xs = values.filter((v) => Number.isFinite(v));
  return {
    n: xs.length,
    median: round(median(xs)),
    p95: round(percentile(xs, 95)),
    min: round(xs.length ? Math.min(...xs) : Number.NaN),
    max: round(xs.length ? Math.max(...xs) : Number.NaN),
  };
}

export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A number for the table: ms with adaptive precision, '—' when absent. */
export function fmt(value, unit = '') {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  return `${text}${unit}`;
}

/** `peer / ours` as "12.3×", '—' when either is absent. */
export function ratio(peer, ours) {
  if (!Number.isFinite(peer) || !Number.isFinite(ours) || ours <= 0) return null;
  return round(peer / ours, 1);
}
