// The type DSL's codecs agree with @polkadot/types byte for byte, decode strictly, and derive FRAME's default encodings.
import { TypeRegistry } from '@polkadot/types'
import { u8aToHex } from '@polkadot/util'
import { describe, expect, expectTypeOf, test } from 'vitest'
import { AccountId, NetUid, TaoBalance, tao } from './bittensor.ts'
import { Era, MultiAddress } from './extrinsic.ts'
import type { Era as EraValue } from './extrinsic.ts'
import { AccountInfo, DigestItem, DispatchError, DispatchInfo, Header, Phase, Weight } from './substrate.ts'
import { Bytes, Option, Result, Vec, array, byteArray, compact, defaultEncoding, enumType, struct, tuple, u128, u16, u32, u64, u8, unit } from './types.ts'
import type { ValueOf } from './types.ts'

const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'
const pjs = new TypeRegistry()
const hex = (bytes: Uint8Array) => u8aToHex(bytes)

describe('codecs match @polkadot/types', () => {
  test.each([
    ['u16', u16, 513, 'u16', 513],
    ['Compact<u32>', compact(u32), 1_000_000, 'Compact<u32>', 1_000_000],
    ['Compact<u64>', compact(u64), 2n ** 40n, 'Compact<u64>', 2n ** 40n],
    ['Option<u32> (None)', Option(u32), undefined, 'Option<u32>', null],
    ['Option<u32> (Some)', Option(u32), 7, 'Option<u32>', 7],
    ['Vec<u16>', Vec(u16), [1, 2, 3], 'Vec<u16>', [1, 2, 3]],
    ['Bytes', Bytes, new Uint8Array([1, 2, 3]), 'Bytes', '0x010203'],
    ['(u8, u128)', tuple(u8, u128), [1, 2n], '(u8, u128)', [1, 2n]],
    ['[u16; 2]', array(u16, 2), [7, 8], '[u16; 2]', [7, 8]],
  ] as const)('%s', (_, type, value, pjsType, pjsValue) => {
    const ours = (type as { enc(v: unknown): Uint8Array }).enc(value)
    expect(hex(ours)).toBe(hex(pjs.createType(pjsType, pjsValue).toU8a()))
    expect((type as { dec(b: Uint8Array): unknown }).dec(ours)).toEqual(value)
  })

  test('struct fields are encoded in declaration order under snake_case names', () => {
    const weight = { refTime: 5_000_000n, proofSize: 1_024n }
    expect(hex(Weight.enc(weight))).toBe(pjs.createType('WeightV2', weight).toHex())
    const info: ValueOf<typeof DispatchInfo> = { weight, class: { type: 'Operational' }, paysFee: { type: 'No' } }
    const theirs = pjs.createType('{"weight":"WeightV2","class":"DispatchClass","paysFee":"Pays"}', { weight, class: 'Operational', paysFee: 'No' })
    expect(hex(DispatchInfo.enc(info))).toBe(theirs.toHex())
    expect(Weight.info.def).toMatchObject({ tag: 'composite', value: [{ name: 'ref_time' }, { name: 'proof_size' }] })
  })

  test('enums encode their explicit indices, including gaps', () => {
    const item: ValueOf<typeof DigestItem> = { type: 'PreRuntime', value: ['0x61757261', new Uint8Array([1, 2])] }
    expect(hex(DigestItem.enc(item))).toBe('0x06617572610801' + '02')
    expect(DigestItem.dec(DigestItem.enc(item))).toEqual(item)
    expect(hex(DigestItem.enc({ type: 'RuntimeEnvironmentUpdated' }))).toBe('0x08')
    const failed: ValueOf<typeof DispatchError> = { type: 'Module', value: { index: 5, error: '0x02000000' } }
    expect(hex(DispatchError.enc(failed))).toBe(pjs.createType('DispatchError', { Module: { index: 5, error: '0x02000000' } }).toHex())
    expect(hex(MultiAddress.enc({ type: 'Id', value: ALICE }))).toBe(pjs.createType('MultiAddress', { Id: ALICE }).toHex())
  })

  test('the header hashes its number as Compact<u32>', () => {
    const header: ValueOf<typeof Header> = {
      parentHash: `0x${'11'.repeat(32)}`,
      number: 300,
      stateRoot: `0x${'22'.repeat(32)}`,
      extrinsicsRoot: `0x${'33'.repeat(32)}`,
      digest: { logs: [{ type: 'Seal', value: ['0x61757261', new Uint8Array([9])] }] },
    }
    const theirs = pjs.createType('Header', { ...header, digest: { logs: [{ Seal: ['0x61757261', '0x09'] }] } })
    expect(hex(Header.enc(header))).toBe(theirs.toHex())
    expect(Header.dec(theirs.toU8a())).toEqual(header)
  })

  test('Result is an enum with Ok and Err', () => {
    const R = Result(unit, DispatchError)
    expect(hex(R.enc({ type: 'Ok', value: undefined }))).toBe('0x00')
    expect(R.dec('0x0102')).toEqual({ type: 'Err', value: { type: 'BadOrigin', value: undefined } })
  })
})

