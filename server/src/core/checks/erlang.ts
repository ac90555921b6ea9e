/**
 * Erlang C staffing model for the seat plan against the traffic forecast (rule R-TECH-001): offered
 * traffic in Erlangs, the probability that a call waits, the service level, the average speed of
 * answer, and the smallest number of agents meeting a service-level target.
 *
 * Numerics. Erlang C is computed from Erlang B with the stable recursion
 *   B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1)),   C(N, A) = N·B / (N − A·(1 − B))   for N > A,
 * never with powers or factorials, so nothing overflows. The recursion is contractive, so for large A it
 * starts at k₀ = A − 50·√A − 50 from an arbitrary value (1): the start error is damped by a factor of about
 * e^(−1250) before k reaches A. Once B drops below 1e−300 it is taken as 0 (it only decreases from
 * there), and the loop stops; this happens about 37·√A steps above A, or after a few hundred steps for
 * small A. Work per call is therefore O(min(N, 90·√A + 300)) — about 10⁶ steps for A = 10⁸ — and never
 * depends on how large N is beyond that.
 *
 * Limits. Offered traffic above {@link MAX_ERLANGS} (10¹⁰ Erlangs) is refused: the functions return NaN
 * and {@link agentsRequired} returns `{ ok: false, reason: 'too-large' }`. Non-finite or negative inputs
 * and non-integer agent counts give NaN. Nothing here can loop without bound.
 */

/** Largest offered traffic (Erlangs) the functions accept. Above it they return NaN. */
export const MAX_ERLANGS = 1e10;

/**
 * Offered traffic in Erlangs: calls per hour × average handle time (seconds) / 3600. 100 calls of 180 s
 * in an hour are 5 Erlangs. NaN for negative or non-finite inputs.
 */
export function erlangs(callsPerHour: number, ahtSeconds: number): number {
  if (!isNonNegative(callsPerHour) || !isNonNegative(ahtSeconds)) return NaN;
  return (callsPerHour * ahtSeconds) / 3600;
}

function isNonNegative(x: number): boolean {
  return Number.isFinite(x) && x >= 0;
}

