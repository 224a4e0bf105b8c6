// The Stake page's pure input rules: slippage tolerance as typed, amount checks in words, and a delegate's return as a yearly rate.
import { formatAlpha, formatTao } from './format.ts'

/** The chain's minimum stake (DefaultMinStake), RAO; the fee comes on top. */
export const MIN_STAKE = 2_000_000n

/**
 * The take of a hotkey that is not in `Delegates` yet (nobody has staked to it and it never set a take): subtensor's
 * `DefaultDelegateTake` = InitialDefaultDelegateTake = 11_796 / 65_535 ≈ 18 %, the same on the devnet, testnet and finney.
 */
export const DEFAULT_TAKE = 11_796 / 65_535

/** '0.5' (percent) → 0.005; undefined when it is not a percentage in [0, 100). */
export function parseTolerance(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined
  const percent = Number(text)
  return percent >= 0 && percent < 100 ? percent / 100 : undefined
}

/**
 * subtensor's `return_per_1000` (RAO earned per day for 1000 τ staked, after take) as a yearly fraction: 0.18 = 18 % a year.
 * An estimate from the last epoch's emission, not a promise: prices and weights move.
 */
export function yearlyReturn(returnPer1000: bigint): number {
  return (Number(returnPer1000) / 1e9 / 1000) * 365
}

export type AmountCheck = {
  /** RAO typed (undefined while empty or not a number). */
  amount: bigint | undefined
  /** RAO the user can spend: free τ to stake, the position's α to unstake or move. */
  available: bigint | undefined
  unit: { kind: 'tao' } | { kind: 'alpha'; symbol: string }
  /** The smallest amount the chain takes, RAO of the same unit. */
  minimum?: bigint
  /** What the user spends from, in words: "your free balance", "your stake with this validator". */
  from: string
}

/** The reason an amount cannot be sent, in words; undefined when it can. */
export function amountProblem({ amount, available, unit, minimum, from }: AmountCheck): string | undefined {
  if (amount === undefined) return undefined
  const show = (rao: bigint) => (unit.kind === 'tao' ? formatTao(rao, 9) : formatAlpha(rao, unit.symbol, 9))
  if (amount <= 0n) return 'Enter an amount above zero.'
  if (available !== undefined && amount > available) return `${show(amount)} is more than ${from} of ${show(available)}.`
  if (minimum !== undefined && amount < minimum) return `The minimum stake is ${show(minimum)} here (the chain's minimum plus the fee).`
  return undefined
}
