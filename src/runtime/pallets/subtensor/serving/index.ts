// serve_axon / serve_axon_tls / serve_prometheus (subtensor.md §4.4): a registered hotkey publishes its endpoints, at most once per ServingRateLimit blocks.
// From pallets/subtensor/src/subnets/serving.rs @ 14bc6f9 (`do_serve_axon`, `do_serve_prometheus`, `validate_serve_axon` :289,
// `validate_serve_prometheus`, `is_valid_ip_type`, `is_valid_ip_address` :248, rate limits) and macros/dispatches.rs (call indices 4, 5).
import { call } from '../../../framework/pallet.ts'
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { AccountId } from '../../../primitives/bittensor.ts'
import { NetUid } from '../../../primitives/bittensor.ts'
import { Bytes, u128, u16, u32, u8 } from '../../../primitives/types.ts'
import { weight, reads, writes } from '../../../config.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { events } from '../events.ts'
import { ServingRateLimit } from '../storage/hyperparams.ts'
import { Axons, NeuronCertificates, Prometheus, Uids } from '../storage/neurons.ts'
import type { AxonInfo, NeuronCertificate, PrometheusInfo } from '../types.ts'

const P = 'SubtensorModule'
const U32_MAX = 0xffff_ffffn
const U128_MAX = (1n << 128n) - 1n

/** `is_hotkey_registered_on_network`: the hotkey has a UID on the subnet. */
export const isHotkeyRegisteredOnNetwork = (ctx: Pick<DispatchContext, 'storage'>, netuid: NetUid, hotkey: AccountId): boolean => Uids.contains(ctx.storage, netuid, hotkey)

export const isValidIpType = (ipType: number): boolean => ipType === 4 || ipType === 6

/** `is_valid_ip_address`: no zero unless allowed; IPv4 below u32::MAX and not 127.0.0.1; IPv6 not all-ones and not ::1. */
export function isValidIpAddress(ipType: number, addr: bigint, allowZero: boolean): boolean {
  if (!allowZero && addr === 0n) return false
  if (ipType === 4 && (addr >= U32_MAX || addr === 0x7f00_0001n)) return false
  if (ipType === 6 && (addr === U128_MAX || addr === 1n)) return false
  return true
}

/** `axon_passes_rate_limit` / `prometheus_passes_rate_limit`. */
const passesRateLimit = (ctx: DispatchContext, netuid: NetUid, lastServe: bigint, now: bigint) => {
  const limit = ServingRateLimit.get(ctx.storage, netuid)
  return limit === 0n || lastServe === 0n || (now > lastServe ? now - lastServe : 0n) >= limit
}

const EMPTY_AXON: AxonInfo = { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0, protocol: 0, placeholder1: 0, placeholder2: 0 }
const EMPTY_PROMETHEUS: PrometheusInfo = { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0 }

type AxonArgs = { netuid: NetUid; version: number; ip: bigint; port: number; ipType: number; protocol: number; placeholder1: number; placeholder2: number }

/**
 * `NeuronCertificate::try_from(Vec<u8>)`: the first byte is the algorithm, the rest (at most 64 bytes) the public key;
 * empty or longer input is no certificate (serve_axon_tls then serves the axon and stores none, as subtensor does).
 */
export function parseNeuronCertificate(bytes: Uint8Array): NeuronCertificate | undefined {
  if (bytes.length === 0 || bytes.length > 65) return undefined
  return { algorithm: bytes[0]!, publicKey: bytes.slice(1) }
}

