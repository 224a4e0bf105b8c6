// SubtensorModule genesis (subtensor.md §11), as pallets/subtensor/src/macros/genesis.rs @ 14bc6f9 builds it without `fast-runtime`:
// the root network (netuid 0) owned by the zero account, and the dynamic netuid 1 with a 10 TAO / 10 alpha pool and the zero account as its only neuron.
import type { StorageBackend } from '../../primitives/storage.ts'
import type { NetUid } from '../../primitives/bittensor.ts'
import { TotalIssuance as BalancesTotalIssuance } from '../balances/index.ts'
import { StartCallDelay, MaxAllowedUids, MaxAllowedValidators, MinAllowedWeights, NetworkRegistrationAllowed, TargetRegistrationsPerInterval } from './storage/hyperparams.ts'
import { LargestLocked, NetworksAdded, SubnetAlphaIn, SubnetAlphaOut, SubnetLocked, SubnetMechanism, SubnetOwner, SubnetOwnerHotkey, SubnetTAO, SubnetworkN, Tempo, TokenSymbol, TotalNetworks } from './storage/subnets.ts'
import { Active, BlockAtRegistration, Consensus, Dividends, Emission, Incentive, IsNetworkMember, Keys, LastUpdate, Owner, Uids, ValidatorPermit, ValidatorTrust } from './storage/neurons.ts'
import { AlphaV2, StakingHotkeys, TotalHotkeyAlpha, TotalHotkeySharesV2, TotalIssuance } from './storage/stake.ts'
import { ZERO_ACCOUNT, safeFloat } from './types.ts'

export interface SubtensorGenesis {
  /** `balances_issuance`: TotalIssuance to start from; when absent, Balances.TotalIssuance as Balances' genesis (index 5, built first) left it (the node's chain spec passes the sum of the endowed balances). */
  readonly balancesIssuance?: bigint
  /** `start_call_delay`: written to StartCallDelay only when given. */
  readonly startCallDelay?: bigint
}

/** `SYMBOLS[netuid]` for the two genesis subnets (subnets/symbols.rs): Τ (0) and α (1). */
export const GENESIS_SYMBOLS: Readonly<Record<number, Uint8Array>> = { 0: new Uint8Array([0xce, 0xa4]), 1: new Uint8Array([0xce, 0xb1]) }

export const ROOT: NetUid = 0
export const GENESIS_NETUID: NetUid = 1
/** The pool of netuid 1: 10 TAO against 10 alpha (genesis.rs). */
export const GENESIS_POOL = 10_000_000_000n
/** The alpha staked on netuid 1 by the zero account to itself. */
export const GENESIS_STAKE = 1_000_000_000n

export function buildGenesis(storage: StorageBackend, config: SubtensorGenesis): void {
  // prod_or_fast!(DefaultSubnetOwner, Alice): this devnet runs production timings, so the zero account
  const rootOwner = ZERO_ACCOUNT
  const rootOwnerHotkey = ZERO_ACCOUNT
  TotalIssuance.set(storage, config.balancesIssuance ?? BalancesTotalIssuance.get(storage))
  if (config.startCallDelay !== undefined) StartCallDelay.set(storage, config.startCallDelay)

  // root network
  NetworksAdded.set(storage, ROOT, true)
  TotalNetworks.mutate(storage, (n) => n + 1)
  SubnetOwner.set(storage, ROOT, rootOwner)
  SubnetOwnerHotkey.set(storage, ROOT, rootOwnerHotkey)
  SubnetworkN.set(storage, ROOT, 0)
  MaxAllowedUids.set(storage, ROOT, 64)
  MaxAllowedValidators.set(storage, ROOT, 64)
  MinAllowedWeights.set(storage, ROOT, 0)
  Tempo.set(storage, ROOT, 100)
  NetworkRegistrationAllowed.set(storage, ROOT, true)
  TargetRegistrationsPerInterval.set(storage, ROOT, 1)
  TokenSymbol.set(storage, ROOT, GENESIS_SYMBOLS[ROOT]!)

  // netuid 1: dynamic, owned by the zero account, which holds 1 alpha of stake on itself
  const netuid = GENESIS_NETUID
  const hotkey = ZERO_ACCOUNT
  SubnetMechanism.set(storage, netuid, 1)
  Owner.set(storage, hotkey, hotkey)
  SubnetAlphaIn.set(storage, netuid, GENESIS_POOL)
  SubnetTAO.set(storage, netuid, GENESIS_POOL)
  NetworksAdded.set(storage, netuid, true)
  TotalNetworks.mutate(storage, (n) => n + 1)
  SubnetworkN.set(storage, netuid, 0)
  MaxAllowedUids.set(storage, netuid, 256)
  MaxAllowedValidators.set(storage, netuid, 64)
  MinAllowedWeights.set(storage, netuid, 0)
  Tempo.set(storage, netuid, 100)
  NetworkRegistrationAllowed.set(storage, netuid, true)
  SubnetOwner.set(storage, netuid, hotkey)
  SubnetLocked.set(storage, netuid, 1n)
  LargestLocked.set(storage, netuid, 1n)
  AlphaV2.set(storage, hotkey, hotkey, netuid, safeFloat(GENESIS_STAKE))
  TotalHotkeyAlpha.set(storage, hotkey, netuid, GENESIS_STAKE)
  TotalHotkeySharesV2.set(storage, hotkey, netuid, safeFloat(GENESIS_STAKE))
  SubnetAlphaOut.set(storage, netuid, GENESIS_STAKE)
  StakingHotkeys.mutate(storage, hotkey, (hks) => (hks.includes(hotkey) ? hks : [...hks, hotkey]))

  // the zero account as UID 0 (append_neuron at block 0)
  const block = 0n
  SubnetworkN.set(storage, netuid, 1)
  Active.mutate(storage, netuid, (v) => [...v, true])
  Emission.mutate(storage, netuid, (v) => [...v, 0n])
  Consensus.mutate(storage, netuid, (v) => [...v, 0])
  Incentive.mutate(storage, netuid, (v) => [...v, 0])
  Dividends.mutate(storage, netuid, (v) => [...v, 0])
  LastUpdate.mutate(storage, netuid, (v) => [...v, block])
  ValidatorTrust.mutate(storage, netuid, (v) => [...v, 0])
  ValidatorPermit.mutate(storage, netuid, (v) => [...v, false])
  Keys.set(storage, netuid, 0, hotkey)
  Uids.set(storage, netuid, hotkey, 0)
  BlockAtRegistration.set(storage, netuid, 0, block)
  IsNetworkMember.set(storage, hotkey, netuid, true)
  TokenSymbol.set(storage, netuid, GENESIS_SYMBOLS[netuid]!)
}
