// Our runtime's metadata against a real subtensor runtime's (spec 224): every pallet, call, storage item, event, error and constant we implement must match it, except where subtensor has changed since.
import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { Metadata, TypeRegistry } from '@polkadot/types'
import type { PalletMetadataLatest } from '@polkadot/types/interfaces'
import { createRuntime } from '../index.ts'

function load(bytes: Uint8Array | `0x${string}`) {
  const registry = new TypeRegistry()
  const metadata = new Metadata(registry, bytes)
  registry.setMetadata(metadata)
  return { registry, latest: metadata.asLatest }
}

const ours = load(createRuntime().metadata(14))
const spec224 = load(readFileSync(new URL('../../../fixtures/subtensor-metadata-spec224.hex', import.meta.url), 'utf8').trim() as `0x${string}`)

/** A type as polkadot-js renders its shape (names of named types included, as clients see them). */
const shape = (reg: TypeRegistry, id: number | { toNumber(): number }) => reg.lookup.getTypeDef(typeof id === 'number' ? id : id.toNumber()).type

function pallet(side: typeof ours, name: string): PalletMetadataLatest {
  const p = side.latest.pallets.find((x) => x.name.toString() === name)
  if (!p) throw new Error(`no pallet ${name}`)
  return p
}

function variants(side: typeof ours, id: { toNumber(): number }) {
  return side.registry.lookup.getSiType(id.toNumber()).def.asVariant.variants.map((v) => ({
    index: v.index.toNumber(),
    name: v.name.toString(),
    fields: v.fields.map((f) => `${f.name.toString()}: ${shape(side.registry, f.type)}`),
  }))
}

