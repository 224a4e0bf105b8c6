// SubtensorModule's own SCALE types: substrate-fixed numbers as `{ bits }`, SafeFloat share values, axon/prometheus endpoints, subnet identity.
import { AccountId, NetUid } from '../../primitives/bittensor.ts'
import { createCodec } from '@polkadot-api/substrate-bindings'
import { Bytes, Vec, byteArray, customType, enumType, i128, i64, newtype, struct, tuple, u128, u16, u32, u64, u8, withTypeName } from '../../primitives/types.ts'
import type { Type, ValueOf } from '../../primitives/types.ts'

/** substrate-fixed `U64F64` = `FixedU128<U64>`: value = bits / 2^64. */
export const U64F64 = struct('substrate_fixed::FixedU128', { bits: u128 }, { params: { Frac: null }, typeName: 'U64F64' })
export type U64F64 = ValueOf<typeof U64F64>
/** substrate-fixed `I96F32` = `FixedI128<U32>`: value = bits / 2^32. */
export const I96F32 = struct('substrate_fixed::FixedI128', { bits: i128 }, { params: { Frac: null }, typeName: 'I96F32' })
export type I96F32 = ValueOf<typeof I96F32>

/** `share_pool::SafeFloat`: mantissa · 10^exponent, normalized so 10^20 < mantissa ≤ 10^21 (zero is {0, 0}). */
export const SafeFloat = struct('share_pool::SafeFloat', { mantissa: u128, exponent: i64 })
export type SafeFloat = ValueOf<typeof SafeFloat>

const SAFE_FLOAT_MAX = 10n ** 21n
const SAFE_FLOAT_MIN = SAFE_FLOAT_MAX / 10n
/** `SafeFloat::new(mantissa, exponent)` with its normalization (share-pool/src/lib.rs `normalize`); `SafeFloat::from(u64)` is `safeFloat(v)`. */
export function safeFloat(mantissa: bigint, exponent = 0n): SafeFloat {
  if (mantissa === 0n) return { mantissa: 0n, exponent: 0n }
  let m = mantissa
  let e = exponent
  while (m > SAFE_FLOAT_MAX) {
    m /= 10n
    e += 1n
  }
  while (m <= SAFE_FLOAT_MIN) {
    m *= 10n
    e -= 1n
  }
  return { mantissa: m, exponent: e }
}

/** `AxonInfo`: a neuron's served endpoint. */
export const AxonInfo = struct('pallet_subtensor::pallet::AxonInfo', { block: u64, version: u32, ip: u128, port: u16, ipType: u8, protocol: u8, placeholder1: u8, placeholder2: u8 }, { typeName: 'AxonInfoOf' })
export type AxonInfo = ValueOf<typeof AxonInfo>
/** `NeuronCertificate` (lib.rs:174): a TLS public key (≤ 64 bytes) and its algorithm byte, from `serve_axon_tls`. */
export const NeuronCertificate = struct('pallet_subtensor::pallet::NeuronCertificate', { publicKey: Bytes, algorithm: u8 }, { typeName: 'NeuronCertificateOf' })
export type NeuronCertificate = ValueOf<typeof NeuronCertificate>
/** `PrometheusInfo`: a neuron's served prometheus endpoint. */
export const PrometheusInfo = struct('pallet_subtensor::pallet::PrometheusInfo', { block: u64, version: u32, ip: u128, port: u16, ipType: u8 }, { typeName: 'PrometheusInfoOf' })
export type PrometheusInfo = ValueOf<typeof PrometheusInfo>

/** `SubnetIdentityV3` (lib.rs:305). */
export const SubnetIdentityV3 = struct(
  'pallet_subtensor::pallet::SubnetIdentityV3',
  { subnetName: Bytes, githubRepo: Bytes, subnetContact: Bytes, subnetUrl: Bytes, discord: Bytes, description: Bytes, logoUrl: Bytes, additional: Bytes },
  { typeName: 'SubnetIdentityOfV3' },
)
export type SubnetIdentityV3 = ValueOf<typeof SubnetIdentityV3>

