// Erlang C: published values, an independent brute-force implementation (factorial formula in log
// space with a Lanczos log-gamma), edge cases, and huge inputs that must not hang.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  agentsRequired,
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  erlangs,
  MAX_ERLANGS,
  serviceLevel,
} from '../../../server/src/core/checks/erlang';

// ---- Independent reference implementation -------------------------------------------------------

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Erlang C by the textbook formula  X / (Σ_{k<N} A^k/k! + X),  X = A^N/N! · N/(N−A), in log space. */
function bruteErlangC(n: number, a: number): number {
  const logTerm = (k: number): number => k * Math.log(a) - lgamma(k + 1);
  const logX = logTerm(n) + Math.log(n / (n - a));
  const logs = [...Array.from({ length: n }, (_, k) => logTerm(k)), logX];
  const m = Math.max(...logs);
  const logSum = m + Math.log(logs.reduce((s, l) => s + Math.exp(l - m), 0));
  return Math.exp(logX - logSum);
}
function bruteServiceLevel(n: number, a: number, aht: number, t: number): number {
  return 1 - bruteErlangC(n, a) * Math.exp((-(n - a) * t) / aht);
}
function bruteAgents(a: number, aht: number, target: number, t: number): number {
  for (let n = Math.floor(a) + 1; ; n++) if (bruteServiceLevel(n, a, aht, t) >= target) return n;
}
/** Erlang B by the plain recursion from k = 0 (no shortcut). */
function fullErlangB(n: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
}

