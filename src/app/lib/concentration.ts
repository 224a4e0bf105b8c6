// Stake concentration of a subnet, in two plain numbers: the Nakamoto coefficient and the Gini coefficient. Pure; bigint stakes in.

/**
 * The fewest holders who together hold more than `threshold` (default ½) of all stake — how many would have to collude to
 * control the subnet. 0 when nobody holds stake.
 */
export function nakamotoCoefficient(stakes: readonly bigint[], threshold = 0.5): number {
  const positive = stakes.filter((s) => s > 0n).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
  const total = positive.reduce((sum, s) => sum + s, 0n)
  if (total === 0n) return 0
  // compare exactly: held / total > threshold ⇔ held · D > total · N for threshold = N / D
  const D = 1_000_000n
  const N = BigInt(Math.round(threshold * 1_000_000))
  let held = 0n
  for (let i = 0; i < positive.length; i++) {
    held += positive[i]!
    if (held * D > total * N) return i + 1
  }
  return positive.length
}

/**
 * Gini coefficient of the stake over every holder given (zeros included): 0 when all hold the same, approaching 1 when one holds
 * everything. 0 for an empty list or no stake.
 */
export function gini(stakes: readonly bigint[]): number {
  const n = stakes.length
  if (n === 0) return 0
  const sorted = [...stakes].map((s) => (s < 0n ? 0n : s)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const total = sorted.reduce((sum, s) => sum + s, 0n)
  if (total === 0n) return 0
  // G = (2 Σ i·x_i) / (n Σ x_i) − (n + 1) / n, with i from 1 over the ascending order
  let weighted = 0n
  sorted.forEach((s, i) => (weighted += BigInt(i + 1) * s))
  const num = 2n * weighted - BigInt(n + 1) * total
  const den = BigInt(n) * total
  // num/den in [0, 1): scale exactly before going to a float
  return Number((num * 1_000_000_000n) / den) / 1e9
}