/** What subtensor changed after spec 224 (subtensor.md, spec 425), or what we leave out on purpose. */
const CHANGED_SINCE_224: Record<string, string> = {
  'Utility.call.if_else': 'added to subtensor’s own Utility pallet after spec 224',
  'Utility.event.IfElseMainSuccess': 'added with if_else',
  'Utility.event.IfElseFallbackCalled': 'added with if_else',
  'Utility.error.InvalidDerivedAccount': 'added to subtensor’s Utility fork after spec 224',
  'Commitments.call.set_max_space': 'space-based limiting replaced the block rate limit (4b237eae1); set_rate_limit [1] was removed (83ad744fa)',
  'Commitments.event.TimelockCommitment': 'timelocked commitments (drand) added after spec 224',
  'Commitments.event.CommitmentRevealed': 'timelocked commitments (drand) added after spec 224',
  'Commitments.error.SpaceLimitExceeded': 'added with space-based limiting; takes index 2 since CommitmentSetRateLimitExceeded was removed (83ad744fa)',
  'Commitments.error.UnexpectedUnreserveLeftover': 'added after spec 224',
  'Commitments.storage.TimelockedIndex': 'timelocked commitments added after spec 224',
  'Commitments.storage.LastBondsReset': 'ResetBondsFlag added after spec 224',
  'Commitments.storage.RevealedCommitments': 'timelocked commitments added after spec 224',
  'Commitments.storage.UsedSpaceOf': 'space-based limiting added after spec 224',
  'Commitments.storage.MaxSpace': 'space-based limiting added after spec 224',
  // SubtensorModule at spec 425 (pallets/subtensor/src/lib.rs, macros/events.rs, macros/errors.rs @ 14bc6f9): event and error indices are
  // declaration order, so every variant after an insertion or removal moved; removed ones are listed for the record.
  'SubtensorModule.call.remove_stake_full_limit': 'added after spec 224 (macros/dispatches.rs:1901, call_index 103: hotkey, netuid, limit_price: Option<TaoBalance>)',
  'SubtensorModule.storage.LastColdkeyHotkeyStakeBlock': 'added after spec 224 (lib.rs:2531: (coldkey, hotkey) → last block stake was added or removed)',
  'SubtensorModule.call.set_subnet_identity': 'same index 78; a logo_url: Vec<u8> argument was added before additional after spec 224 (SubnetIdentityV3)',
  'SubtensorModule.call.register_network_with_identity': 'same index 79; identity is Option<SubnetIdentityOfV3> (adds logo_url) since spec 224',
  'SubtensorModule.call.start_call': 'added after spec 224 (macros/dispatches.rs:1792, call_index 92: netuid)',
  'SubtensorModule.call.update_symbol': 'added after spec 224 (macros/dispatches.rs:1977, call_index 112: netuid, symbol: Vec<u8>)',
  'SubtensorModule.storage.RegisteredSubnetCounter': 'added after spec 224 (lib.rs:1915: netuid → registrations of that netuid)',
  'SubtensorModule.storage.NetworkRegistrationStartBlock': 'added after spec 224 (lib.rs:2630)',
  'SubtensorModule.call.register_limit': 'added after spec 224 (macros/dispatches.rs:2491, call_index 134: netuid, hotkey, limit_price: u64)',
  'SubtensorModule.call.set_mechanism_weights': 'mechanisms (sub-subnets) added after spec 224 (macros/dispatches.rs:161, call_index 119: netuid, mecid: MechId, dests, weights, version_key)',
  'SubtensorModule.call.commit_mechanism_weights': 'mechanisms added after spec 224 (macros/dispatches.rs:267, call_index 115: netuid, mecid: MechId, commit_hash: H256)',
  'SubtensorModule.call.reveal_mechanism_weights': 'mechanisms added after spec 224 (macros/dispatches.rs:402, call_index 116: netuid, mecid: MechId, uids, values, salt, version_key)',
  'SubtensorModule.storage.TimelockedWeightCommits': 'CRv4 timelocked commits added after spec 224 (lib.rs:2474: (netuid_index, epoch) → VecDeque<(who, commit_block, ciphertext, reveal_round)>); empty here (no drand)',
  'SubtensorModule.storage.CRV3WeightCommitsV2': 'added after spec 224 and deprecated since (lib.rs:2509: adds commit_block to CRV3WeightCommits); empty here (no drand)',
  'SubtensorModule.storage.FirstEmissionBlockNumber': 'start_call added after spec 224 (lib.rs:1860)',
  'SubtensorModule.storage.SubtokenEnabled': 'start_call added after spec 224 (lib.rs:2194)',
  'SubtensorModule.storage.SubnetIdentitiesV3': 'V3 identity (adds logo_url) replaced SubnetIdentities/V2 after spec 224 (lib.rs:2416)',
  'SubtensorModule.storage.LastEpochBlock': 'epoch scheduling (tempo control) added after spec 224 (lib.rs:1834)',
  'SubtensorModule.storage.PendingEpochAt': 'trigger_epoch added after spec 224 (lib.rs:1840)',
  'SubtensorModule.storage.SubnetEpochIndex': 'epoch counter added after spec 224 (lib.rs:1846)',
  'SubtensorModule.storage.AlphaSigmoidSteepness': 'added after spec 224',
  'SubtensorModule.storage.MinAllowedUids': 'added after spec 224',
  'SubtensorModule.storage.ActivityCutoffFactorMilli': 'added after spec 224',
  'SubtensorModule.storage.BondsResetOn': 'added after spec 224',
  'SubtensorModule.storage.EMAPriceHalvingBlocks': 'added after spec 224',
  'SubtensorModule.storage.Yuma3On': 'added after spec 224',
  'SubtensorModule.storage.ImmuneOwnerUidsLimit': 'added after spec 224',
  'SubtensorModule.storage.MinNonImmuneUids': 'added after spec 224',
  'SubtensorModule.storage.MechanismCountCurrent': 'added after spec 224',
  'SubtensorModule.storage.BurnHalfLife': 'price-based registration (×mult, half-life decay) added after spec 224 (lib.rs:2687)',
  'SubtensorModule.storage.BurnIncreaseMult': 'price-based registration added after spec 224 (lib.rs:2692)',
  'SubtensorModule.storage.SubnetEmissionEnabled': 'added after spec 224',
  'SubtensorModule.storage.OwnerCutEnabled': 'added after spec 224',
  // the coinbase's storage at spec 425 (coinbase/*.rs; lib.rs @ 14bc6f9)
  'SubtensorModule.storage.PendingRootAlphaDivs': 'root alpha dividends pended per subnet, added after spec 224 (lib.rs:1929)',
  'SubtensorModule.storage.SubnetExcessTao': 'chain buys of excess TAO, added after spec 224 (lib.rs:1379)',
  'SubtensorModule.storage.SubnetProtocolAlpha': 'protocol-owned alpha from chain buys, added after spec 224 (lib.rs:1398)',
  'SubtensorModule.storage.RootProp': 'root proportion per subnet (U96F32), added after spec 224 (lib.rs:1337)',
  'SubtensorModule.storage.MinerBurned': 'withheld miner emission proportion (U96F32), added after spec 224 (lib.rs:1948)',
  'SubtensorModule.storage.SubnetProtocolFlow': 'protocol TAO flow accumulator, added after spec 224 (lib.rs:1666)',
  'SubtensorModule.storage.RootAlphaDividendsPerSubnet': 'added after spec 224 (lib.rs:1272)',
  'SubtensorModule.storage.TotalHotkeyAlphaLastEpoch': 'added after spec 224 (lib.rs:1472)',
  'SubtensorModule.storage.RecycleOrBurn': 'owner-hotkey incentive recycle/burn choice, added after spec 224 (lib.rs:1973)',
  'SubtensorModule.storage.AutoStakeDestination': 'miner auto-stake destination, added after spec 224 (lib.rs:1413)',
  'SubtensorModule.storage.CKBurn': 'childkey burn share, added after spec 224 (lib.rs:1169)',
  'SubtensorModule.storage.MechanismEmissionSplit': 'mechanisms (sub-subnets) added after spec 224 (lib.rs:2682)',
  'SubtensorModule.storage.OwnerCutAutoLockEnabled': 'added after spec 224 (lib.rs:1607): owner cut auto-locking switch, default false',
  'SubtensorModule.storage.PendingServerEmission': 'PendingEmission was split into server/validator pots after spec 224 (lib.rs:1919)',
  'SubtensorModule.storage.PendingValidatorEmission': 'PendingEmission was split into server/validator pots after spec 224 (lib.rs:1924)',
  'SubtensorModule.storage.CommitRevealWeightsVersion': 'added after spec 224',
  'SubtensorModule.storage.StartCallDelay': 'added after spec 224',
  'SubtensorModule.storage.MaxEpochsPerBlock': 'added after spec 224',
  'SubtensorModule.storage.AdminFreezeWindow': 'added after spec 224',
  'SubtensorModule.storage.OwnerHyperparamRateLimit': 'added after spec 224',
  'SubtensorModule.storage.MaxMechanismCount': 'added after spec 224',
  'SubtensorModule.storage.TotalHotkeySharesV2': 'SafeFloat share denominator added after spec 224 (lib.rs:1511); TotalHotkeyShares (U64F64) is legacy',
  'SubtensorModule.storage.AlphaV2': 'SafeFloat coldkey shares added after spec 224 (lib.rs:1523); Alpha (U64F64) is kept as the legacy map read first',
  'SubtensorModule.call.claim_root': 'root claims added after spec 224 (macros/dispatches.rs:2166, call_index 121: subnets: BTreeSet<NetUid>)',
  'SubtensorModule.call.set_root_claim_type': 'root claims added after spec 224 (macros/dispatches.rs:2195, call_index 122: new_root_claim_type: RootClaimTypeEnum)',
  'SubtensorModule.call.sudo_set_num_root_claims': 'root claims added after spec 224 (macros/dispatches.rs:2214, call_index 123: new_value: u64)',
  'SubtensorModule.call.sudo_set_root_claim_threshold': 'root claims added after spec 224 (macros/dispatches.rs:2230, call_index 124: netuid, new_value: u64)',
  'SubtensorModule.storage.RootClaimableThreshold': 'root claims added after spec 224 (lib.rs:2542: netuid → I96F32, default 500_000)',
  'SubtensorModule.storage.RootClaimable': 'root claims added after spec 224 (lib.rs:2546: hotkey → BTreeMap<NetUid, I96F32>)',
  'SubtensorModule.storage.RootClaimed': 'root claims added after spec 224 (lib.rs:2557: (netuid, hotkey, coldkey) → u128)',
  'SubtensorModule.storage.RootClaimType': 'root claims added after spec 224 (lib.rs:2568: coldkey → RootClaimTypeEnum)',
  'SubtensorModule.storage.StakingColdkeysByIndex': 'auto-claim coldkey index added after spec 224 (lib.rs:2577)',
  'SubtensorModule.storage.StakingColdkeys': 'auto-claim coldkey index added after spec 224 (lib.rs:2581)',
  'SubtensorModule.storage.NumStakingColdkeys': 'auto-claim coldkey index added after spec 224 (lib.rs:2584)',
  'SubtensorModule.storage.NumRootClaim': 'auto-claim added after spec 224 (lib.rs:2586, default 5)',
  'SubtensorModule.storage.SubnetRootSellTao': 'root claims added after spec 224 (lib.rs:1384: TAO from root-dividend sells on the subnet in the block)',
  'SubtensorModule.event.StakeAdded': 'same index; a u64 fee field was appended after spec 224 (not checked by this test)',
  'SubtensorModule.event.StakeRemoved': 'same index; a u64 fee field was appended after spec 224 (not checked by this test)',
  'SubtensorModule.event.AlphaSigmoidSteepnessSet': 'added after spec 224 (index 17)',
  'SubtensorModule.event.KappaSet': 'index 17 at 224, 18 at 425: variants were added/removed before it',
  'SubtensorModule.event.MinAllowedWeightSet': 'index 18 at 224, 19 at 425: variants were added/removed before it',
  'SubtensorModule.event.ValidatorPruneLenSet': 'index 19 at 224, 20 at 425: variants were added/removed before it',
  'SubtensorModule.event.ScalingLawPowerSet': 'index 20 at 224, 21 at 425: variants were added/removed before it',
  'SubtensorModule.event.WeightsSetRateLimitSet': 'index 21 at 224, 22 at 425: variants were added/removed before it',
  'SubtensorModule.event.ImmunityPeriodSet': 'index 22 at 224, 23 at 425: variants were added/removed before it',
  'SubtensorModule.event.BondsMovingAverageSet': 'index 23 at 224, 24 at 425: variants were added/removed before it',
  'SubtensorModule.event.BondsPenaltySet': 'index 24 at 224, 25 at 425: variants were added/removed before it',
  'SubtensorModule.event.BondsResetOnSet': 'added after spec 224 (index 26)',
  'SubtensorModule.event.MaxAllowedValidatorsSet': 'index 25 at 224, 27 at 425: variants were added/removed before it',
  'SubtensorModule.event.AxonServed': 'index 26 at 224, 28 at 425: variants were added/removed before it',
  'SubtensorModule.event.PrometheusServed': 'index 27 at 224, 29 at 425: variants were added/removed before it',
  'SubtensorModule.event.DelegateAdded': 'index 29 at 224, 30 at 425: variants were added/removed before it',
  'SubtensorModule.event.DefaultTakeSet': 'index 30 at 224, 31 at 425: variants were added/removed before it',
  'SubtensorModule.event.WeightsVersionKeySet': 'index 31 at 224, 32 at 425: variants were added/removed before it',
  'SubtensorModule.event.MinDifficultySet': 'index 32 at 224, 33 at 425: variants were added/removed before it',
  'SubtensorModule.event.MaxDifficultySet': 'index 33 at 224, 34 at 425: variants were added/removed before it',
  'SubtensorModule.event.ServingRateLimitSet': 'index 34 at 224, 35 at 425: variants were added/removed before it',
  'SubtensorModule.event.BurnSet': 'index 35 at 224, 36 at 425: variants were added/removed before it',
  'SubtensorModule.event.MaxBurnSet': 'index 36 at 224, 37 at 425: variants were added/removed before it',
  'SubtensorModule.event.MinBurnSet': 'index 37 at 224, 38 at 425: variants were added/removed before it',
  'SubtensorModule.event.MaxEpochsPerBlockSet': 'added after spec 224 (index 39)',
  'SubtensorModule.event.TxRateLimitSet': 'index 38 at 224, 40 at 425: variants were added/removed before it',
  'SubtensorModule.event.TxDelegateTakeRateLimitSet': 'index 39 at 224, 41 at 425: variants were added/removed before it',
  'SubtensorModule.event.TxChildKeyTakeRateLimitSet': 'index 40 at 224, 42 at 425: variants were added/removed before it',
  'SubtensorModule.event.AdminFreezeWindowSet': 'added after spec 224 (index 43)',
  'SubtensorModule.event.OwnerHyperparamRateLimitSet': 'added after spec 224 (index 44)',
  'SubtensorModule.event.MinChildKeyTakeSet': 'index 41 at 224, 45 at 425: variants were added/removed before it',
  'SubtensorModule.event.MinChildKeyTakePerSubnetSet': 'added after spec 224 (index 46)',
  'SubtensorModule.event.MaxChildKeyTakeSet': 'index 42 at 224, 47 at 425: variants were added/removed before it',
  'SubtensorModule.event.ChildKeyTakeSet': 'index 43 at 224, 48 at 425: variants were added/removed before it',
  'SubtensorModule.event.Sudid': 'index 44 at 224, 49 at 425: variants were added/removed before it',
  'SubtensorModule.event.RegistrationAllowed': 'index 45 at 224, 50 at 425: variants were added/removed before it',
  'SubtensorModule.event.PowRegistrationAllowed': 'index 46 at 224, 51 at 425: variants were added/removed before it',
  'SubtensorModule.event.TempoSet': 'index 47 at 224, 52 at 425: variants were added/removed before it',
  'SubtensorModule.event.RAORecycledForRegistrationSet': 'index 48 at 224, 53 at 425: variants were added/removed before it',
  'SubtensorModule.event.StakeThresholdSet': 'index 49 at 224, 54 at 425: variants were added/removed before it',
  'SubtensorModule.event.AdjustmentAlphaSet': 'index 51 at 224, 55 at 425: variants were added/removed before it',
  'SubtensorModule.event.Faucet': 'index 52 at 224, 56 at 425: variants were added/removed before it',
  'SubtensorModule.event.SubnetOwnerCutSet': 'index 53 at 224, 57 at 425: variants were added/removed before it',
  'SubtensorModule.event.NetworkRateLimitSet': 'index 54 at 224, 58 at 425: variants were added/removed before it',
  'SubtensorModule.event.NetworkImmunityPeriodSet': 'index 55 at 224, 59 at 425: variants were added/removed before it',
  'SubtensorModule.event.StartCallDelaySet': 'added after spec 224 (index 60)',
  'SubtensorModule.event.NetworkMinLockCostSet': 'index 56 at 224, 61 at 425: variants were added/removed before it',
  'SubtensorModule.event.SubnetLimitSet': 'index 57 at 224, 62 at 425: variants were added/removed before it',
  'SubtensorModule.event.NetworkLockCostReductionIntervalSet': 'index 58 at 224, 63 at 425: variants were added/removed before it',
  'SubtensorModule.event.TakeDecreased': 'index 59 at 224, 64 at 425: variants were added/removed before it',
  'SubtensorModule.event.TakeIncreased': 'index 60 at 224, 65 at 425: variants were added/removed before it',
  'SubtensorModule.event.HotkeySwapped': 'index 61 at 224, 66 at 425: variants were added/removed before it',
  'SubtensorModule.event.MaxDelegateTakeSet': 'index 62 at 224, 67 at 425: variants were added/removed before it',
  'SubtensorModule.event.MinDelegateTakeSet': 'index 63 at 224, 68 at 425: variants were added/removed before it',
  'SubtensorModule.event.ColdkeySwapAnnounced': 'added after spec 224 (index 69)',
  'SubtensorModule.event.ColdkeySwapReset': 'added after spec 224 (index 70)',
  'SubtensorModule.event.ColdkeySwapped': 'index 65 at 224, 71 at 425: variants were added/removed before it; now a struct { old_coldkey, new_coldkey } without swap_cost',
  'SubtensorModule.event.ColdkeySwapDisputed': 'added after spec 224 (index 72)',
  'SubtensorModule.event.AllBalanceUnstakedAndTransferredToNewColdkey': 'index 66 at 224, 73 at 425: variants were added/removed before it',
  'SubtensorModule.event.ArbitrationPeriodExtended': 'index 68 at 224, 74 at 425: variants were added/removed before it',
  'SubtensorModule.event.SetChildrenScheduled': 'index 69 at 224, 75 at 425: variants were added/removed before it',
  'SubtensorModule.event.SetChildren': 'index 70 at 224, 76 at 425: variants were added/removed before it',
  'SubtensorModule.event.ChainIdentitySet': 'index 72 at 224, 77 at 425: variants were added/removed before it',
  'SubtensorModule.event.SubnetIdentitySet': 'index 73 at 224, 78 at 425: variants were added/removed before it',
  'SubtensorModule.event.SubnetIdentityRemoved': 'index 74 at 224, 79 at 425: variants were added/removed before it',
  'SubtensorModule.event.DissolveNetworkScheduled': 'index 75 at 224, 80 at 425: variants were added/removed before it',
  'SubtensorModule.event.ColdkeySwapAnnouncementDelaySet': 'added after spec 224 (index 81)',
  'SubtensorModule.event.ColdkeySwapReannouncementDelaySet': 'added after spec 224 (index 82)',
  'SubtensorModule.event.DissolveNetworkScheduleDurationSet': 'index 77 at 224, 83 at 425: variants were added/removed before it',
  'SubtensorModule.event.CRV3WeightsCommitted': 'index 78 at 224, 84 at 425: variants were added/removed before it',
  'SubtensorModule.event.WeightsCommitted': 'index 79 at 224, 85 at 425: variants were added/removed before it',
  'SubtensorModule.event.WeightsRevealed': 'index 80 at 224, 86 at 425: variants were added/removed before it',
  'SubtensorModule.event.WeightsBatchRevealed': 'index 81 at 224, 87 at 425: variants were added/removed before it',
  'SubtensorModule.event.BatchWeightsCompleted': 'index 82 at 224, 88 at 425: variants were added/removed before it',
  'SubtensorModule.event.BatchCompletedWithErrors': 'index 83 at 224, 89 at 425: variants were added/removed before it',
  'SubtensorModule.event.BatchWeightItemFailed': 'index 84 at 224, 90 at 425: variants were added/removed before it; now (NetUid, DispatchError)',
  'SubtensorModule.event.StakeTransferred': 'index 85 at 224, 91 at 425: variants were added/removed before it',
  'SubtensorModule.event.StakeSwapped': 'index 86 at 224, 92 at 425: variants were added/removed before it',
  'SubtensorModule.event.TransferToggle': 'index 87 at 224, 93 at 425: variants were added/removed before it',
  'SubtensorModule.event.SubnetOwnerHotkeySet': 'added after spec 224 (index 94)',
  'SubtensorModule.event.FirstEmissionBlockNumberSet': 'added after spec 224 (index 95)',
  'SubtensorModule.event.AlphaRecycled': 'added after spec 224 (index 96)',
  'SubtensorModule.event.AlphaBurned': 'added after spec 224 (index 97)',
  'SubtensorModule.event.EvmKeyAssociated': 'added after spec 224 (index 98)',
  'SubtensorModule.event.CRV3WeightsRevealed': 'added after spec 224 (index 99)',
  'SubtensorModule.event.CommitRevealPeriodsSet': 'added after spec 224 (index 100)',
  'SubtensorModule.event.CommitRevealEnabled': 'added after spec 224 (index 101)',
  'SubtensorModule.event.HotkeySwappedOnSubnet': 'added after spec 224 (index 102)',
  'SubtensorModule.event.SubnetLeaseCreated': 'added after spec 224 (index 103)',
  'SubtensorModule.event.SubnetLeaseTerminated': 'added after spec 224 (index 104)',
  'SubtensorModule.event.SymbolUpdated': 'added after spec 224 (index 105)',
  'SubtensorModule.event.CommitRevealVersionSet': 'added after spec 224 (index 106)',
  'SubtensorModule.event.TimelockedWeightsCommitted': 'added after spec 224 (index 107)',
  'SubtensorModule.event.TimelockedWeightsRevealed': 'added after spec 224 (index 108)',
  'SubtensorModule.event.AutoStakeAdded': 'added after spec 224 (index 109)',
  'SubtensorModule.event.IncentiveAlphaEmittedToMiners': 'added after spec 224 (index 110)',
  'SubtensorModule.event.MinAllowedUidsSet': 'added after spec 224 (index 111)',
  'SubtensorModule.event.AutoStakeDestinationSet': 'added after spec 224 (index 112)',
  'SubtensorModule.event.MinNonImmuneUidsSet': 'added after spec 224 (index 113)',
  'SubtensorModule.event.RootClaimed': 'added after spec 224 (index 114)',
  'SubtensorModule.event.RootClaimTypeSet': 'added after spec 224 (index 115)',
  'SubtensorModule.event.VotingPowerTrackingEnabled': 'added after spec 224 (index 116)',
  'SubtensorModule.event.VotingPowerTrackingDisableScheduled': 'added after spec 224 (index 117)',
  'SubtensorModule.event.VotingPowerTrackingDisabled': 'added after spec 224 (index 118)',
  'SubtensorModule.event.VotingPowerEmaAlphaSet': 'added after spec 224 (index 119)',
  'SubtensorModule.event.SubnetLeaseDividendsDistributed': 'added after spec 224 (index 120)',
  'SubtensorModule.event.AddStakeBurn': 'added after spec 224 (index 121)',
  'SubtensorModule.event.ColdkeySwapCleared': 'added after spec 224 (index 122)',
  'SubtensorModule.event.TransactionFeePaidWithAlpha': 'added after spec 224 (index 123)',
  'SubtensorModule.event.BurnHalfLifeSet': 'added after spec 224 (index 124)',
  'SubtensorModule.event.BurnIncreaseMultSet': 'added after spec 224 (index 125)',
  'SubtensorModule.event.AutoParentDelegationEnabledSet': 'added after spec 224 (index 126)',
  'SubtensorModule.event.StakeLocked': 'added after spec 224 (index 127)',
  'SubtensorModule.event.StakeUnlocked': 'added after spec 224 (index 128)',
  'SubtensorModule.event.LockMoved': 'added after spec 224 (index 129)',
  'SubtensorModule.event.ActivityCutoffFactorMilliSet': 'added after spec 224 (index 130)',
  'SubtensorModule.event.EpochTriggered': 'added after spec 224 (index 131)',
  'SubtensorModule.event.EpochDeferred': 'added after spec 224 (index 132)',
  'SubtensorModule.event.EpochSkipped': 'added after spec 224 (index 133)',
  'SubtensorModule.event.SubnetOwnerChanged': 'added after spec 224 (index 134)',
  'SubtensorModule.event.PerpetualLockUpdated': 'added after spec 224 (index 135)',
  'SubtensorModule.event.RejectLockedAlphaUpdated': 'added after spec 224 (index 136)',
  'SubtensorModule.event.EmissionValuesSet': 'removed after spec 224 (was index 28); not declared here',
  'SubtensorModule.event.SenateRequiredStakePercentSet': 'removed after spec 224 (was index 50); not declared here',
  'SubtensorModule.event.SenateAdjusted': 'removed after spec 224 (was index 64); not declared here',
  'SubtensorModule.event.ColdkeySwapScheduled': 'removed after spec 224 (was index 67); not declared here',
  'SubtensorModule.event.NetworkMaxStakeSet': 'removed after spec 224 (was index 71); not declared here',
  'SubtensorModule.event.ColdkeySwapScheduleDurationSet': 'removed after spec 224 (was index 76); not declared here',
  'SubtensorModule.error.RootNetworkDoesNotExist': 'index 1 at 224, 0 at 425: variants were added/removed before it',
  'SubtensorModule.error.InvalidIpType': 'index 2 at 224, 1 at 425: variants were added/removed before it',
  'SubtensorModule.error.InvalidIpAddress': 'index 3 at 224, 2 at 425: variants were added/removed before it',
  'SubtensorModule.error.InvalidPort': 'index 4 at 224, 3 at 425: variants were added/removed before it',
  'SubtensorModule.error.HotKeyNotRegisteredInSubNet': 'index 5 at 224, 4 at 425: variants were added/removed before it',
  'SubtensorModule.error.HotKeyAccountNotExists': 'index 6 at 224, 5 at 425: variants were added/removed before it',
  'SubtensorModule.error.HotKeyNotRegisteredInNetwork': 'index 7 at 224, 6 at 425: variants were added/removed before it',
  'SubtensorModule.error.NonAssociatedColdKey': 'index 8 at 224, 7 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughStake': 'index 9 at 224, 8 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughStakeToWithdraw': 'index 10 at 224, 9 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughStakeToSetWeights': 'index 11 at 224, 10 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughStakeToSetChildkeys': 'index 12 at 224, 11 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughBalanceToStake': 'index 13 at 224, 12 at 425: variants were added/removed before it',
  'SubtensorModule.error.BalanceWithdrawalError': 'index 14 at 224, 13 at 425: variants were added/removed before it',
  'SubtensorModule.error.ZeroBalanceAfterWithdrawn': 'index 15 at 224, 14 at 425: variants were added/removed before it',
  'SubtensorModule.error.NeuronNoValidatorPermit': 'index 16 at 224, 15 at 425: variants were added/removed before it',
  'SubtensorModule.error.WeightVecNotEqualSize': 'index 17 at 224, 16 at 425: variants were added/removed before it',
  'SubtensorModule.error.DuplicateUids': 'index 18 at 224, 17 at 425: variants were added/removed before it',
  'SubtensorModule.error.UidVecContainInvalidOne': 'index 19 at 224, 18 at 425: variants were added/removed before it',
  'SubtensorModule.error.WeightVecLengthIsLow': 'index 20 at 224, 19 at 425: variants were added/removed before it',
  'SubtensorModule.error.TooManyRegistrationsThisBlock': 'index 21 at 224, 20 at 425: variants were added/removed before it',
  'SubtensorModule.error.HotKeyAlreadyRegisteredInSubNet': 'index 22 at 224, 21 at 425: variants were added/removed before it',
  'SubtensorModule.error.NewHotKeyIsSameWithOld': 'index 23 at 224, 22 at 425: variants were added/removed before it',
  'SubtensorModule.error.NewHotKeyNotCleanForRootSwap': 'added after spec 224 (index 23)',
  'SubtensorModule.error.FaucetDisabled': 'index 41 at 224, 40 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotSubnetOwner': 'index 42 at 224, 41 at 425: variants were added/removed before it',
  'SubtensorModule.error.RegistrationNotPermittedOnRootSubnet': 'index 43 at 224, 42 at 425: variants were added/removed before it',
  'SubtensorModule.error.StakeTooLowForRoot': 'index 44 at 224, 43 at 425: variants were added/removed before it',
  'SubtensorModule.error.AllNetworksInImmunity': 'index 45 at 224, 44 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughBalanceToPaySwapHotKey': 'index 46 at 224, 45 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotRootSubnet': 'index 47 at 224, 46 at 425: variants were added/removed before it',
  'SubtensorModule.error.CanNotSetRootNetworkWeights': 'index 48 at 224, 47 at 425: variants were added/removed before it',
  'SubtensorModule.error.NoNeuronIdAvailable': 'index 49 at 224, 48 at 425: variants were added/removed before it',
  'SubtensorModule.error.DelegateTakeTooLow': 'index 50 at 224, 49 at 425: variants were added/removed before it',
  'SubtensorModule.error.DelegateTakeTooHigh': 'index 51 at 224, 50 at 425: variants were added/removed before it',
  'SubtensorModule.error.NoWeightsCommitFound': 'index 52 at 224, 51 at 425: variants were added/removed before it',
  'SubtensorModule.error.InvalidRevealCommitHashNotMatch': 'index 53 at 224, 52 at 425: variants were added/removed before it',
  'SubtensorModule.error.CommitRevealEnabled': 'index 54 at 224, 53 at 425: variants were added/removed before it',
  'SubtensorModule.error.CommitRevealDisabled': 'index 55 at 224, 54 at 425: variants were added/removed before it',
  'SubtensorModule.error.LiquidAlphaDisabled': 'index 57 at 224, 55 at 425: variants were added/removed before it',
  'SubtensorModule.error.AlphaHighTooLow': 'index 58 at 224, 56 at 425: variants were added/removed before it',
  'SubtensorModule.error.AlphaLowOutOfRange': 'index 59 at 224, 57 at 425: variants were added/removed before it',
  'SubtensorModule.error.ColdKeyAlreadyAssociated': 'index 60 at 224, 58 at 425: variants were added/removed before it',
  'SubtensorModule.error.NotEnoughBalanceToPaySwapColdKey': 'index 61 at 224, 59 at 425: variants were added/removed before it',
  'SubtensorModule.error.InvalidChild': 'index 63 at 224, 60 at 425: variants were added/removed before it',
  'SubtensorModule.error.DuplicateChild': 'index 64 at 224, 61 at 425: variants were added/removed before it',
  'SubtensorModule.error.ProportionOverflow': 'index 65 at 224, 62 at 425: variants were added/removed before it',
  'SubtensorModule.error.TooManyChildren': 'index 66 at 224, 63 at 425: variants were added/removed before it',
  'SubtensorModule.error.TxRateLimitExceeded': 'index 67 at 224, 64 at 425: variants were added/removed before it',
  'SubtensorModule.error.ColdkeySwapAnnouncementNotFound': 'added after spec 224 (index 65)',
  'SubtensorModule.error.ColdkeySwapTooEarly': 'added after spec 224 (index 66)',
  'SubtensorModule.error.ColdkeySwapReannouncedTooEarly': 'added after spec 224 (index 67)',
  'SubtensorModule.error.AnnouncedColdkeyHashDoesNotMatch': 'added after spec 224 (index 68)',
  'SubtensorModule.error.ColdkeySwapAlreadyDisputed': 'added after spec 224 (index 69)',
  'SubtensorModule.error.StakeUnavailable': 'added after spec 224 (index 75)',
  'SubtensorModule.error.ActivityCutoffTooLow': 'added after spec 224 (index 86)',
  'SubtensorModule.error.CallDisabled': 'added after spec 224 (index 87)',
  'SubtensorModule.error.FirstEmissionBlockNumberAlreadySet': 'added after spec 224 (index 88)',
  'SubtensorModule.error.NeedWaitingMoreBlocksToStarCall': 'added after spec 224 (index 89)',
  'SubtensorModule.error.NotEnoughAlphaOutToRecycle': 'added after spec 224 (index 90)',
  'SubtensorModule.error.CannotBurnOrRecycleOnRootSubnet': 'added after spec 224 (index 91)',
  'SubtensorModule.error.UnableToRecoverPublicKey': 'added after spec 224 (index 92)',
  'SubtensorModule.error.InvalidRecoveredPublicKey': 'added after spec 224 (index 93)',
  'SubtensorModule.error.SubtokenDisabled': 'added after spec 224 (index 94)',
  'SubtensorModule.error.HotKeySwapOnSubnetIntervalNotPassed': 'added after spec 224 (index 95)',
  'SubtensorModule.error.SameNetuid': 'added after spec 224 (index 96)',
  'SubtensorModule.error.InsufficientBalance': 'added after spec 224 (index 97)',
  'SubtensorModule.error.InvalidLeaseBeneficiary': 'added after spec 224 (index 98)',
  'SubtensorModule.error.LeaseCannotEndInThePast': 'added after spec 224 (index 99)',
  'SubtensorModule.error.LeaseNetuidNotFound': 'added after spec 224 (index 100)',
  'SubtensorModule.error.LeaseDoesNotExist': 'added after spec 224 (index 101)',
  'SubtensorModule.error.LeaseHasNoEndBlock': 'added after spec 224 (index 102)',
  'SubtensorModule.error.LeaseHasNotEnded': 'added after spec 224 (index 103)',
  'SubtensorModule.error.Overflow': 'added after spec 224 (index 104)',
  'SubtensorModule.error.BeneficiaryDoesNotOwnHotkey': 'added after spec 224 (index 105)',
  'SubtensorModule.error.ExpectedBeneficiaryOrigin': 'added after spec 224 (index 106)',
  'SubtensorModule.error.AdminActionProhibitedDuringWeightsWindow': 'added after spec 224 (index 107)',
  'SubtensorModule.error.SymbolDoesNotExist': 'added after spec 224 (index 108)',
  'SubtensorModule.error.SymbolAlreadyInUse': 'added after spec 224 (index 109)',
  'SubtensorModule.error.IncorrectCommitRevealVersion': 'added after spec 224 (index 110)',
  'SubtensorModule.error.InvalidRevealRound': 'added after spec 224 (index 111)',
  'SubtensorModule.error.RevealPeriodTooLarge': 'added after spec 224 (index 112)',
  'SubtensorModule.error.RevealPeriodTooSmall': 'added after spec 224 (index 113)',
  'SubtensorModule.error.InvalidValue': 'added after spec 224 (index 114)',
  'SubtensorModule.error.SubnetLimitReached': 'added after spec 224 (index 115)',
  'SubtensorModule.error.CannotAffordLockCost': 'added after spec 224 (index 116)',
  'SubtensorModule.error.EvmKeyAssociateRateLimitExceeded': 'added after spec 224 (index 117)',
  'SubtensorModule.error.SameAutoStakeHotkeyAlreadySet': 'added after spec 224 (index 118)',
  'SubtensorModule.error.UidMapCouldNotBeCleared': 'added after spec 224 (index 119)',
  'SubtensorModule.error.TrimmingWouldExceedMaxImmunePercentage': 'added after spec 224 (index 120)',
  'SubtensorModule.error.ChildParentInconsistency': 'added after spec 224 (index 121)',
  'SubtensorModule.error.InvalidNumRootClaim': 'added after spec 224 (index 122)',
  'SubtensorModule.error.InvalidRootClaimThreshold': 'added after spec 224 (index 123)',
  'SubtensorModule.error.InvalidSubnetNumber': 'added after spec 224 (index 124)',
  'SubtensorModule.error.TooManyUIDsPerMechanism': 'added after spec 224 (index 125)',
  'SubtensorModule.error.VotingPowerTrackingNotEnabled': 'added after spec 224 (index 126)',
  'SubtensorModule.error.InvalidVotingPowerEmaAlpha': 'added after spec 224 (index 127)',
  'SubtensorModule.error.Deprecated': 'added after spec 224 (index 128)',
  'SubtensorModule.error.AddStakeBurnRateLimitExceeded': 'added after spec 224 (index 129)',
  'SubtensorModule.error.ColdkeySwapAnnounced': 'added after spec 224 (index 130)',
  'SubtensorModule.error.ColdkeySwapDisputed': 'added after spec 224 (index 131)',
  'SubtensorModule.error.ColdkeySwapClearTooEarly': 'added after spec 224 (index 132)',
  'SubtensorModule.error.DisabledTemporarily': 'added after spec 224 (index 133)',
  'SubtensorModule.error.RegistrationPriceLimitExceeded': 'added after spec 224 (index 134)',
  'SubtensorModule.error.LockHotkeyMismatch': 'added after spec 224 (index 135)',
  'SubtensorModule.error.InsufficientStakeForLock': 'added after spec 224 (index 136)',
  'SubtensorModule.error.NoExistingLock': 'added after spec 224 (index 137)',
  'SubtensorModule.error.ActiveLockExists': 'added after spec 224 (index 138)',
  'SubtensorModule.error.CannotUseSystemAccount': 'added after spec 224 (index 139)',
  'SubtensorModule.error.UnlockAmountTooHigh': 'added after spec 224 (index 140)',
  'SubtensorModule.error.TempoOutOfBounds': 'added after spec 224 (index 141)',
  'SubtensorModule.error.ActivityCutoffFactorMilliOutOfBounds': 'added after spec 224 (index 142)',
  'SubtensorModule.error.EpochTriggerAlreadyPending': 'added after spec 224 (index 143)',
  'SubtensorModule.error.AutoEpochAlreadyImminent': 'added after spec 224 (index 144)',
  'SubtensorModule.error.DynamicTempoBlockedByCommitReveal': 'added after spec 224 (index 145)',
  'SubtensorModule.error.AccountRejectsLockedAlpha': 'added after spec 224 (index 146)',
  'SubtensorModule.error.SubNetworkDoesNotExist': 'removed after spec 224 (was index 0); not declared here',
  'SubtensorModule.error.NotSenateMember': 'removed after spec 224 (was index 40); not declared here',
  'SubtensorModule.error.CouldNotJoinSenate': 'removed after spec 224 (was index 56); not declared here',
  'SubtensorModule.error.ColdkeyIsInArbitration': 'removed after spec 224 (was index 62); not declared here',
  'SubtensorModule.error.SwapAlreadyScheduled': 'removed after spec 224 (was index 68); not declared here',
  'SubtensorModule.error.FailedToSchedule': 'removed after spec 224 (was index 69); not declared here',
  'SubtensorModule.error.CannotUnstakeLock': 'removed after spec 224 (was index 75); not declared here',
  // Storage the AdminUtils setters read or write (pallets/subtensor/src/lib.rs @ 14bc6f9).
  'SubtensorModule.storage.LastRateLimitedBlock': 'RateLimitKey-keyed last blocks (owner hyperparameter and owner-hotkey rate limits) added after spec 224 (lib.rs:1783)',
  'SubtensorModule.storage.WeightsVersionKeyRateLimit': 'added after spec 224 (lib.rs:1775): owner weights_version_key limit in tempos',
  'SubtensorModule.storage.MinActivityCutoff': 'added after spec 224 (lib.rs:1116): floor of sudo_set_activity_cutoff',
  'SubtensorModule.storage.MinChildkeyTakePerSubnet': 'added after spec 224 (lib.rs:1189)',
  // AdminUtils at spec 425 (pallets/admin-utils/src/lib.rs @ 14bc6f9). Calls not declared here (no machinery in this runtime) are listed in
  // admin-utils/calls.ts; 12 sudo_set_max_weight_limit, 53 sudo_set_network_max_stake and 54 sudo_set_coldkey_swap_schedule_duration were
  // removed from subtensor after spec 224.
  'AdminUtils.call.sudo_set_min_childkey_take_per_subnet': 'added after spec 224 (call_index 93)',
  'AdminUtils.call.sudo_set_subnet_moving_alpha': 'added after spec 224 (call_index 63: alpha: I96F32)',
  'AdminUtils.call.sudo_set_subnet_owner_hotkey': 'added after spec 224 (call_index 64)',
  'AdminUtils.call.sudo_set_ema_price_halving_period': 'added after spec 224 (call_index 65)',
  'AdminUtils.call.sudo_set_subtoken_enabled': 'added after spec 224 (call_index 66)',
  'AdminUtils.call.sudo_set_sn_owner_hotkey': 'added after spec 224 (call_index 67)',
  'AdminUtils.call.sudo_set_alpha_sigmoid_steepness': 'added after spec 224 (call_index 68)',
  'AdminUtils.call.sudo_set_yuma3_enabled': 'added after spec 224 (call_index 69)',
  'AdminUtils.call.sudo_set_bonds_reset_enabled': 'added after spec 224 (call_index 70)',
  'AdminUtils.call.sudo_set_commit_reveal_version': 'added after spec 224 (call_index 71)',
  'AdminUtils.call.sudo_set_owner_immune_neuron_limit': 'added after spec 224 (call_index 72)',
  'AdminUtils.call.sudo_set_admin_freeze_window': 'added after spec 224 (call_index 74)',
  'AdminUtils.call.sudo_set_owner_hparam_rate_limit': 'added after spec 224 (call_index 75)',
  'AdminUtils.call.sudo_set_min_allowed_uids': 'added after spec 224 (call_index 79)',
  'AdminUtils.call.sudo_set_min_non_immune_uids': 'added after spec 224 (call_index 84)',
  'AdminUtils.call.sudo_set_start_call_delay': 'added after spec 224 (call_index 85)',
  'AdminUtils.call.sudo_set_burn_half_life': 'added after spec 224 (call_index 89, Operational)',
  'AdminUtils.call.sudo_set_burn_increase_mult': 'added after spec 224 (call_index 90: burn_increase_mult: U64F64, Operational)',
  'AdminUtils.call.sudo_set_owner_cut_enabled': 'added after spec 224 (call_index 92, Operational)',
  'AdminUtils.call.sudo_set_subnet_emission_enabled': 'added after spec 224 (call_index 94)',
  'AdminUtils.call.sudo_set_max_epochs_per_block': 'added after spec 224 (call_index 96)',
  'AdminUtils.storage.PrecompileEnable': 'AdminUtils had no storage at spec 224; PrecompileEnable (EVM precompile switches) was added after',
  'AdminUtils.event.PrecompileUpdated': 'AdminUtils had no events at spec 224 (index 0 at 425)',
  'AdminUtils.event.Yuma3EnableToggled': 'added after spec 224 (index 1)',
  'AdminUtils.event.BondsResetToggled': 'added after spec 224 (index 2)',
  'AdminUtils.event.BurnHalfLifeSet': 'added after spec 224 (index 3)',
  'AdminUtils.event.BurnIncreaseMultSet': 'added after spec 224 (index 4)',
  'AdminUtils.event.SubnetEmissionEnabledSet': 'added after spec 224 (index 5)',
  'AdminUtils.error.BondsMovingAverageMaxReached': 'added after spec 224 (index 3)',
  'AdminUtils.error.NegativeSigmoidSteepness': 'added after spec 224 (index 4)',
  'AdminUtils.error.ValueNotInBounds': 'added after spec 224 (index 5)',
  'AdminUtils.error.MinAllowedUidsGreaterThanCurrentUids': 'added after spec 224 (index 6)',
  'AdminUtils.error.MinAllowedUidsGreaterThanMaxAllowedUids': 'added after spec 224 (index 7)',
  'AdminUtils.error.MaxAllowedUidsLessThanMinAllowedUids': 'added after spec 224 (index 8)',
  'AdminUtils.error.MaxAllowedUidsGreaterThanDefaultMaxAllowedUids': 'added after spec 224 (index 9)',
  'AdminUtils.error.InvalidValue': 'added after spec 224 (index 10)',
  'AdminUtils.error.NotPermittedOnRootSubnet': 'added after spec 224 (index 11)',
  'AdminUtils.error.POWRegistrationDisabled': 'added after spec 224 (index 12): PoW registration is gone',
  'AdminUtils.error.Deprecated': 'added after spec 224 (index 13)',
}

