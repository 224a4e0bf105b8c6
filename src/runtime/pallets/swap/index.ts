// pallet_subtensor_swap (pallet 28): each subnet's pool weights and fee rate, the root-only `set_fee_rate`, and the pool as swaps see it (reserves from SubtensorModule).
// Declarations from pallets/swap/src/pallet/mod.rs @ 14bc6f9 (storage :95-123, events :126, errors :132, calls :183-260) and runtime/src/lib.rs:1131-1145 (constants).
import { AccountId, AlphaBalance, NetUid } from '../../primitives/bittensor.ts'
import { storageMap } from '../../primitives/storage.ts'
import type { StorageBackend } from '../../primitives/storage.ts'
import { Bytes, bool, byteArray, i32, i64, newtype, struct, u128, u16, u64 } from '../../primitives/types.ts'
import type { ValueOf } from '../../primitives/types.ts'
import { call, constant, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { dispatchError, ensureRoot } from '../../framework/dispatch.ts'
import { weight, reads, writes } from '../../config.ts'
import { NetworksAdded, SubnetAlphaIn, SubnetMechanism, SubnetTAO } from '../subtensor/storage/subnets.ts'
import { DEFAULT_FEE_RATE, DEFAULT_QUOTE_WEIGHT, MAX_FEE_RATE, MINIMUM_RESERVE, newPool, type PoolState } from './pool.ts'

export * from './pool.ts'

const P = 'Swap'
const byNetuid = [[NetUid, 'Twox64Concat']] as const

/** `sp_arithmetic::Perquintill`: parts of 1e18. */
export const Perquintill = newtype('sp_arithmetic::per_things::Perquintill', u64)
/** `Balancer { quote: Perquintill }` (balancer.rs:66): the TAO-side weight w2; the alpha side is 1 − w2. */
export const Balancer = struct('pallet_subtensor_swap::pallet::balancer::Balancer', { quote: Perquintill })
export type Balancer = ValueOf<typeof Balancer>
const TickIndex = newtype('pallet_subtensor_swap::tick::TickIndex', i32)
const PositionId = newtype('pallet_subtensor_swap::position::PositionId', u128)
const PalletId = newtype('frame_support::PalletId', byteArray(8))
const NonZeroU64 = newtype('core::num::nonzero::NonZeroU64', u64)

export const FeeRate = storageMap(P, 'FeeRate', { key: byNetuid, value: u16, default: DEFAULT_FEE_RATE, docs: ' The fee rate applied to swaps per subnet, normalized value between 0 and u16::MAX' })
export const SwapBalancer = storageMap(P, 'SwapBalancer', { key: byNetuid, value: Balancer, default: { quote: DEFAULT_QUOTE_WEIGHT }, docs: ' Balancer (weighted pool) of each subnet' })
export const PalSwapInitialized = storageMap(P, 'PalSwapInitialized', { key: byNetuid, value: bool, docs: ' Whether the balancer of a subnet has been initialized' })
export const HasMigrationRun = storageMap(P, 'HasMigrationRun', { key: [[Bytes, 'Identity']], value: bool, docs: ' Storage to determine whether a migration has been run' })
export const ScrapReservoirAlpha = storageMap(P, 'ScrapReservoirAlpha', { key: byNetuid, value: AlphaBalance, docs: ' Alpha dust kept aside by the pool' })

export const events = palletEvents(P, {
  FeeRateSet: event(0, { netuid: NetUid, rate: u16 }, 'Event emitted when the fee rate has been updated for a subnet'),
})

export const errors = [
  error(0, 'FeeRateTooHigh', 'The fee rate is too high'),
  error(1, 'InsufficientInputAmount', 'The provided amount is insufficient for the swap.'),
  error(2, 'InsufficientLiquidity', 'The provided liquidity is insufficient for the operation.'),
  error(3, 'PriceLimitExceeded', 'The operation would exceed the price limit.'),
  error(4, 'InsufficientBalance', 'The caller does not have enough balance for the operation.'),
  error(5, 'InvalidTickRange', 'Provided tick range is invalid'),
  error(6, 'InvalidLiquidityValue', 'Provided liquidity parameter is invalid (likely too small)'),
  error(7, 'ReservesTooLow', 'Reserves too low for operation.'),
  error(8, 'MechanismDoesNotExist', 'The subnet does not exist.'),
  error(9, 'SubtokenDisabled', 'The subnet does not have subtoken enabled'),
  error(10, 'ReservesOutOfBalance', 'Swap reserves are too imbalanced'),
  error(11, 'SwapInputTooLarge', 'The swap input is larger than the pool can take'),
  error(12, 'Deprecated', 'The extrinsic is deprecated'),
]

/** The subnet's pool as a swap sees it: SubtensorModule's reserves and mechanism, this pallet's weights and fee rate. */
export function subnetPool(storage: StorageBackend, netuid: NetUid): PoolState {
  return newPool(SubnetTAO.get(storage, netuid), SubnetAlphaIn.get(storage, netuid), {
    mechanism: SubnetMechanism.get(storage, netuid),
    quoteWeight: SwapBalancer.get(storage, netuid).quote,
    feeRate: FeeRate.get(storage, netuid),
  })
}

/**
 * The pool a swap (or a simulated one) trades against. `swap_inner` first runs `maybe_initialize_palswap(netuid, None)`: a balancer
 * never initialised is reset to 0.5/0.5 before pricing, even if emission has re-weighted it since. Spot-price reads (`current_price`)
 * do not initialise, so they use {@link subnetPool}.
 */
export function swapPool(storage: StorageBackend, netuid: NetUid): PoolState {
  const pool = subnetPool(storage, netuid)
  return pool.mechanism === 1 && !PalSwapInitialized.get(storage, netuid) ? { ...pool, quoteWeight: DEFAULT_QUOTE_WEIGHT } : pool
}

const deprecated = () => {
  throw dispatchError(P, 'Deprecated')
}

export const Swap = definePallet({
  name: P,
  index: 28,
  crate: 'pallet_subtensor_swap',
  storage: { FeeRate, SwapBalancer, PalSwapInitialized, HasMigrationRun, ScrapReservoirAlpha },
  calls: [
    call({
      index: 0,
      name: 'set_fee_rate',
      args: { netuid: NetUid, rate: u16 },
      // weights.rs: 15_063_000, 3994 + 1 read + 1 write
      weight: weight(15_063_000n + reads(1) + writes(1), 3_994n),
      docs: 'Set the fee rate for swaps on a specific subnet (normalized value). Only callable by the admin origin.',
      run: (ctx, origin, { netuid, rate }) => {
        ensureRoot(origin)
        if (!NetworksAdded.get(ctx.storage, netuid)) throw dispatchError(P, 'MechanismDoesNotExist')
        if (rate > MAX_FEE_RATE) throw dispatchError(P, 'FeeRateTooHigh')
        FeeRate.set(ctx.storage, netuid, rate)
        ctx.deposit(events.FeeRateSet({ netuid, rate }))
      },
    }),
    call({ index: 1, name: 'add_liquidity', args: { hotkey: AccountId, netuid: NetUid, tickLow: TickIndex, tickHigh: TickIndex, liquidity: u64 }, weight: weight(15_000_000n), docs: 'Deprecated: user liquidity is permanently disabled.', run: deprecated }),
    call({ index: 2, name: 'remove_liquidity', args: { hotkey: AccountId, netuid: NetUid, positionId: PositionId }, weight: weight(15_000_000n), docs: 'Deprecated: user liquidity is permanently disabled.', run: deprecated }),
    call({ index: 3, name: 'modify_position', args: { hotkey: AccountId, netuid: NetUid, positionId: PositionId, liquidityDelta: i64 }, weight: weight(15_000_000n), docs: 'Deprecated: user liquidity is permanently disabled.', run: deprecated }),
    call({ index: 4, name: 'toggle_user_liquidity', args: { netuid: NetUid, enable: bool }, weight: weight(15_000_000n), docs: 'Deprecated: user liquidity is permanently disabled.', run: deprecated }),
    call({ index: 5, name: 'disable_lp', args: {}, weight: weight(15_000_000n), docs: 'Deprecated: user liquidity is permanently disabled.', run: deprecated }),
  ],
  events,
  errors,
  constants: {
    ProtocolId: constant(PalletId, '0x74656e2f73776170', ' This type is used to derive protocol accoun ID.'),
    MaxFeeRate: constant(u16, MAX_FEE_RATE, ' The maximum fee rate that can be set'),
    MinimumLiquidity: constant(u64, 1_000n, ' Minimum liquidity that is safe for rounding and integer math.'),
    MinimumReserve: constant(NonZeroU64, MINIMUM_RESERVE, ' Minimum reserve for tao and alpha'),
  },
})
