// SubtensorModule genesis on the TestChain, read back through polkadot-js with the types our metadata declares: root netuid 0 and the dynamic netuid 1 of subtensor.md §11.
import { describe, expect, test } from 'vitest'
import { u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { TestChain } from '../../testing/chain.ts'
import { tao } from '../../primitives/bittensor.ts'
import type { AnyStorageItem } from '../../primitives/storage.ts'
import {
  Active, AlphaV2, BlockAtRegistration, BurnIncreaseMult, Emission, IsNetworkMember, Keys, LastUpdate, MaxAllowedUids, MaxAllowedValidators, MinAllowedWeights,
  NetworkRegistrationAllowed, NetworksAdded, Owner, StakingHotkeys, SubnetAlphaIn, SubnetAlphaOut, SubnetLocked, SubnetMechanism, SubnetOwner, SubnetOwnerHotkey,
  SubnetTAO, SubnetworkN, TargetRegistrationsPerInterval, Tempo, TokenSymbol, TotalHotkeyAlpha, TotalHotkeySharesV2, TotalIssuance, TotalNetworks, TotalStake,
  Uids, ValidatorPermit, ZERO_ACCOUNT,
} from './index.ts'

const c = new TestChain()

/** The raw value of `item` at `keys`, decoded by polkadot-js as the type our metadata gives that storage entry (its default when absent). */
function read(item: AnyStorageItem, ...keys: unknown[]) {
  const pallet = c.registry.metadata.pallets.find((p) => p.name.toString() === 'SubtensorModule')!
  const entry = pallet.storage.unwrap().items.find((i) => i.name.toString() === item.name)!
  const typeId = entry.type.isMap ? entry.type.asMap.value : entry.type.asPlain
  const raw = c.state.get(item.key(...keys))
  if (entry.modifier.isOptional && raw === undefined) return undefined
  return c.registry.createType(c.registry.createLookupType(typeId), raw ?? entry.fallback.toU8a(true))
}
const num = (item: AnyStorageItem, ...keys: unknown[]) => (read(item, ...keys) as unknown as { toNumber(): number }).toNumber()
const big = (item: AnyStorageItem, ...keys: unknown[]) => (read(item, ...keys) as unknown as { toBigInt(): bigint }).toBigInt()
const json = (item: AnyStorageItem, ...keys: unknown[]) => read(item, ...keys)?.toJSON()
const ZERO_SS58 = c.registry.createType('AccountId32', ZERO_ACCOUNT).toString()

describe('SubtensorModule genesis (§11)', () => {
  test('root network: netuid 0 added, tempo 100, 64 UIDs and validators, no weights minimum, 1 target registration, owned by the zero account', () => {
    expect(json(NetworksAdded, 0)).toBe(true)
    expect(num(Tempo, 0)).toBe(100)
    expect(num(MaxAllowedUids, 0)).toBe(64)
    expect(num(MaxAllowedValidators, 0)).toBe(64)
    expect(num(MinAllowedWeights, 0)).toBe(0)
    expect(num(TargetRegistrationsPerInterval, 0)).toBe(1)
    expect(json(NetworkRegistrationAllowed, 0)).toBe(true)
    expect(num(SubnetworkN, 0)).toBe(0)
    expect(num(SubnetMechanism, 0)).toBe(0)
    expect(read(SubnetOwner, 0)!.toString()).toBe(ZERO_SS58)
    expect(read(SubnetOwnerHotkey, 0)!.toString()).toBe(ZERO_SS58)
    expect(read(TokenSymbol, 0)!.toU8a(true)).toEqual(new Uint8Array([0xce, 0xa4])) // Τ
    expect(num(TotalNetworks)).toBe(2)
  })

  test('netuid 1: dynamic, tempo 100, 256 UIDs / 64 validators, pool 10 TAO / 10 alpha, 1 alpha outstanding', () => {
    expect(json(NetworksAdded, 1)).toBe(true)
    expect(num(SubnetMechanism, 1)).toBe(1)
    expect(num(Tempo, 1)).toBe(100)
    expect(num(MaxAllowedUids, 1)).toBe(256)
    expect(num(MaxAllowedValidators, 1)).toBe(64)
    expect(num(MinAllowedWeights, 1)).toBe(0)
    expect(big(SubnetTAO, 1)).toBe(tao(10))
    expect(big(SubnetAlphaIn, 1)).toBe(tao(10))
    expect(big(SubnetAlphaOut, 1)).toBe(tao(1))
    expect(big(SubnetLocked, 1)).toBe(1n)
    expect(read(SubnetOwner, 1)!.toString()).toBe(ZERO_SS58)
    expect(read(TokenSymbol, 1)!.toU8a(true)).toEqual(new Uint8Array([0xce, 0xb1])) // α
    // a netuid genesis does not create reads as the runtime defaults
    expect(json(NetworksAdded, 2)).toBe(false)
    expect(num(Tempo, 2)).toBe(360)
    expect(num(MaxAllowedUids, 2)).toBe(256)
    // U64F64::from_num(1.26): the f64 1.26 times 2^64, exactly
    const mult = (read(BurnIncreaseMult, 2) as unknown as { bits: { toBigInt(): bigint } }).bits.toBigInt()
    expect(mult).toBe(BigInt(1.26 * 2 ** 64))
    expect(mult).toBe(23_242_897_532_874_035_200n)
  })

  test('netuid 1 has the zero account as UID 0, staking 1 alpha to itself in the SafeFloat share pool', () => {
    expect(num(SubnetworkN, 1)).toBe(1)
    expect(num(Uids, 1, ZERO_ACCOUNT)).toBe(0)
    expect(read(Keys, 1, 0)!.toString()).toBe(ZERO_SS58)
    expect(read(Owner, ZERO_ACCOUNT)!.toString()).toBe(ZERO_SS58)
    expect(json(IsNetworkMember, ZERO_ACCOUNT, 1)).toBe(true)
    expect(big(BlockAtRegistration, 1, 0)).toBe(0n)
    expect(json(Active, 1)).toEqual([true])
    expect(json(ValidatorPermit, 1)).toEqual([false])
    expect(json(Emission, 1)).toEqual([0])
    expect(json(LastUpdate, 1)).toEqual([0])
    expect(big(TotalHotkeyAlpha, ZERO_ACCOUNT, 1)).toBe(tao(1))
    // SafeFloat::from(1_000_000_000): mantissa normalized into (1e20, 1e21]
    const share = read(AlphaV2, ZERO_ACCOUNT, ZERO_ACCOUNT, 1) as unknown as { mantissa: { toBigInt(): bigint }; exponent: { toNumber(): number }; toJSON(): unknown }
    expect([share.mantissa.toBigInt(), share.exponent.toNumber()]).toEqual([10n ** 21n, -12])
    expect(json(TotalHotkeySharesV2, ZERO_ACCOUNT, 1)).toEqual(share.toJSON())
    expect(read(StakingHotkeys, ZERO_ACCOUNT)!.toJSON()).toEqual([ZERO_SS58])
    expect(Uids.get(c.state as never, 1, `0x${'01'.repeat(32)}`)).toBeUndefined()
  })

  test('issuance: SubtensorModule.TotalIssuance starts at the balances issuance; the genesis pool is not counted (TotalStake 0), as in subtensor', () => {
    expect(big(TotalIssuance)).toBe(c.totalIssuance())
    expect(c.totalIssuance()).toBe(tao(2_002_000))
    expect(big(TotalStake)).toBe(0n)
  })

  test('pinned storage keys', () => {
    // twox128("SubtensorModule") ++ twox128("Tempo") ++ Identity(1u16)
    expect(u8aToHex(Tempo.key(1))).toBe('0x658faa385070e074c85bf6b568cf05557641384bb339f3758acddfd7053d33170100')
    // twox128("SubtensorModule") ++ twox128("TotalHotkeyAlpha") ++ blake2_128(hot) ++ hot ++ Identity(1u16)
    const hot = ZERO_ACCOUNT.slice(2)
    expect(u8aToHex(TotalHotkeyAlpha.key(ZERO_ACCOUNT, 1))).toBe(`0x658faa385070e074c85bf6b568cf0555ee25c3b5b1886863480497907f1829e6${blake2AsHex(`0x${hot}`, 128).slice(2)}${hot}0100`)
    expect(u8aToHex(TotalHotkeyAlpha.key(ZERO_ACCOUNT, 1))).toBe(
      '0x658faa385070e074c85bf6b568cf0555ee25c3b5b1886863480497907f1829e6ff0f22492f44bac4c4b30ae58d0e8daa00000000000000000000000000000000000000000000000000000000000000000100',
    )
  })
})
