// subtensor's Utility pallet (pallet 11): batch, batch_all, force_batch, as_derivative, with_weight and if_else over nested calls.
import type { Hex } from '../../primitives/types.ts'
import { blake2AsHex } from '@polkadot/util-crypto'
import { stringToU8a, u8aConcat, hexToU8a } from '@polkadot/util'
import { DispatchError, Weight } from '../../primitives/substrate.ts'
import { DispatchResult } from '../../primitives/substrate.ts'
import { Vec, u16, u32 } from '../../primitives/types.ts'
import { call, constant, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { DispatchFailure, dispatchError, ensureRoot, signed, type DispatchContext, type NestedCall, type Origin } from '../../framework/dispatch.ts'
import { runtimeCallType, type AnyRuntime } from '../../framework/runtime.ts'
import { runtimeRef } from '../../runtimeRef.ts'
import { BATCHED_CALLS_LIMIT, weight, reads } from '../../config.ts'
import type { Weight as WeightValue } from '../../primitives/substrate.ts'

const P = 'Utility'
const RuntimeCall = runtimeCallType((): AnyRuntime => runtimeRef())

export const events = palletEvents(P, {
  BatchInterrupted: event(0, { index: u32, error: DispatchError }, 'Batch of dispatches did not complete fully. Index of first failing dispatch given, as\nwell as the error.'),
  BatchCompleted: event(1, undefined, 'Batch of dispatches completed fully with no error.'),
  BatchCompletedWithErrors: event(2, undefined, 'Batch of dispatches completed but has errors.'),
  ItemCompleted: event(3, undefined, 'A single item within a Batch of dispatches has completed with no error.'),
  ItemFailed: event(4, { error: DispatchError }, 'A single item within a Batch of dispatches has completed with error.'),
  DispatchedAs: event(5, { result: DispatchResult }, 'A call was dispatched.'),
  IfElseMainSuccess: event(6, undefined, 'Main call was dispatched.'),
  IfElseFallbackCalled: event(7, { mainError: DispatchError }, 'The fallback call was dispatched.'),
})

// Weights: subtensor pallets/utility/src/weights.rs (per call c) plus the inner calls' weights.
const sum = (ws: WeightValue[]) => ws.reduce((a, b) => ({ refTime: a.refTime + b.refTime, proofSize: a.proofSize + b.proofSize }), { refTime: 0n, proofSize: 0n })
const innerWeights = (calls: NestedCall[]) => sum(calls.map((c) => runtimeRef().dispatchInfo(c as never).weight))
const batchWeight = (base: bigint, perCall: bigint) => ({ calls }: { calls: NestedCall[] }) =>
  sum([weight(base + perCall * BigInt(calls.length) + reads(2), 3_983n), innerWeights(calls)])

function indexed(e: DispatchFailure) {
  return runtimeRef().indexError(e.error)
}

/** Dispatches one inner call from `origin`: root bypasses the call filter, as in FRAME. */
function dispatchInner(ctx: DispatchContext, origin: Origin, inner: NestedCall) {
  return ctx.dispatch(origin, inner, { bypassFilter: origin.type === 'Root' })
}

function ensureSomeOrigin(origin: Origin) {
  if (origin.type === 'None') throw new DispatchFailure({ type: 'BadOrigin' })
}

function ensureLimit(calls: NestedCall[]) {
  if (calls.length > BATCHED_CALLS_LIMIT) throw dispatchError(P, 'TooManyCalls')
}

/** `blake2_256(("modlpy/utilisuba", who, index).encode())`: the account `as_derivative` acts as. */
export function derivativeAccount(who: Hex, index: number): Hex {
  const idx = new Uint8Array(2)
  new DataView(idx.buffer).setUint16(0, index, true)
  return blake2AsHex(u8aConcat(stringToU8a('modlpy/utilisuba'), hexToU8a(who), idx), 256) as Hex
}

const BATCH_CALLS = new Set(['batch', 'batch_all', 'force_batch'])
/** subtensor's NoNestingCallFilter: a batch may not directly contain another batch. */
export function isNestedBatch(call: NestedCall): boolean {
  if (call.type !== P || !BATCH_CALLS.has(call.value.type)) return false
  const inner = (call.value.value as { calls: NestedCall[] }).calls
  return inner.some((c) => c.type === P && BATCH_CALLS.has(c.value.type))
}

export const Utility = definePallet({
  name: P,
  index: 11,
  crate: 'pallet_subtensor_utility',
  calls: [
    call({
      index: 0,
      name: 'batch',
      args: { calls: Vec(RuntimeCall) },
      weight: batchWeight(19_446_696n, 5_450_264n),
      docs: 'Send a batch of dispatch calls.\n\nMay be called from any origin except `None`.\n\nThis will return `Ok` in all circumstances. To determine the success of the batch, an\nevent is deposited. If a call failed and the batch was interrupted, then the\n`BatchInterrupted` event is deposited, along with the number of successful calls made\nand the error of the failed call. If all were successful, then the `BatchCompleted`\nevent is deposited.',
      run: (ctx, origin, { calls }) => {
        ensureSomeOrigin(origin)
        ensureLimit(calls)
        for (const [index, inner] of calls.entries()) {
          try {
            dispatchInner(ctx, origin, inner)
          } catch (e) {
            if (!(e instanceof DispatchFailure)) throw e
            ctx.deposit(events.BatchInterrupted({ index, error: indexed(e) }))
            return
          }
          ctx.deposit(events.ItemCompleted())
        }
        ctx.deposit(events.BatchCompleted())
      },
    }),
    call({
      index: 1,
      name: 'as_derivative',
      args: { index: u16, call: RuntimeCall },
      weight: ({ call: inner }) => sum([weight(15_378_000n + reads(2), 3_983n), innerWeights([inner])]),
      docs: 'Send a call through an indexed pseudonym of the sender.',
      run: (ctx, origin, { index, call: inner }) => {
        if (origin.type !== 'Signed') throw new DispatchFailure({ type: 'BadOrigin' })
        dispatchInner(ctx, signed(derivativeAccount(origin.value, index)), inner)
      },
    }),
    call({
      index: 2,
      name: 'batch_all',
      args: { calls: Vec(RuntimeCall) },
      weight: batchWeight(13_428_230n, 5_663_250n),
      docs: 'Send a batch of dispatch calls and atomically execute them.\nThe whole transaction will rollback and fail if any of the calls failed.',
      run: (ctx, origin, { calls }) => {
        ensureSomeOrigin(origin)
        ensureLimit(calls)
        for (const inner of calls) {
          if (origin.type !== 'Root' && inner.type === P && inner.value.type === 'batch_all') throw new DispatchFailure({ type: 'Module', value: { pallet: 'System', error: 'CallFiltered' } })
          // A failure propagates: the executive rolls back the whole batch.
          dispatchInner(ctx, origin, inner)
        }
        ctx.deposit(events.BatchCompleted())
      },
    }),
    call({
      index: 4,
      name: 'force_batch',
      args: { calls: Vec(RuntimeCall) },
      weight: batchWeight(12_134_867n, 5_477_293n),
      docs: 'Send a batch of dispatch calls.\nUnlike `batch`, it allows errors and won\'t interrupt.',
      run: (ctx, origin, { calls }) => {
        ensureSomeOrigin(origin)
        ensureLimit(calls)
        let failed = false
        for (const inner of calls) {
          try {
            dispatchInner(ctx, origin, inner)
            ctx.deposit(events.ItemCompleted())
          } catch (e) {
            if (!(e instanceof DispatchFailure)) throw e
            failed = true
            ctx.deposit(events.ItemFailed({ error: indexed(e) }))
          }
        }
        ctx.deposit(failed ? events.BatchCompletedWithErrors() : events.BatchCompleted())
      },
    }),
    call({
      index: 5,
      name: 'with_weight',
      args: { call: RuntimeCall, weight: Weight },
      weight: ({ weight: w }) => w,
      docs: 'Dispatch a function call with a specified weight.\n\nRoot origin to specify the weight of the call.',
      run: (ctx, origin, { call: inner }) => {
        ensureRoot(origin)
        dispatchInner(ctx, origin, inner)
      },
    }),
    call({
      index: 6,
      name: 'if_else',
      args: { main: RuntimeCall, fallback: RuntimeCall },
      weight: ({ main, fallback }) => sum([weight(21_831_000n + reads(2), 3_983n), innerWeights([main, fallback])]),
      docs: 'Dispatch a fallback call in the event the main call fails to execute.',
      run: (ctx, origin, { main, fallback }) => {
        ensureSomeOrigin(origin)
        try {
          dispatchInner(ctx, origin, main)
        } catch (e) {
          if (!(e instanceof DispatchFailure)) throw e
          ctx.deposit(events.IfElseFallbackCalled({ mainError: indexed(e) }))
          dispatchInner(ctx, origin, fallback)
          return
        }
        ctx.deposit(events.IfElseMainSuccess())
      },
    }),
  ],
  events,
  errors: [
    error(0, 'TooManyCalls', 'Too many calls batched.'),
    error(1, 'InvalidDerivedAccount', 'Bad input data for derived account ID'),
  ],
  constants: {
    batched_calls_limit: constant(u32, BATCHED_CALLS_LIMIT, ' The limit on the number of batched calls.'),
  },
})
