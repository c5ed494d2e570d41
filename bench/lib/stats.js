/** Summaries shared by the benchmarks: medians resist the outliers a shared, noisy machine produces. */

export function median(values) {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** A duration in ms, written in the unit that keeps it readable (µs below a millisecond). */
export function formatMs(ms) {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`
}

export function formatRatio(ratio) {
  return `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`
}

export function formatRate(perSecond) {
  return `${Math.round(perSecond).toLocaleString('en-US')} ops/s`
}

/**
 * A pseudo-random generator with a fixed seed (mulberry32), so every run looks up the same ids in
 * the same order and runs stay comparable.
 */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** Counts as the tables print them: 100,000. */
export function formatCount(count) {
  return count.toLocaleString('en-US')
}