describe('Era', () => {
  test.each([
    [{ type: 'Immortal' } as EraValue, 0, 0],
    [{ type: 'Mortal', value: { period: 64, phase: 42 } } as EraValue, 64, 42],
    [{ type: 'Mortal', value: { period: 4096, phase: 1000 } } as EraValue, 4096, 1000],
    [{ type: 'Mortal', value: { period: 65536, phase: 65520 } } as EraValue, 65536, 65520],
  ])('%j encodes as polkadot-js does', (era, period, phase) => {
    const theirs = era.type === 'Immortal' ? pjs.createType('ExtrinsicEra', new Uint8Array([0])) : pjs.createType('ExtrinsicEra', { current: phase, period })
    expect(hex(Era.enc(era))).toBe(theirs.toHex())
    expect(Era.dec(theirs.toU8a())).toEqual(era)
  })

  test('is a 256-variant enum in metadata and refuses invalid encodings', () => {
    expect(Era.info.def.tag === 'variant' && Era.info.def.value.length).toBe(256)
    expect(() => Era.dec('0x1000')).toThrow(/invalid mortal era: period 2/)
    expect(() => Era.dec('0x4100')).toThrow(/invalid mortal era: period 4, phase 4/)
    expect(() => Era.enc({ type: 'Mortal', value: { period: 100, phase: 1 } })).toThrow(/power of two/)
  })
})

describe('strict decoding', () => {
  test('rejects trailing bytes and truncated input', () => {
    expect(() => u32.dec('0x0100000000')).toThrow(/1 trailing bytes/)
    expect(() => u32.dec('0x010000')).toThrow()
    expect(() => Bytes.dec('0x0c0102')).toThrow(/too short/)
  })

  test('decodes views into larger buffers', () => {
    const buffer = new Uint8Array([0xff, 0xff, 0x2a, 0x00, 0xff])
    expect(u16.dec(buffer.subarray(2, 4))).toBe(42)
  })

  test('refuses unknown variants, wrong byte lengths and impossible Vec lengths', () => {
    expect(() => Phase.dec('0x07')).toThrow(/unknown variant index 7/)
    expect(() => Phase.enc({ type: 'Finalisation' } as never)).toThrow(/unknown variant "Finalisation"/)
    expect(() => byteArray(32).enc('0x1234')).toThrow(/expected 32 bytes/)
    expect(() => Vec(u32).dec('0xfeffffff')).toThrow(/exceeds/)
    expect(() => Option(u8).dec('0x0201')).toThrow(/invalid Option tag/)
  })
})

describe('derived types and defaults', () => {
  test('TypeScript types come from the codecs', () => {
    expectTypeOf<ValueOf<typeof NetUid>>().toEqualTypeOf<number>()
    expectTypeOf<ValueOf<typeof TaoBalance>>().toEqualTypeOf<bigint>()
    expectTypeOf<ValueOf<typeof AccountId>>().toEqualTypeOf<`0x${string}`>()
    expectTypeOf<ValueOf<typeof Phase>>().toEqualTypeOf<{ type: 'ApplyExtrinsic'; value: number } | { type: 'Finalization'; value?: undefined } | { type: 'Initialization'; value?: undefined }>()
    const Demo = enumType('demo::Demo', { Unit: { index: 0 }, One: { index: 1, fields: u8 }, Pair: { index: 2, fields: [u8, u16] }, Named: { index: 3, fields: { netuid: NetUid } } })
    expectTypeOf<ValueOf<typeof Demo>>().toEqualTypeOf<
      { type: 'Unit'; value?: undefined } | { type: 'One'; value: number } | { type: 'Pair'; value: [number, number] } | { type: 'Named'; value: { netuid: number } }
    >()
    const Pair = struct('demo::Pair', { hotkey: AccountId, stake: TaoBalance })
    expectTypeOf<ValueOf<typeof Pair>>().toEqualTypeOf<{ hotkey: `0x${string}`; stake: bigint }>()
  })

  test('default encodings follow Default::default()', () => {
    // nonce, consumers, providers, sufficients; free, reserved, frozen; flags = IS_NEW_LOGIC (1 << 127), little-endian
    expect(hex(defaultEncoding(AccountInfo) as Uint8Array)).toBe(`0x${'00'.repeat(16 + 3 * 8 + 15)}80`)
    expect(hex(defaultEncoding(Weight) as Uint8Array)).toBe('0x0000')
    expect(hex(defaultEncoding(Option(Phase)) as Uint8Array)).toBe('0x00')
    expect(defaultEncoding(Phase)).toBeUndefined()
  })

  test('tao() converts exactly', () => {
    expect(tao(1000)).toBe(1_000_000_000_000n)
    expect(tao('0.000000001')).toBe(1n)
    expect(() => tao('1.0000000001')).toThrow(/at most 9 decimals/)
  })
})
