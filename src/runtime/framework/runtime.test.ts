// A runtime assembled from pallet declarations dispatches calls, reports module errors by index, builds genesis, and refuses inconsistent declarations.
import { describe, expect, expectTypeOf, test } from 'vitest'
import { MemoryStorage } from '../primitives/memoryStorage.ts'
import { storageValue } from '../primitives/storage.ts'
import { u32 } from '../primitives/types.ts'
import { DispatchFailure, ROOT, signed } from './dispatch.ts'
import type { DispatchContext, RuntimeEventLike } from './dispatch.ts'
import { Account, TotalIssuance, balancesEvents, demoRuntime } from './fixtures/demoRuntime.ts'
import { call, definePallet, error } from './pallet.ts'
import { defineRuntime } from './runtime.ts'
import type { ValueOf } from '../primitives/types.ts'

const ALICE: `0x${string}` = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'
const BOB: `0x${string}` = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48'

function context(): DispatchContext & { events: RuntimeEventLike[] } {
  const storage = new MemoryStorage()
  demoRuntime.buildGenesis(storage, { Balances: { balances: [[ALICE, 1_000n]] } })
  const events: RuntimeEventLike[] = []
  const ctx: DispatchContext & { events: RuntimeEventLike[] } = {
    storage,
    events,
    deposit: (e) => events.push(e),
    dispatch: (origin, call) => demoRuntime.dispatch(ctx, origin, call),
  }
  return ctx
}

type DemoCall = ValueOf<typeof demoRuntime.RuntimeCall>
const transfer = (to: `0x${string}`, value: bigint): DemoCall => ({ type: 'Balances', value: { type: 'transfer_allow_death', value: { dest: { type: 'Id', value: to }, value } } })

describe('dispatch', () => {
  test('a transfer moves balance and deposits the Balances.Transfer event', () => {
    const ctx = context()
    demoRuntime.dispatch(ctx, signed(ALICE), transfer(BOB, 300n))
    expect(Account.get(ctx.storage, ALICE).data.free).toBe(700n)
    expect(Account.get(ctx.storage, BOB).data.free).toBe(300n)
    expect(ctx.events).toEqual([balancesEvents.Transfer({ from: ALICE, to: BOB, amount: 300n })])
    expect(ctx.events[0]).toEqual({ type: 'Balances', value: { type: 'Transfer', value: { from: ALICE, to: BOB, amount: 300n } } })
    expect(() => demoRuntime.RuntimeEvent.enc(ctx.events[0] as never)).not.toThrow()
  })

  test('a failing call throws a named module error that indexes to ModuleError { 5, [2,0,0,0] }', () => {
    const ctx = context()
    const failure = (() => {
      try {
        demoRuntime.dispatch(ctx, signed(BOB), transfer(ALICE, 1n))
      } catch (e) {
        return e
      }
    })()
    expect(failure).toBeInstanceOf(DispatchFailure)
    expect((failure as DispatchFailure).message).toBe('Balances.InsufficientBalance')
    expect(demoRuntime.indexError((failure as DispatchFailure).error)).toEqual({ type: 'Module', value: { index: 5, error: '0x02000000' } })
    expect(demoRuntime.indexError({ type: 'BadOrigin' })).toEqual({ type: 'BadOrigin' })
    expect(() => demoRuntime.indexError({ type: 'Module', value: { pallet: 'Balances', error: 'NoSuchError' } })).toThrow(/no error Balances.NoSuchError/)
  })

  test('origins are checked', () => {
    expect(() => demoRuntime.dispatch(context(), ROOT, transfer(BOB, 1n))).toThrow(new DispatchFailure({ type: 'BadOrigin' }))
  })

  test('calls that carry calls decode and dispatch recursively', () => {
    const ctx = context()
    const batch: DemoCall = { type: 'Utility', value: { type: 'batch', value: { calls: [transfer(BOB, 1n), transfer(BOB, 2n)] } } }
    const bytes = demoRuntime.RuntimeCall.enc(batch)
    expect(demoRuntime.RuntimeCall.dec(bytes)).toEqual(batch)
    demoRuntime.dispatch(ctx, signed(ALICE), demoRuntime.RuntimeCall.dec(bytes))
    expect(Account.get(ctx.storage, BOB).data.free).toBe(3n)
  })

  test('dispatch info comes from the call row', () => {
    expect(demoRuntime.dispatchInfo(transfer(BOB, 1n))).toEqual({
      weight: { refTime: 50_000_000n, proofSize: 3_593n },
      class: { type: 'Normal' },
      paysFee: { type: 'Yes' },
    })
  })

  test('genesis writes each pallet, falling back to its declared default', () => {
    const storage = new MemoryStorage()
    demoRuntime.buildGenesis(storage, {})
    expect(TotalIssuance.get(storage)).toBe(0n)
    expect(TotalIssuance.get(context().storage)).toBe(1_000n)
  })

  test('the outer call type is derived from the pallets', () => {
    expectTypeOf<Extract<DemoCall, { type: 'Balances' }>['value']['type']>().toEqualTypeOf<'transfer_allow_death' | 'transfer_keep_alive'>()
    expectTypeOf<Extract<DemoCall, { type: 'System' }>['value']>().toEqualTypeOf<{ type: 'remark'; value: { remark: Uint8Array } }>()
  })
})

describe('declarations are checked', () => {
  const noop = () => {}
  const weight = { refTime: 0n, proofSize: 0n }

  test('call and error indices and names are unique within a pallet', () => {
    expect(() =>
      definePallet({ name: 'Demo', index: 1, calls: [call({ index: 0, name: 'a', args: {}, weight, run: noop }), call({ index: 0, name: 'b', args: {}, weight, run: noop })] }),
    ).toThrow(/Demo: call index 0 is declared twice/)
    expect(() => definePallet({ name: 'Demo', index: 1, errors: [error(0, 'A'), error(1, 'A')] })).toThrow(/Demo: error A is declared twice/)
  })

  test('storage items belong to the pallet that declares them', () => {
    const Elsewhere = storageValue('Other', 'Value', { value: u32 })
    expect(() => definePallet({ name: 'Demo', index: 1, storage: { Elsewhere } })).toThrow(/Other.Value belongs to another pallet/)
    expect(() => definePallet({ name: 'Demo', index: 1, storage: { DEFAULT_TEMPO: 360 as never } })).toThrow(/storage.DEFAULT_TEMPO is not a storage item/)
  })

  test('pallet indices are unique within a runtime', () => {
    const a = definePallet({ name: 'A', index: 3 })
    const b = definePallet({ name: 'B', index: 3 })
    expect(() => defineRuntime({ pallets: [a, b] })).toThrow(/share index 3/)
  })

  test('the pallet crate defaults to pallet_<snake_name>', () => {
    expect(definePallet({ name: 'AdminUtils', index: 19 }).crate).toBe('pallet_admin_utils')
    expect(definePallet({ name: 'System', index: 0, crate: 'frame_system' }).crate).toBe('frame_system')
  })
})