/** `do_serve_axon`: registered → ip type → ip (zero allowed) → rate limit → port ≠ 0, then the certificate if any, Axons and AxonServed. */
export function doServeAxon(ctx: DispatchContext, origin: Origin, { certificate, ...a }: AxonArgs & { certificate?: Uint8Array }) {
  const hotkey = ensureSigned(origin)
  if (!isHotkeyRegisteredOnNetwork(ctx, a.netuid, hotkey)) throw dispatchError(P, 'HotKeyNotRegisteredInNetwork')
  if (!isValidIpType(a.ipType)) throw dispatchError(P, 'InvalidIpType')
  if (!isValidIpAddress(a.ipType, a.ip, true)) throw dispatchError(P, 'InvalidIpAddress')
  const prev = Axons.get(ctx.storage, a.netuid, hotkey) ?? EMPTY_AXON
  const now = BigInt(SystemNumber.get(ctx.storage))
  if (!passesRateLimit(ctx, a.netuid, prev.block, now)) throw dispatchError(P, 'ServingRateLimitExceeded')
  if (a.port === 0) throw dispatchError(P, 'InvalidPort')
  const { netuid, ...fields } = a
  const cert = certificate === undefined ? undefined : parseNeuronCertificate(certificate)
  if (cert) NeuronCertificates.set(ctx.storage, netuid, hotkey, cert)
  Axons.set(ctx.storage, netuid, hotkey, { ...prev, ...fields, block: now })
  ctx.deposit(events.AxonServed([netuid, hotkey]))
}

/** `do_serve_prometheus`: ip type → ip (zero refused) → registered → rate limit → port ≠ 0, then Prometheus and PrometheusServed. */
export function doServePrometheus(ctx: DispatchContext, origin: Origin, a: { netuid: NetUid; version: number; ip: bigint; port: number; ipType: number }) {
  const hotkey = ensureSigned(origin)
  if (!isValidIpType(a.ipType)) throw dispatchError(P, 'InvalidIpType')
  if (!isValidIpAddress(a.ipType, a.ip, false)) throw dispatchError(P, 'InvalidIpAddress')
  if (!isHotkeyRegisteredOnNetwork(ctx, a.netuid, hotkey)) throw dispatchError(P, 'HotKeyNotRegisteredInNetwork')
  const prev = Prometheus.get(ctx.storage, a.netuid, hotkey) ?? EMPTY_PROMETHEUS
  const now = BigInt(SystemNumber.get(ctx.storage))
  if (!passesRateLimit(ctx, a.netuid, prev.block, now)) throw dispatchError(P, 'ServingRateLimitExceeded')
  if (a.port === 0) throw dispatchError(P, 'InvalidPort')
  const { netuid, ...fields } = a
  Prometheus.set(ctx.storage, netuid, hotkey, { ...fields, block: now })
  ctx.deposit(events.PrometheusServed([netuid, hotkey]))
}

export const servingCalls = [
  // dispatches.rs:800 call_index(4), WeightInfo::serve_axon (weights.rs:313: 31_278_000, 4178; 3 reads, 1 write), Normal, Pays::No
  call({
    index: 4,
    name: 'serve_axon',
    args: { netuid: NetUid, version: u32, ip: u128, port: u16, ipType: u8, protocol: u8, placeholder1: u8, placeholder2: u8 },
    weight: weight(31_278_000n + reads(3) + writes(1), 4_178n),
    paysFee: 'No',
    docs: 'Set the axon endpoint of a registered hotkey on a subnet.',
    run: doServeAxon,
  }),
  // dispatches.rs:882 call_index(40), WeightInfo::serve_axon_tls (30_617_000, 4149; 3 reads, 1 write), Normal, Pays::No
  call({
    index: 40,
    name: 'serve_axon_tls',
    args: { netuid: NetUid, version: u32, ip: u128, port: u16, ipType: u8, protocol: u8, placeholder1: u8, placeholder2: u8, certificate: Bytes },
    weight: weight(30_617_000n + reads(3) + writes(1), 4_149n),
    paysFee: 'No',
    docs: 'Set the axon endpoint of a registered hotkey on a subnet, with its TLS certificate (algorithm byte, then a public key of at most 64 bytes).',
    run: doServeAxon,
  }),
  // dispatches.rs:930 call_index(5), WeightInfo::serve_prometheus (weights.rs:328: 29_294_000, 4277; 3 reads, 1 write), Normal, Pays::No
  call({
    index: 5,
    name: 'serve_prometheus',
    args: { netuid: NetUid, version: u32, ip: u128, port: u16, ipType: u8 },
    weight: weight(29_294_000n + reads(3) + writes(1), 4_277n),
    paysFee: 'No',
    docs: 'Set the prometheus endpoint of a registered hotkey on a subnet.',
    run: doServePrometheus,
  }),
]
