// Storage keys are FRAME's (pinned hex, recomputed with @polkadot/util-crypto), and items read, write, default and iterate as FRAME's do.
import { u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { AccountId, NetUid, TaoBalance } from './bittensor.ts'
import { MemoryStorage } from './memoryStorage.ts'
import { storageMap, storageValue } from './storage.ts'
import { AccountInfo, Phase } from './substrate.ts'
import { u16, u32, u64 } from './types.ts'
import type { ValueOf } from './types.ts'

const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'
const BOB = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48'
const twox128 = (s: string) => xxhashAsU8a(s, 128)
const hex = (bytes: Uint8Array) => u8aToHex(bytes)

const Account = storageMap('System', 'Account', { key: [[AccountId, 'Blake2_128Concat']], value: AccountInfo })
const Number = storageValue('System', 'Number', { value: u32 })
const TotalIssuance = storageValue('Balances', 'TotalIssuance', { value: u64 })
const BlockHash = storageMap('System', 'BlockHash', { key: [[u32, 'Twox64Concat']], value: u64 })
const Tempo = storageMap('SubtensorModule', 'Tempo', { key: [[NetUid, 'Identity']], value: u16, default: () => 360 })
const Stake = storageMap('Test', 'Stake', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: TaoBalance })
const Owner = storageMap('Test', 'Owner', { key: [[NetUid, 'Twox64Concat']], value: AccountId, optional: true })
const Hashed = storageMap('Test', 'Hashed', { key: [[AccountId, 'Blake2_256']], value: u32 })

describe('storage keys', () => {
  test('pinned: System.Account(//Alice), System.Number, Balances.TotalIssuance', () => {
    expect(hex(Account.key(ALICE))).toBe(
      '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    )
    expect(hex(Number.key())).toBe('0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac')
    expect(hex(TotalIssuance.key())).toBe('0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80')
  })

  test('each hasher agrees with xxhash and blake2 from @polkadot/util-crypto', () => {
    expect(Account.key(ALICE)).toEqual(u8aConcat(twox128('System'), twox128('Account'), blake2AsU8a(ALICE, 128), ALICE))
    const n = new Uint8Array([7, 0, 0, 0])
    expect(BlockHash.key(7)).toEqual(u8aConcat(twox128('System'), twox128('BlockHash'), xxhashAsU8a(n, 64), n))
    expect(Tempo.key(3)).toEqual(u8aConcat(twox128('SubtensorModule'), twox128('Tempo'), new Uint8Array([3, 0])))
    expect(Stake.key(1, BOB)).toEqual(u8aConcat(twox128('Test'), twox128('Stake'), new Uint8Array([1, 0]), blake2AsU8a(BOB, 128), BOB))
    expect(Hashed.key(ALICE)).toEqual(u8aConcat(twox128('Test'), twox128('Hashed'), blake2AsU8a(ALICE, 256)))
  })

  test('a key of the wrong arity is refused', () => {
    expect(() => (Stake.key as (...k: unknown[]) => Uint8Array)(1)).toThrow(/takes 2 key\(s\), got 1/)
  })
})

describe('reads and writes', () => {
  test('ValueQuery items return their default; OptionQuery items return undefined', () => {
    const s = new MemoryStorage()
    expect(Tempo.get(s, 1)).toBe(360)
    expect(Account.get(s, ALICE).data.free).toBe(0n)
    expect(Owner.get(s, 1)).toBeUndefined()
    expect(Tempo.contains(s, 1)).toBe(false)
    expect(hex(Tempo.fallback)).toBe('0x6801')
    expect(hex(Owner.fallback)).toBe('0x00')
    expectTypeOf(Owner.get(s, 1)).toEqualTypeOf<`0x${string}` | undefined>()
    expectTypeOf<ValueOf<typeof Tempo>>().toEqualTypeOf<number>()
  })

  test('set, mutate, take and remove', () => {
    const s = new MemoryStorage()
    Tempo.set(s, 1, 99)
    expect(Tempo.get(s, 1)).toBe(99)
    expect(hex(s.get(Tempo.key(1)) as Uint8Array)).toBe('0x6300')
    expect(Tempo.mutate(s, 1, (t) => t + 1)).toBe(100)
    expect(Tempo.take(s, 1)).toBe(100)
    expect(Tempo.contains(s, 1)).toBe(false)
    Owner.set(s, 4, ALICE)
    Owner.mutate(s, 4, () => undefined)
    expect(Owner.contains(s, 4)).toBe(false)
    Owner.set(s, 4, BOB)
    Owner.remove(s, 4)
    expect(s.size).toBe(0)
  })

  test('entries and clear walk a prefix in key order and decode the keys', () => {
    const s = new MemoryStorage()
    Stake.set(s, 1, ALICE, 10n)
    Stake.set(s, 1, BOB, 20n)
    Stake.set(s, 2, ALICE, 30n)
    Tempo.set(s, 1, 5)
    expect(Stake.entries(s, 1).sort(([a], [b]) => a[1].localeCompare(b[1]))).toEqual([
      [[1, BOB], 20n],
      [[1, ALICE], 10n],
    ])
    expect(Stake.entries(s)).toHaveLength(3)
    expect(Stake.entries(s, 2, ALICE)).toEqual([[[2, ALICE], 30n]])
    expect(Stake.clear(s, 1)).toBe(2)
    expect(Stake.entries(s)).toEqual([[[2, ALICE], 30n]])
    expect(Tempo.get(s, 1)).toBe(5)
  })

  test('keys hashed without their preimage cannot be iterated', () => {
    const s = new MemoryStorage()
    Hashed.set(s, ALICE, 1)
    expect(() => Hashed.entries(s)).toThrow(/Blake2_256 cannot be decoded/)
  })

  test('a value without a zero needs a declared default or optional', () => {
    expect(() => storageValue('Test', 'Phase', { value: Phase })).toThrow(/declare `default` or `optional: true`/)
    expect(hex(storageValue('Test', 'Phase', { value: Phase, default: { type: 'Initialization' } }).fallback)).toBe('0x02')
  })
})
