// subtensor's `NeuronInfoRuntimeApi` (spec 425): one neuron or every neuron of a subnet, with or without its weights and bonds.
// From pallets/subtensor/src/rpc_info/neuron_info.rs @ 14bc6f9 (structs and `get_neuron*`), subnets/serving.rs (`get_axon_info`,
// `get_prometheus_info`: zeros when nothing was served) and staking/stake_utils.rs:530 (`get_stake_for_hotkey_on_subnet` = TotalHotkeyAlpha).
// Rank, trust and pruning score are no longer computed by subtensor: they are answered as 0, 0 and 65535.
import { AlphaBalance, NetUid } from '../primitives/bittensor.ts'
import type { AccountId } from '../primitives/bittensor.ts'
import { AccountId32 } from '../primitives/substrate.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import { Vec, bool, compact, struct, tuple, u16, u64, withTypeName } from '../primitives/types.ts'
import { AxonInfo, PrometheusInfo } from '../pallets/subtensor/types.ts'
import {
  Active,
  Axons,
  Bonds,
  Consensus,
  Dividends,
  Emission,
  Incentive,
  Keys,
  LastUpdate,
  Owner,
  Prometheus,
  ValidatorPermit,
  ValidatorTrust,
  Weights,
} from '../pallets/subtensor/storage/neurons.ts'
import { NetworksAdded, SubnetworkN } from '../pallets/subtensor/storage/subnets.ts'
import { getTotalHotkeyAlpha } from '../pallets/subtensor/staking/shares.ts'

type S = StorageBackend

// ── Types ──────────────────────────────────────────────────────────────────────────────────────

const AccountIdParam = withTypeName(AccountId32, 'AccountId')
const params = { AccountId: AccountId32 }
const CU16 = compact(u16)
/** The rpc_info structs name the pallet's endpoint types by their struct names. */
export const AxonInfoField = withTypeName(AxonInfo, 'AxonInfo')
export const PrometheusInfoField = withTypeName(PrometheusInfo, 'PrometheusInfo')
const UidValues = Vec(tuple(CU16, CU16))

const common = {
  hotkey: AccountIdParam,
  coldkey: AccountIdParam,
  uid: CU16,
  netuid: compact(NetUid),
  active: bool,
  axon_info: AxonInfoField,
  prometheus_info: PrometheusInfoField,
  stake: Vec(tuple(AccountIdParam, compact(AlphaBalance))),
  rank: CU16,
  emission: compact(AlphaBalance),
  incentive: CU16,
  consensus: CU16,
  trust: CU16,
  validator_trust: CU16,
  dividends: CU16,
  last_update: compact(u64),
  validator_permit: bool,
}

export const NeuronInfo = struct('pallet_subtensor::rpc_info::neuron_info::NeuronInfo', { ...common, weights: UidValues, bonds: UidValues, pruning_score: CU16 }, { params })
export type NeuronInfo = ReturnType<typeof NeuronInfo.dec>
export const NeuronInfoLite = struct('pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite', { ...common, pruning_score: CU16 }, { params })
export type NeuronInfoLite = ReturnType<typeof NeuronInfoLite.dec>

// ── Reads ──────────────────────────────────────────────────────────────────────────────────────

const ZERO_AXON: AxonInfo = { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0, protocol: 0, placeholder1: 0, placeholder2: 0 }
const ZERO_PROMETHEUS: PrometheusInfo = { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0 }

/** `get_axon_info`: the served axon, or all zeros. */
export const axonInfo = (s: S, netuid: number, hotkey: AccountId): AxonInfo => Axons.get(s, netuid, hotkey) ?? ZERO_AXON
/** `get_prometheus_info`: the served prometheus endpoint, or all zeros. */
export const prometheusInfo = (s: S, netuid: number, hotkey: AccountId): PrometheusInfo => Prometheus.get(s, netuid, hotkey) ?? ZERO_PROMETHEUS

/** `(uid, value)` pairs with a nonzero value, as the API lists weights and bonds. */
const nonzero = (pairs: Array<[number, number]>): Array<[number, number]> => pairs.filter(([, v]) => v > 0)

/** `get_neuron_lite_subnet_exists`: None when the uid has no hotkey (`get_hotkey_for_net_and_uid` fails without a Keys entry). */
export function neuronLite(s: S, netuid: number, uid: number): NeuronInfoLite | undefined {
  if (!Keys.contains(s, netuid, uid)) return undefined
  const hotkey = Keys.get(s, netuid, uid)
  const coldkey = Owner.get(s, hotkey)
  return {
    hotkey,
    coldkey,
    uid,
    netuid,
    active: Active.get(s, netuid)[uid] ?? false,
    axon_info: axonInfo(s, netuid, hotkey),
    prometheus_info: prometheusInfo(s, netuid, hotkey),
    // one entry: the owner coldkey with the hotkey's whole stake on the subnet (delegations included)
    stake: [[coldkey, getTotalHotkeyAlpha(s, hotkey, netuid)]],
    rank: 0,
    emission: Emission.get(s, netuid)[uid] ?? 0n,
    // mechanism 0: the storage index is the netuid
    incentive: Incentive.get(s, netuid)[uid] ?? 0,
    consensus: Consensus.get(s, netuid)[uid] ?? 0,
    trust: 0,
    validator_trust: ValidatorTrust.get(s, netuid)[uid] ?? 0,
    dividends: Dividends.get(s, netuid)[uid] ?? 0,
    last_update: LastUpdate.get(s, netuid)[uid] ?? 0n,
    validator_permit: ValidatorPermit.get(s, netuid)[uid] ?? false,
    pruning_score: 65_535,
  }
}

/** `get_neuron_subnet_exists`: the lite fields plus the uid's nonzero weights and bonds (mechanism 0). */
export function neuron(s: S, netuid: number, uid: number): NeuronInfo | undefined {
  const lite = neuronLite(s, netuid, uid)
  if (lite === undefined) return undefined
  const { pruning_score, ...fields } = lite
  return { ...fields, weights: nonzero(Weights.get(s, netuid, uid)), bonds: nonzero(Bonds.get(s, netuid, uid)), pruning_score }
}

/** `get_neurons` / `get_neurons_lite`: uids 0..SubnetworkN, stopping at the first uid without a hotkey; empty for a missing subnet. */
function all<T>(s: S, netuid: number, one: (s: S, netuid: number, uid: number) => T | undefined): T[] {
  if (!NetworksAdded.get(s, netuid)) return []
  const out: T[] = []
  const n = SubnetworkN.get(s, netuid)
  for (let uid = 0; uid < n; uid++) {
    const info = one(s, netuid, uid)
    if (info === undefined) break
    out.push(info)
  }
  return out
}

export const neurons = (s: S, netuid: number): NeuronInfo[] => all(s, netuid, neuron)
export const neuronsLite = (s: S, netuid: number): NeuronInfoLite[] => all(s, netuid, neuronLite)
/** `get_neuron` / `get_neuron_lite`: None for a missing subnet or uid. */
export const neuronAt = (s: S, netuid: number, uid: number): NeuronInfo | undefined => (NetworksAdded.get(s, netuid) ? neuron(s, netuid, uid) : undefined)
export const neuronLiteAt = (s: S, netuid: number, uid: number): NeuronInfoLite | undefined => (NetworksAdded.get(s, netuid) ? neuronLite(s, netuid, uid) : undefined)
