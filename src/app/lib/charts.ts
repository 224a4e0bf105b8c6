// Geometry and words for the leaderboard's small charts: bars scaled into a box, and what an incentive distribution says in a sentence.

export type Bar = { x: number; y: number; width: number; height: number }

/** One bar per value, left to right, scaled so the largest fills `height`; zero and negative values get no height. Pure. */
export function barLayout(values: readonly number[], { width, height, gap = 1 }: { width: number; height: number; gap?: number }): Bar[] {
  if (values.length === 0) return []
  const max = Math.max(...values, 0)
  const step = width / values.length
  const barWidth = Math.max(step - gap, 0.5)
  return values.map((v, i) => {
    const h = max > 0 && v > 0 ? (v / max) * height : 0
    return { x: i * step, y: height - h, width: barWidth, height: h }
  })
}

export type IncentiveSummary = {
  /** UIDs with incentive above zero. */
  earning: number
  total: number
  /** Share of all incentive the top UID, and the top ten, take (0–1). */
  topShare: number
  topTenShare: number
}

/** How concentrated the subnet's incentive is, from each UID's incentive (0–1 each, summing to ~1 after an epoch). */
export function summarizeIncentive(incentives: readonly number[]): IncentiveSummary {
  const sorted = [...incentives].filter((x) => x > 0).sort((a, b) => b - a)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    earning: sorted.length,
    total: incentives.length,
    topShare: sum > 0 ? sorted[0]! / sum : 0,
    topTenShare: sum > 0 ? sorted.slice(0, 10).reduce((a, b) => a + b, 0) / sum : 0,
  }
}
