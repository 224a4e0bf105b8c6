// register_network / register_network_with_identity (subtensor.md §3.1): a coldkey locks the current lock cost into a new subnet's account,
// its hotkey becomes UID 0, and the subnet's pool opens at the median price of the other subnets.
// From pallets/subtensor/src/subnets/subnet.rs @ 14bc6f9 (`get_next_netuid` :56, `do_register_network` :121, `init_new_network` :270),
// coinbase/root.rs (`get_network_to_prune` :593), staking/stake_utils.rs (`get_moving_alpha_price` :24, `get_median_subnet_alpha_price` :74),
// coinbase/tao.rs (`transfer_tao_to_subnet` :134, `can_remove_balance_from_coldkey_account` :221), staking/helpers.rs (`create_account_if_non_existent`),
// utils/misc.rs (`set_subnet_owner_hotkey` :897 and the setters init_new_network calls), utils/rate_limiting.rs (`passes_rate_limit` :56).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import { Account } from '../../system/storage.ts'
import { reducibleBalance, transfer } from '../../balances/index.ts'
import { FX_ONE, U128_MAX, currentPrice, fxDiv, fxFromInt, fxToU64, newPool } from '../../swap/pool.ts'
import { events } from '../events.ts'
import {
  ActivityCutoff, ImmunityPeriod, Kappa, LastRateLimitedBlock, MaxAllowedUids, MaxAllowedValidators, MinAllowedWeights, NetworkImmunityPeriod,
  NetworkMinLockCost, NetworkLastLockCost, NetworkRateLimit, NetworkRegistrationAllowed, NetworkRegistrationStartBlock, SubnetEmissionEnabled, SubnetLimit, Yuma3On,
} from '../storage/hyperparams.ts'
import { Burn, OwnedHotkeys, Owner, RAORecycledForRegistration, RegistrationsThisInterval } from '../storage/neurons.ts'
import { StakingHotkeys, TotalStake } from '../storage/stake.ts'
import {
  INITIAL_TEMPO, LastEpochBlock, NetworkRegisteredAt, NetworksAdded, RegisteredSubnetCounter, SubnetAlphaIn, SubnetAlphaOut, SubnetIdentitiesV3, SubnetLocked,
  SubnetMechanism, SubnetMovingPrice, SubnetOwner, SubnetOwnerHotkey, SubnetTAO, SubnetVolume, SubnetworkN, Tempo, TokenSymbol, TotalNetworks,
  allSubnetNetuids,
} from '../storage/subnets.ts'
import type { SubnetIdentityV3 } from '../types.ts'
import { isSubnetAccountId, subnetAccountId } from '../staking/pools.ts'
import { createAccountIfNonExistent } from '../staking/stake.ts'
import { appendNeuron, currentBlock } from '../registration/neurons.ts'
import { isValidSubnetIdentity } from './identity.ts'
import { getNetworkLockCost } from './lockCost.ts'
import { nextAvailableSymbol } from './symbols.ts'

const P = 'SubtensorModule'
const ROOT: NetUid = 0
/** The dynamic (balancer pool) mechanism: the only one register_network accepts. */
export const DYNAMIC_MECHANISM = 1
/** `DefaultNeuronBurnCost` (lib.rs:374): the registration burn a new subnet starts at. */
export const NEW_SUBNET_BURN = 1_000_000_000n

/** `init_new_network`'s explicit settings for every new subnet (subnet.rs:270); tempo is `DefaultTempo` = InitialTempo. */
export const NEW_SUBNET = { maxAllowedUids: 256, maxAllowedValidators: 64, minAllowedWeights: 1, immunityPeriod: 5000, yuma3: true, burn: NEW_SUBNET_BURN } as const

/** The non-root networks that are added. */
const addedSubnets = (storage: StorageBackend): NetUid[] => allSubnetNetuids(storage).filter((netuid) => netuid !== ROOT)

/** `get_next_netuid`: the smallest netuid ≥ 1 with no NetworksAdded entry. */
export function nextNetuid(storage: StorageBackend): NetUid {
  let netuid = 1
  while (NetworksAdded.contains(storage, netuid)) netuid++
  return netuid
}

/** The Swap pallet's `current_alpha_price` with the default pool weights (its own storage is not in this runtime): U64F64 bits. */
const spotPrice = (storage: StorageBackend, netuid: NetUid): bigint =>
  currentPrice(newPool(SubnetTAO.get(storage, netuid), SubnetAlphaIn.get(storage, netuid), { mechanism: SubnetMechanism.get(storage, netuid) }))