/** `ChainIdentityV2` (lib.rs:245): a coldkey's identity, in `IdentitiesV2`. */
export const ChainIdentityV2 = struct(
  'pallet_subtensor::pallet::ChainIdentityV2',
  { name: Bytes, url: Bytes, githubRepo: Bytes, image: Bytes, discord: Bytes, description: Bytes, additional: Bytes },
  { typeName: 'ChainIdentityOfV2' },
)
export type ChainIdentityV2 = ValueOf<typeof ChainIdentityV2>

/**
 * scale-info's `BTreeSet<T>`: a composite named `BTreeSet` over `[T]`. Encoded in ascending order without duplicates, and decoded
 * the way parity-scale-codec collects into a BTreeSet (sorted, duplicates dropped), so the TypeScript value is a sorted array.
 */
export function BTreeSet<T>(inner: Type<T>, compare: (a: T, b: T) => number, typeName = `BTreeSet<${inner.typeName}>`): Type<T[]> {
  const seq = Vec(inner)
  const normalize = (values: readonly T[]) => [...values].sort(compare).filter((v, i, all) => i === 0 || compare(all[i - 1]!, v) !== 0)
  return customType(
    createCodec((values: T[]) => seq.enc(normalize(values)), (bytes) => normalize(seq.codec.dec(bytes))),
    { path: ['BTreeSet'], params: [{ name: 'T', type: inner }], def: { tag: 'composite', value: [{ type: seq, docs: [] }] }, docs: [] },
    typeName,
  )
}

/** scale-info's `BTreeMap<K, V>`: a composite named `BTreeMap` over `[(K, V)]`, entries in ascending key order (the TypeScript value is that entry list). */
export function BTreeMap<K, V>(key: Type<K>, value: Type<V>, compare: (a: K, b: K) => number, typeName = `BTreeMap<${key.typeName}, ${value.typeName}>`): Type<Array<[K, V]>> {
  const seq = Vec(tuple(key, value)) as unknown as Type<Array<[K, V]>>
  const normalize = (entries: ReadonlyArray<[K, V]>) => [...entries].sort((a, b) => compare(a[0], b[0])).filter((e, i, all) => i === 0 || compare(all[i - 1]![0], e[0]) !== 0)
  return customType(
    createCodec((entries: Array<[K, V]>) => seq.enc(normalize(entries)), (bytes) => normalize(seq.codec.dec(bytes))),
    { path: ['BTreeMap'], params: [{ name: 'K', type: key }, { name: 'V', type: value }], def: { tag: 'composite', value: [{ type: seq, docs: [] }] }, docs: [] },
    typeName,
  )
}

const byNumber = (a: number, b: number) => a - b
/** `BTreeSet<NetUid>` (claim_root's argument, KeepSubnets' field). */
export const NetUidSet = BTreeSet(NetUid, byNumber, 'BTreeSet<NetUid>')
/** `BTreeMap<NetUid, I96F32>` (RootClaimable's value). */
export const NetUidI96F32Map = BTreeMap(NetUid, I96F32, byNumber, 'BTreeMap<NetUid, I96F32>')

/** `RootClaimTypeEnum` (lib.rs:341). */
export const RootClaimTypeEnum = enumType('pallet_subtensor::pallet::RootClaimTypeEnum', {
  Swap: { index: 0 },
  Keep: { index: 1 },
  KeepSubnets: { index: 2, fields: { subnets: NetUidSet } },
})
export type RootClaimTypeEnum = ValueOf<typeof RootClaimTypeEnum>

export const H160 = newtype('primitive_types::H160', byteArray(20))
/** `LeaseId = u32` (subnets/leasing.rs:30). */
export const LeaseId = withTypeName(u32, 'LeaseId')

/** The zero account (`DefaultAccount`, `DefaultSubnetOwner`: AccountId decoded from trailing zeroes). */
export const ZERO_ACCOUNT: AccountId = `0x${'00'.repeat(32)}`
