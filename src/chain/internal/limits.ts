// Limit prices from a slippage tolerance, and the balance check writes run before signing.

import type { ApiPromise } from '@polkadot/api'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { InsufficientBalanceError, InvalidToleranceError } from '../errors/input.ts'
import { formatTao } from '../units.ts'
import { big } from './read.ts'

/** The default slippage tolerance: 0.5 %. */
export const DEFAULT_TOLERANCE = 0.005
const PPM = 1_000_000n

function tolerancePpm(tolerance: number): bigint {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) throw new InvalidToleranceError({ tolerance })
  return BigInt(Math.round(tolerance * 1e6))
}

/** price·(1 + tolerance), rounded down: the highest price a buy may reach. */
export const limitPriceAbove = (price: bigint, tolerance: number): bigint => (price * (PPM + tolerancePpm(tolerance))) / PPM
/** price·(1 − tolerance), rounded up: the lowest price a sale may reach. */
export const limitPriceBelow = (price: bigint, tolerance: number): bigint => {
  const scaled = price * (PPM - tolerancePpm(tolerance))
  return (scaled + PPM - 1n) / PPM
}
/** Throws InvalidToleranceError for anything but a fraction in [0, 1). */
export const assertTolerance = (tolerance: number): number => (tolerancePpm(tolerance), tolerance)

/** Refuses (InsufficientBalanceError) when `address` cannot pay `amount` plus the fee of `extrinsic` from its transferable balance. */
export async function requireBalance(api: ApiPromise, extrinsic: SubmittableExtrinsic<'promise'>, address: string, amount: bigint): Promise<void> {
  const [account, info] = await Promise.all([api.query.system.account(address), extrinsic.paymentInfo(address)])
  const { free, reserved, frozen } = account.data as unknown as { free: unknown; reserved: unknown; frozen: unknown }
  const locked = big(frozen) > big(reserved) ? big(frozen) - big(reserved) : 0n
  const available = big(free) > locked ? big(free) - locked : 0n
  const needed = amount + info.partialFee.toBigInt()
  if (needed > available) throw new InsufficientBalanceError({ address, needed, available, formatted: { needed: formatTao(needed), available: formatTao(available) } })
}