function validAgents(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function validTraffic(a: number): boolean {
  return isNonNegative(a) && a <= MAX_ERLANGS;
}

/**
 * Erlang B values below this are returned as 0. Without it the recursion could sit on the smallest
 * subnormal number for about A steps (A·b/(k + A·b) rounds back to it while k < 2A), which for large A
 * takes minutes; subnormal arithmetic is also slow.
 */
const B_FLUSH = 1e-300;

/** Where the Erlang B recursion may start without losing precision (see the module comment). */
function recursionStart(a: number): number {
  return Math.max(0, Math.floor(a - 50 * Math.sqrt(a) - 50));
}

/**
 * Erlang B blocking probability with `agents` servers and `erlangs` offered traffic (in [0, 1]).
 * NaN for invalid inputs (see the module comment); 1 for 0 agents with traffic, 0 for no traffic.
 */
export function erlangB(agents: number, erlangs: number): number {
  if (!validAgents(agents) || !validTraffic(erlangs)) return NaN;
  if (erlangs === 0) return agents === 0 ? 1 : 0;
  let k = recursionStart(erlangs);
  if (agents <= k) {
    // Deep overload: B ≈ 1 − N/A is exact to double precision here; run the recursion from a lower start.
    k = Math.max(0, Math.floor(agents - 50 * Math.sqrt(erlangs) - 50));
  }
  let b = 1;
  while (k < agents) {
    k += 1;
    const ab = erlangs * b;
    b = ab / (k + ab);
    if (b < B_FLUSH) return 0;
  }
  return b;
}

/**
 * Erlang C: the probability that a call has to wait, with `agents` agents and `erlangs` offered
 * traffic. 1 when agents ≤ traffic (the queue grows without bound), 0 when there is no traffic.
 * NaN for invalid inputs. Example: A = 10, N = 11 → 0.6821; N = 12 → 0.4494.
 */
export function erlangC(agents: number, erlangs: number): number {
  if (!validAgents(agents) || !validTraffic(erlangs)) return NaN;
  if (erlangs === 0) return 0;
  if (agents <= erlangs) return 1;
  const b = erlangB(agents, erlangs);
  return (agents * b) / (agents - erlangs * (1 - b));
}

/**
 * Service level: the fraction (0–1) of calls answered within `targetAnswerSeconds`:
 * 1 − C·e^(−(N−A)·t/AHT). 0 when agents ≤ traffic. NaN for invalid inputs or AHT ≤ 0.
 */
export function serviceLevel(
  agents: number,
  erlangs: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
): number {
  if (!(Number.isFinite(ahtSeconds) && ahtSeconds > 0) || !isNonNegative(targetAnswerSeconds)) return NaN;
  const c = erlangC(agents, erlangs);
  if (Number.isNaN(c)) return NaN;
  if (agents <= erlangs && erlangs > 0) return 0;
  return 1 - c * Math.exp((-(agents - erlangs) * targetAnswerSeconds) / ahtSeconds);
}

/**
 * Average speed of answer in seconds over all calls: C·AHT/(N − A). Infinity when agents ≤ traffic.
 * NaN for invalid inputs.
 */
export function averageSpeedOfAnswer(agents: number, erlangs: number, ahtSeconds: number): number {
  if (!(Number.isFinite(ahtSeconds) && ahtSeconds > 0)) return NaN;
  const c = erlangC(agents, erlangs);
  if (Number.isNaN(c)) return NaN;
  if (agents <= erlangs && erlangs > 0) return Infinity;
  return (c * ahtSeconds) / (agents - erlangs);
}

/** Input of {@link agentsRequired}. */
export interface StaffingInput {
  /** Busy-hour calls. */
  readonly callsPerHour: number;
  /** Average handle time in seconds (talk + hold + wrap-up). */
  readonly ahtSeconds: number;
  /** Service-level target in percent, e.g. 80 for "80 % of calls". (0, 100]. */
  readonly targetPercent: number;
  /** … answered within this many seconds, e.g. 20. */
  readonly answerWithinSeconds: number;
  /** Optional ceiling on occupancy A/N, as a fraction in (0, 1], e.g. 0.85. */
  readonly maxOccupancy?: number;
}

/** A staffing solution: the agents and the figures they achieve. */
export interface StaffingResult {
  readonly ok: true;
  /** Smallest integer N > A meeting the service level (and the occupancy ceiling, if given). */
  readonly agents: number;
  readonly erlangs: number;
  /** Probability of waiting (Erlang C), 0–1. */
  readonly probabilityWait: number;
  /** Achieved service level, 0–1. */
  readonly serviceLevel: number;
  /** A/N, 0–1. */
  readonly occupancy: number;
  /** Average speed of answer in seconds. */
  readonly averageSpeedOfAnswerSeconds: number;
}

/** Why {@link agentsRequired} found no answer. */
export interface StaffingFailure {
  readonly ok: false;
  /** 'invalid-input': a value is negative, non-finite or out of range; 'too-large': traffic above MAX_ERLANGS. */
  readonly reason: 'invalid-input' | 'too-large';
}

/**
 * The smallest integer number of agents N > A for which the service level reaches `targetPercent` of
 * calls answered within `answerWithinSeconds` (and A/N ≤ `maxOccupancy` when given). At least 1 agent,
 * also for zero traffic. Example: 200 calls/h of 180 s (10 Erlangs), 80/20 → 13 agents.
 *
 * Bounded: the search starts at max(⌊A⌋ + 1, ⌈A / maxOccupancy⌉), computes Erlang B there once and then
 * steps N by one with the O(1) recursion. C reaches 0 (service level 1) after at most about 40·√A + 300
 * steps, so the loop ends for every valid target ≤ 100 %.
 */
export function agentsRequired(input: StaffingInput): StaffingResult | StaffingFailure {
  const { callsPerHour, ahtSeconds, targetPercent, answerWithinSeconds, maxOccupancy } = input;
  if (
    !isNonNegative(callsPerHour) ||
    !(Number.isFinite(ahtSeconds) && ahtSeconds > 0) ||
    !(Number.isFinite(targetPercent) && targetPercent > 0 && targetPercent <= 100) ||
    !isNonNegative(answerWithinSeconds) ||
    (maxOccupancy !== undefined && !(Number.isFinite(maxOccupancy) && maxOccupancy > 0 && maxOccupancy <= 1))
  ) {
    return { ok: false, reason: 'invalid-input' };
  }
  const a = erlangs(callsPerHour, ahtSeconds);
  if (!Number.isFinite(a)) return { ok: false, reason: 'invalid-input' };
  if (a > MAX_ERLANGS) return { ok: false, reason: 'too-large' };

  const target = targetPercent / 100 - 1e-12;
  let n = Math.max(1, Math.floor(a) + 1);
  if (maxOccupancy !== undefined) n = Math.max(n, Math.ceil(a / maxOccupancy - 1e-9));
  let b = erlangB(n, a);
  // Safety net only: the loop ends by the argument above long before this.
  const maxSteps = 100 * Math.ceil(Math.sqrt(a)) + 10_000;
  for (let step = 0; step <= maxSteps; step++) {
    const c = a === 0 ? 0 : (n * b) / (n - a * (1 - b));
    const sl = 1 - c * Math.exp((-(n - a) * answerWithinSeconds) / ahtSeconds);
    if (sl >= target) {
      return {
        ok: true,
        agents: n,
        erlangs: a,
        probabilityWait: c,
        serviceLevel: sl,
        occupancy: a / n,
        averageSpeedOfAnswerSeconds: (c * ahtSeconds) / (n - a),
      };
    }
    n += 1;
    const ab = a * b;
    b = ab / (n + ab);
    if (b < B_FLUSH) b = 0;
  }
  /* c8 ignore next */
  return { ok: false, reason: 'too-large' };
}
