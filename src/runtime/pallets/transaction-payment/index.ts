// pallet_transaction_payment (pallet 6): fee quotes (base + length + weight·0.0005, multiplier 1) and the TransactionFeePaid event.
import { AccountId, TaoBalance } from '../../primitives/bittensor.ts'
import { storageValue } from '../../primitives/storage.ts'
import { enumType, newtype, u128, u8 } from '../../primitives/types.ts'
import { constant, definePallet, event, palletEvents } from '../../framework/pallet.ts'
import { EXTRINSIC_BASE_WEIGHT, MAXIMUM_BLOCK_WEIGHT, OPERATIONAL_FEE_MULTIPLIER } from '../../config.ts'
import type { DispatchInfo } from '../../primitives/substrate.ts'

const P = 'TransactionPayment'
/** FixedU128 one: fees are never scaled (ConstFeeMultiplier<1>). */
export const FEE_MULTIPLIER_ONE = 1_000_000_000_000_000_000n

export const NextFeeMultiplier = storageValue(P, 'NextFeeMultiplier', {
  value: newtype('sp_arithmetic::fixed_point::FixedU128', u128),
  default: FEE_MULTIPLIER_ONE,
})
export const StorageVersion = storageValue(P, 'StorageVersion', {
  value: enumType('pallet_transaction_payment::Releases', { V1Ancient: { index: 0 }, V2: { index: 1 } }),
})

export const events = palletEvents(P, {
  TransactionFeePaid: event(0, { who: AccountId, actualFee: TaoBalance, tip: TaoBalance }, 'A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,\nhas been paid by `who`.'),
})

/** subtensor's LinearWeightToFee: Perbill(500_000) × ref_time, rounded to nearest with ties down. */
export function weightToFee(refTime: bigint): bigint {
  const capped = refTime > MAXIMUM_BLOCK_WEIGHT.refTime ? MAXIMUM_BLOCK_WEIGHT.refTime : refTime
  const whole = capped / 2000n
  return capped % 2000n > 1000n ? whole + 1n : whole
}

export type FeeDetails = { baseFee: bigint; lenFee: bigint; adjustedWeightFee: bigint }

/** The inclusion fee of an extrinsic of `len` bytes with `info`, before tip (zero when it does not pay). */
export function computeFeeDetails(len: number, info: DispatchInfo): FeeDetails | undefined {
  if (info.paysFee.type === 'No') return undefined
  return {
    baseFee: weightToFee(EXTRINSIC_BASE_WEIGHT.refTime),
    lenFee: BigInt(len),
    adjustedWeightFee: weightToFee(info.weight.refTime),
  }
}

export function computeFee(len: number, info: DispatchInfo, tip: bigint): bigint {
  const d = computeFeeDetails(len, info)
  return d ? d.baseFee + d.lenFee + d.adjustedWeightFee + tip : tip
}

export const TransactionPayment = definePallet({
  name: P,
  index: 6,
  storage: { NextFeeMultiplier, StorageVersion },
  events,
  constants: {
    OperationalFeeMultiplier: constant(u8, OPERATIONAL_FEE_MULTIPLIER, ' A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their\n `priority`'),
  },
  genesis: {
    default: {},
    build: (storage) => StorageVersion.set(storage, { type: 'V2' }),
  },
})