const IMPLEMENTED = ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Utility', 'Sudo', 'Commitments', 'SubtensorModule', 'AdminUtils']

describe('metadata matches subtensor', () => {
  test.each(IMPLEMENTED)('%s has subtensor’s pallet index', (name) => {
    expect(pallet(ours, name).index.toNumber()).toBe(pallet(spec224, name).index.toNumber())
  })

  test.each(IMPLEMENTED)('%s calls: same indices, names and argument types', (name) => {
    const mine = pallet(ours, name)
    if (mine.calls.isNone) return
    const theirs = new Map(variants(spec224, pallet(spec224, name).calls.unwrap().type).map((v) => [v.name, v]))
    for (const call of variants(ours, mine.calls.unwrap().type)) {
      if (CHANGED_SINCE_224[`${name}.call.${call.name}`]) continue
      expect(theirs.get(call.name), `${name}.${call.name}`).toEqual(call)
    }
  })

  test.each(IMPLEMENTED)('%s storage: same hashers, key and value types, defaults', (name) => {
    const mine = pallet(ours, name)
    if (mine.storage.isNone) return
    const other224 = pallet(spec224, name).storage
    // a pallet without storage at spec 224 (AdminUtils) has every item listed as changed
    const theirs = new Map(other224.isSome ? other224.unwrap().items.map((i) => [i.name.toString(), i]) : [])
    for (const item of mine.storage.unwrap().items) {
      if (CHANGED_SINCE_224[`${name}.storage.${item.name.toString()}`]) continue
      const other = theirs.get(item.name.toString())
      expect(other, `${name}.${item.name}`).toBeDefined()
      const describe = (side: typeof ours, i: typeof item) => ({
        modifier: i.modifier.toString(),
        hashers: i.type.isMap ? i.type.asMap.hashers.map((h) => h.toString()) : [],
        key: i.type.isMap ? shape(side.registry, i.type.asMap.key) : null,
        value: shape(side.registry, i.type.isMap ? i.type.asMap.value : i.type.asPlain),
      })
      const a = describe(ours, item)
      const b = describe(spec224, other!)
      // Events hold the runtime's own RuntimeEvent, which naturally differs in its pallet list.
      if (item.name.toString() === 'Events') continue
      expect(a, `${name}.${item.name}`).toEqual(b)
    }
  })

  test.each(IMPLEMENTED)('%s events and errors: same indices and names', (name) => {
    const mine = pallet(ours, name)
    const theirs = pallet(spec224, name)
    if (mine.events.isSome) {
      const t = new Map(variants(spec224, theirs.events.unwrap().type).map((v) => [v.name, v.index]))
      for (const e of variants(ours, mine.events.unwrap().type)) if (!CHANGED_SINCE_224[`${name}.event.${e.name}`]) expect(t.get(e.name), `${name}.${e.name}`).toBe(e.index)
    }
    if (mine.errors.isSome) {
      const t = new Map(variants(spec224, theirs.errors.unwrap().type).map((v) => [v.name, v.index]))
      for (const e of variants(ours, mine.errors.unwrap().type)) if (!CHANGED_SINCE_224[`${name}.error.${e.name}`]) expect(t.get(e.name), `${name}.${e.name}`).toBe(e.index)
    }
  })

  test.each(IMPLEMENTED)('%s constants: same names and types', (name) => {
    const theirs = new Map(pallet(spec224, name).constants.map((c) => [c.name.toString(), c]))
    for (const c of pallet(ours, name).constants) {
      const other = theirs.get(c.name.toString())
      expect(other, `${name}.${c.name}`).toBeDefined()
      expect(shape(ours.registry, c.type), `${name}.${c.name}`).toBe(shape(spec224.registry, other!.type))
    }
  })
})