/** `get_median_subnet_alpha_price`: the median of the positive spot prices of the non-root subnets (mean of the middle two for an even count), 1.0 when none (U64F64 bits). */
export function medianSubnetAlphaPrice(storage: StorageBackend): bigint {
  const prices = addedSubnets(storage).map((n) => spotPrice(storage, n)).filter((p) => p > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (prices.length === 0) return FX_ONE
  const lower = prices[(prices.length - 1) >> 1]!
  const upper = prices[prices.length >> 1]!
  if ((prices.length & 1) === 1) return upper
  // U64F64 saturating_add, then safe_div by 2
  const sum = lower + upper
  return (sum > U128_MAX ? U128_MAX : sum) / 2n
}

/** `get_moving_alpha_price`: 1.0 for root and stable subnets, else SubnetMovingPrice (I96F32 → U64F64 bits, saturating: negatives as 0). */
function movingAlphaPrice(storage: StorageBackend, netuid: NetUid): bigint {
  if (netuid === ROOT || SubnetMechanism.get(storage, netuid) === 0) return FX_ONE
  const bits = SubnetMovingPrice.get(storage, netuid).bits
  if (bits <= 0n) return 0n
  const wide = bits << 32n
  return wide > U128_MAX ? U128_MAX : wide
}

/** `get_network_to_prune` at `block`: among non-immune subnets (registered ≥ NetworkImmunityPeriod ago), the lowest moving price, the earliest registered on a tie. */
export function getNetworkToPrune(storage: StorageBackend, block: bigint): NetUid | undefined {
  const immunity = NetworkImmunityPeriod.get(storage)
  let best: { netuid: NetUid; price: bigint; at: bigint } | undefined
  for (const netuid of addedSubnets(storage)) {
    const at = NetworkRegisteredAt.get(storage, netuid)
    if (block < at + immunity) continue
    const price = movingAlphaPrice(storage, netuid)
    if (best === undefined || price < best.price || (price === best.price && at < best.at)) best = { netuid, price, at }
  }
  return best?.netuid
}

/**
 * `init_new_network(netuid, tempo)`: marks the netuid added with no neurons, staggers its first epoch (LastEpochBlock = now − netuid mod tempo),
 * counts it, and writes the new-subnet hyperparameters (with their events) and the defaults subtensor makes explicit.
 * Genesis builds root and netuid 1 with its own, different values (macros/genesis.rs does not call this).
 */
export function initNewNetwork(ctx: DispatchContext, netuid: NetUid, tempo: number): void {
  const s = ctx.storage
  SubnetworkN.set(s, netuid, 0)
  NetworksAdded.set(s, netuid, true)
  Tempo.set(s, netuid, tempo)
  const stagger = BigInt(netuid % Math.max(tempo, 1))
  const now = currentBlock(ctx)
  LastEpochBlock.set(s, netuid, now > stagger ? now - stagger : 0n)
  TotalNetworks.mutate(s, (n) => (n < 0xffff ? n + 1 : n))
  NetworkRegistrationAllowed.set(s, netuid, true)
  ctx.deposit(events.RegistrationAllowed([netuid, true]))
  MaxAllowedUids.set(s, netuid, NEW_SUBNET.maxAllowedUids)
  ctx.deposit(events.MaxAllowedUidsSet([netuid, NEW_SUBNET.maxAllowedUids]))
  MaxAllowedValidators.set(s, netuid, NEW_SUBNET.maxAllowedValidators)
  ctx.deposit(events.MaxAllowedValidatorsSet([netuid, NEW_SUBNET.maxAllowedValidators]))
  MinAllowedWeights.set(s, netuid, NEW_SUBNET.minAllowedWeights)
  ctx.deposit(events.MinAllowedWeightSet([netuid, NEW_SUBNET.minAllowedWeights]))
  ImmunityPeriod.set(s, netuid, NEW_SUBNET.immunityPeriod)
  ctx.deposit(events.ImmunityPeriodSet([netuid, NEW_SUBNET.immunityPeriod]))
  Yuma3On.set(s, netuid, NEW_SUBNET.yuma3)
  Burn.set(s, netuid, NEW_SUBNET.burn)
  // a reused netuid never inherits a previous owner's disabled emission (register_network then disables it until sudo enables it)
  SubnetEmissionEnabled.set(s, netuid, true)
  // defaults made explicit (Tempo, MaxAllowedUids, ImmunityPeriod and MinAllowedWeights were just written)
  if (!Kappa.contains(s, netuid)) Kappa.set(s, netuid, Kappa.get(s, netuid))
  if (!ActivityCutoff.contains(s, netuid)) ActivityCutoff.set(s, netuid, ActivityCutoff.get(s, netuid))
  if (!RegistrationsThisInterval.contains(s, netuid)) RegistrationsThisInterval.set(s, netuid, RegistrationsThisInterval.get(s, netuid))
}

export interface RegisterNetworkArgs {
  hotkey: AccountId
  identity?: SubnetIdentityV3 | undefined
}

/**
 * `do_register_network(origin, hotkey, mechid = 1, identity)`. Every refusal is checked before the first write (subtensor checks the identity last
 * and relies on the rollback; the outcome is the same). Left out: pruning a subnet when SubnetLimit is reached (`do_dissolve_network` is not in this
 * runtime, so the limit refuses with SubnetLimitReached even when `getNetworkToPrune` has a candidate); the Swap pallet's own pool initialisation;
 * step 18, root validators scheduled as parents of the owner hotkey (child keys are not in this runtime).
 */
export function doRegisterNetwork(ctx: DispatchContext, origin: Origin, { hotkey, identity }: RegisterNetworkArgs, mechid = DYNAMIC_MECHANISM): void {
  const s = ctx.storage
  // 1) signed by the coldkey that will own the subnet
  const coldkey = ensureSigned(origin)
  // 2) the hotkey is new or the coldkey's, and not a subnet account
  if (Owner.contains(s, hotkey) && Owner.get(s, hotkey) !== coldkey) throw dispatchError(P, 'NonAssociatedColdKey')
  if (isSubnetAccountId(hotkey)) throw dispatchError(P, 'CannotUseSystemAccount')
  // 3) dynamic mechanism only; registration has opened
  if (mechid !== DYNAMIC_MECHANISM) throw dispatchError(P, 'MechanismDoesNotExist')
  const now = currentBlock(ctx)
  if (now < NetworkRegistrationStartBlock.get(s)) throw dispatchError(P, 'SubNetRegistrationDisabled')
  // 4) global rate limit: the first registration, or NetworkRateLimit blocks since the last one
  const last = LastRateLimitedBlock.get(s, { type: 'NetworkLastRegistered' })
  if (last !== 0n && (now > last ? now - last : 0n) < NetworkRateLimit.get(s)) throw dispatchError(P, 'NetworkTxRateLimitExceeded')
  // 5) room for another subnet (pruning is not implemented: see above)
  if (addedSubnets(s).length >= SubnetLimit.get(s)) throw dispatchError(P, 'SubnetLimitReached')
  // 6) the lock cost, payable from the whole balance; the transfer keeps the account alive, so something must be spendable
  const lock = getNetworkLockCost(s, now)
  const balance = Account.get(s, coldkey)
  if (lock > reducibleBalance(balance, 'Expendable')) throw dispatchError(P, 'CannotAffordLockCost')
  const preserving = reducibleBalance(balance, 'Preserve')
  const locked = lock < preserving ? lock : preserving
  if (lock > 0n && locked === 0n) throw dispatchError(P, 'InsufficientBalance')
  // 7) the identity, when given, within its limits
  if (identity !== undefined && !isValidSubnetIdentity(identity)) throw dispatchError(P, 'InvalidIdentity')

  // 8) the netuid; the median price before the new subnet exists
  const netuid = nextNetuid(s)
  const medianPrice = medianSubnetAlphaPrice(s)
  // 9) the network with the new-subnet hyperparameters
  initNewNetwork(ctx, netuid, INITIAL_TEMPO)
  // 10) lock: TAO to the subnet account (at most what keeps the coldkey alive); the lock price doubles from here
  if (locked > 0n) transfer(ctx, coldkey, subnetAccountId(ctx, netuid)!, locked, 'Preserve')
  NetworkLastLockCost.set(s, locked)
  LastRateLimitedBlock.set(s, { type: 'NetworkLastRegistered' }, now)
  // 11) the owner hotkey as UID 0
  createAccountIfNonExistent(ctx.storage, coldkey, hotkey)
  appendNeuron(ctx, netuid, hotkey, now)
  // 12) mechanism, creation terms, symbol
  SubnetMechanism.set(s, netuid, mechid)
  NetworkRegisteredAt.set(s, netuid, now)
  RegisteredSubnetCounter.mutate(s, netuid, (c) => c + 1n)
  TokenSymbol.set(s, netuid, nextAvailableSymbol(s, netuid))
  // 13) the pool: all the lock (at least NetworkMinLockCost) as TAO, against alpha at the median price; nothing is recycled
  const minLock = NetworkMinLockCost.get(s)
  const poolTao = locked >= minLock ? locked : minLock
  const poolAlpha = fxToU64(fxDiv(fxFromInt(poolTao), medianPrice))
  const recycled = locked > poolTao ? locked - poolTao : 0n // always 0: poolTao ≥ locked
  SubnetTAO.set(s, netuid, poolTao)
  SubnetAlphaIn.set(s, netuid, poolAlpha)
  SubnetOwner.set(s, netuid, coldkey)
  SubnetOwnerHotkey.set(s, netuid, hotkey)
  ctx.deposit(events.SubnetOwnerHotkeySet([netuid, hotkey]))
  SubnetLocked.set(s, netuid, locked)
  SubnetAlphaOut.set(s, netuid, 0n)
  SubnetVolume.set(s, netuid, 0n)
  RAORecycledForRegistration.set(s, netuid, recycled)
  if (poolTao > 0n) TotalStake.mutate(s, (t) => t + poolTao)
  // 14) the identity
  if (identity !== undefined) {
    SubnetIdentitiesV3.set(s, netuid, identity)
    ctx.deposit(events.SubnetIdentitySet([netuid]))
  }
  // 15) announced; no TAO-side emission until root enables it
  ctx.deposit(events.NetworkAdded([netuid, mechid]))
  SubnetEmissionEnabled.set(s, netuid, false)
}
