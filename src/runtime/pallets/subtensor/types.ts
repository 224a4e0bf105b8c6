// SubtensorModule's own SCALE types: substrate-fixed numbers as `{ bits }`, SafeFloat share values, axon/prometheus endpoints, subnet identity.
import { AccountId, NetUid } from '../../primitives/bittensor.ts'
import { Bytes, Vec, byteArray, enumType, i128, i64, newtype, struct, u128, u16, u32, u64, u8, withTypeName } from '../../primitives/types.ts'
import type { ValueOf } from '../../primitives/types.ts'

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

/** `RootClaimTypeEnum` (lib.rs:341). */
export const RootClaimTypeEnum = enumType('pallet_subtensor::pallet::RootClaimTypeEnum', {
  Swap: { index: 0 },
  Keep: { index: 1 },
  KeepSubnets: { index: 2, fields: { subnets: withTypeName(Vec(NetUid), 'BTreeSet<NetUid>') } },
})

export const H160 = newtype('primitive_types::H160', byteArray(20))
/** `LeaseId = u32` (subnets/leasing.rs:30). */
export const LeaseId = withTypeName(u32, 'LeaseId')

/** The zero account (`DefaultAccount`, `DefaultSubnetOwner`: AccountId decoded from trailing zeroes). */
export const ZERO_ACCOUNT: AccountId = `0x${'00'.repeat(32)}`