const close = (actual: number, expected: number, tol: number, what = ''): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} ≉ ${expected} (±${tol})`);

// ---- Tests -------------------------------------------------------------------------------------

describe('checks/erlang', () => {
  it('reference lgamma is right (sanity of the brute force)', () => {
    close(lgamma(1), 0, 1e-12);
    close(lgamma(11), Math.log(3628800), 1e-10);
    close(lgamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-12);
  });

  const traffic: [number, number, number][] = [
    [100, 180, 5],
    [200, 180, 10],
    [1200, 180, 60],
    [0, 180, 0],
  ];
  for (const [calls, aht, a] of traffic) {
    it(`${calls} calls/h of ${aht} s = ${a} Erlangs`, () => assert.equal(erlangs(calls, aht), a));
  }

  it('published values: A = 10, N = 11 → Pw ≈ 0.6821; N = 12 → Pw ≈ 0.4494', () => {
    close(erlangC(11, 10), 0.6821, 5e-5);
    close(erlangC(12, 10), 0.4494, 5e-5);
  });

  it('A = 10 (200 calls/h, 180 s), 80/20 → 14 agents, as the brute force finds', () => {
    const r = agentsRequired({
      callsPerHour: 200,
      ahtSeconds: 180,
      targetPercent: 80,
      answerWithinSeconds: 20,
    });
    assert.ok(r.ok);
    assert.equal(r.agents, 14);
    assert.equal(bruteAgents(10, 180, 0.8, 20), 14);
    assert.ok(serviceLevel(13, 10, 180, 20) < 0.8);
    close(r.probabilityWait, 0.1741, 5e-5);
    close(r.serviceLevel, 0.8884, 5e-5);
    close(r.averageSpeedOfAnswerSeconds, 7.84, 5e-3);
  });

  it('A = 60 (1200 calls/h, 180 s, the complete sample), 80/20 → 66 agents, cross-checked by brute force', () => {
    const r = agentsRequired({
      callsPerHour: 1200,
      ahtSeconds: 180,
      targetPercent: 80,
      answerWithinSeconds: 20,
    });
    assert.ok(r.ok);
    assert.equal(r.erlangs, 60);
    assert.equal(r.agents, bruteAgents(60, 180, 0.8, 20));
    assert.equal(r.agents, 66);
    assert.ok(serviceLevel(65, 60, 180, 20) < 0.8);
    assert.ok(serviceLevel(66, 60, 180, 20) >= 0.8);
    close(r.probabilityWait, bruteErlangC(66, 60), 1e-9);
    close(r.serviceLevel, bruteServiceLevel(66, 60, 180, 20), 1e-9);
    close(r.occupancy, 60 / 66, 1e-12);
    close(r.averageSpeedOfAnswerSeconds, (bruteErlangC(66, 60) * 180) / 6, 1e-6);
  });

  it('Erlang C agrees with the brute force for A = 60, N = 61…90', () => {
    for (let n = 61; n <= 90; n++) close(erlangC(n, 60), bruteErlangC(n, 60), 1e-9, `N=${n}`);
  });

  it('property: Erlang C agrees with the brute force and decreases in N (N > A)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 300, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (a, extra) => {
          const n = Math.floor(a) + extra;
          const c = erlangC(n, a);
          close(c, bruteErlangC(n, a), 1e-8, `A=${a} N=${n}`);
          assert.ok(erlangC(n + 1, a) <= c);
          assert.ok(c >= 0 && c <= 1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the shortcut start of the Erlang B recursion matches the full recursion for large A', () => {
    const pairs: [number, number][] = [
      [2100, 2000],
      [2000, 2000],
      [1800, 2000],
      [1500, 2000],
      [2300, 2000],
      [60000, 59000],
      [59000, 60000],
      [50000, 60000],
    ];
    for (const [n, a] of pairs) {
      const full = fullErlangB(n, a);
      close(erlangB(n, a), full, 1e-12 + 1e-9 * full, `B(${n}, ${a})`);
    }
  });

  it('edge cases: overload, no traffic, invalid inputs', () => {
    assert.equal(erlangC(10, 10), 1);
    assert.equal(erlangC(5, 10), 1);
    assert.equal(serviceLevel(10, 10, 180, 20), 0);
    assert.equal(averageSpeedOfAnswer(9, 10, 180), Infinity);
    assert.equal(erlangC(1, 0), 0);
    assert.equal(erlangB(0, 0), 1);
    assert.equal(erlangB(0, 5), 1);
    assert.equal(serviceLevel(1, 0, 180, 20), 1);
    for (const v of [
      erlangC(10.5, 5),
      erlangC(-1, 5),
      erlangC(10, -1),
      erlangC(10, NaN),
      erlangC(10, Infinity),
      erlangC(Infinity, 5),
      erlangB(10, MAX_ERLANGS * 2),
      erlangs(-1, 180),
      erlangs(100, NaN),
      serviceLevel(12, 10, 0, 20),
      serviceLevel(12, 10, 180, -1),
      averageSpeedOfAnswer(12, 10, 0),
    ]) {
      assert.ok(Number.isNaN(v));
    }
  });

  it('agentsRequired: at least one agent; occupancy ceiling; invalid and too-large inputs', () => {
    const zero = agentsRequired({
      callsPerHour: 0,
      ahtSeconds: 180,
      targetPercent: 80,
      answerWithinSeconds: 20,
    });
    assert.ok(zero.ok);
    assert.equal(zero.agents, 1);

    const occ = agentsRequired({
      callsPerHour: 1200,
      ahtSeconds: 180,
      targetPercent: 80,
      answerWithinSeconds: 20,
      maxOccupancy: 0.85,
    });
    assert.ok(occ.ok);
    assert.equal(occ.agents, 71); // ⌈60 / 0.85⌉ = 71 > 66
    assert.ok(occ.occupancy <= 0.85);

    const strict = agentsRequired({
      callsPerHour: 1200,
      ahtSeconds: 180,
      targetPercent: 100,
      answerWithinSeconds: 0,
    });
    assert.ok(strict.ok);
    assert.ok(strict.probabilityWait <= 1e-12);
    assert.ok(erlangC(strict.agents - 1, 60) > 1e-12);

    const bad = [
      { callsPerHour: -1, ahtSeconds: 180, targetPercent: 80, answerWithinSeconds: 20 },
      { callsPerHour: 100, ahtSeconds: 0, targetPercent: 80, answerWithinSeconds: 20 },
      { callsPerHour: 100, ahtSeconds: 180, targetPercent: 0, answerWithinSeconds: 20 },
      { callsPerHour: 100, ahtSeconds: 180, targetPercent: 101, answerWithinSeconds: 20 },
      { callsPerHour: 100, ahtSeconds: 180, targetPercent: NaN, answerWithinSeconds: 20 },
      { callsPerHour: 100, ahtSeconds: 180, targetPercent: 80, answerWithinSeconds: -5 },
      { callsPerHour: 100, ahtSeconds: 180, targetPercent: 80, answerWithinSeconds: 20, maxOccupancy: 1.5 },
      { callsPerHour: Infinity, ahtSeconds: 180, targetPercent: 80, answerWithinSeconds: 20 },
    ];
    for (const input of bad) assert.deepEqual(agentsRequired(input), { ok: false, reason: 'invalid-input' });
    assert.deepEqual(
      agentsRequired({ callsPerHour: 1e9, ahtSeconds: 1e9, targetPercent: 80, answerWithinSeconds: 20 }),
      { ok: false, reason: 'too-large' },
    );
  });

  it('10⁹-sized inputs finish (no hang, no overflow)', function () {
    this.timeout(10000);
    assert.equal(erlangC(1e9, 5e7), 0);
    assert.equal(erlangC(1e9, 10), 0);
    assert.equal(erlangC(1e9, 1e10), 1);
    assert.equal(erlangC(Number.MAX_SAFE_INTEGER, 0.001), 0);
    const c = erlangC(1e9, 1e9 - 1);
    assert.ok(c > 0.99 && c < 1);
    const r = agentsRequired({
      callsPerHour: 1e9,
      ahtSeconds: 180,
      targetPercent: 80,
      answerWithinSeconds: 20,
    });
    assert.ok(r.ok);
    assert.ok(r.agents > r.erlangs && r.agents < r.erlangs * 1.001);
    assert.ok(r.serviceLevel >= 0.8);
    const big = agentsRequired({
      callsPerHour: 2e11,
      ahtSeconds: 180,
      targetPercent: 100,
      answerWithinSeconds: 0,
    });
    assert.ok(big.ok);
    assert.equal(big.erlangs, MAX_ERLANGS);
  });
});
