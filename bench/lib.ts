/**
 * Tiny benchmark helpers. Timing goals are measured and printed, never asserted in tests.
 * Each `bench/*.bench.ts` file default-exports a BenchSuite; `bench/run.ts` runs them all and prints one table.
 */

export interface BenchRow {
  /** What was measured, e.g. "parse+check+serialise, 300 routes". */
  name: string
  /** Median wall time in milliseconds (or the measured value in `unit`). */
  median: number
  unit?: 'ms' | 'KB' | 's' | 'msg/s'
  /** Human-readable goal, e.g. "< 50 ms". */
  goal?: string
  /** Whether the measured value meets the goal (printed, not asserted). */
  met?: boolean
  /** Extra figures: ratios, p95, sizes. */
  note?: string
}

export interface BenchSuite {
  title: string
  run: () => Promise<BenchRow[]>
}

export interface Timing {
  median: number
  p95: number
  min: number
  runs: number
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns median/p95 in ms. */
export async function measure(fn: () => unknown | Promise<unknown>, { runs = 21, warmup = 3 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { median: percentile(times, 50), p95: percentile(times, 95), min: times[0], runs }
}

export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n)
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits)
}
