// pallet_sudo (pallet 12): one key that may dispatch root calls; on the devnet it is //Alice.
import type { Hex } from '../../primitives/types.ts'
import { AccountId } from '../../primitives/bittensor.ts'
import { MultiAddress } from '../../primitives/extrinsic.ts'
import { storageValue } from '../../primitives/storage.ts'
import { DispatchResult, Weight } from '../../primitives/substrate.ts'
import { Option } from '../../primitives/types.ts'
import { call, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { DispatchFailure, ROOT, dispatchError, ensureSigned, lookupAccount, signed, type DispatchContext, type NestedCall, type Origin } from '../../framework/dispatch.ts'
import { runtimeCallType, type AnyRuntime } from '../../framework/runtime.ts'
import { runtimeRef } from '../../runtimeRef.ts'
import { weight, reads, writes } from '../../config.ts'

const P = 'Sudo'
export const Key = storageValue(P, 'Key', { value: AccountId, optional: true, docs: ' The `AccountId` of the sudo key.' })

export const events = palletEvents(P, {
  Sudid: event(0, { sudoResult: DispatchResult }, 'A sudo call just took place.'),
  KeyChanged: event(1, { old: Option(AccountId), new: AccountId }, 'The sudo key has been updated.'),
  KeyRemoved: event(2, undefined, 'The key was permanently removed.'),
  SudoAsDone: event(3, { sudoResult: DispatchResult }, 'A [sudo_as](Pallet::sudo_as) call just took place.'),
})

const RuntimeCall = runtimeCallType((): AnyRuntime => runtimeRef())

function ensureSudo(ctx: DispatchContext, origin: Origin): Hex {
  const who = ensureSigned(origin)
  if (Key.get(ctx.storage) !== who) throw dispatchError(P, 'RequireSudo')
  return who
}


/** Runs the inner call; its failure is reported in the event, and the sudo extrinsic itself succeeds. */
function dispatchReporting(ctx: DispatchContext, origin: Origin, inner: NestedCall) {
  try {
    ctx.dispatch(origin, inner, { bypassFilter: origin.type === 'Root' })
    return { type: 'Ok' as const, value: undefined }
  } catch (e) {
    if (!(e instanceof DispatchFailure)) throw e
    return { type: 'Err' as const, value: runtimeRef().indexError(e.error) }
  }
}

const innerWeight = (call: NestedCall) => runtimeRef().dispatchInfo(call as never).weight
const plus = (a: { refTime: bigint; proofSize: bigint }, b: { refTime: bigint; proofSize: bigint }) => ({ refTime: a.refTime + b.refTime, proofSize: a.proofSize + b.proofSize })

export const Sudo = definePallet({
  name: P,
  index: 12,
  storage: { Key },
  calls: [
    call({
      index: 0,
      name: 'sudo',
      args: { call: RuntimeCall },
      weight: ({ call }) => plus(weight(10_729_000n + reads(1), 1_517n), innerWeight(call)),
      docs: 'Authenticates the sudo key and dispatches a function call with `Root` origin.',
      run: (ctx, origin, { call }) => {
        ensureSudo(ctx, origin)
        ctx.deposit(events.Sudid({ sudoResult: dispatchReporting(ctx, ROOT, call) }))
        return { paysFee: 'No' }
      },
    }),
    call({
      index: 1,
      name: 'sudo_unchecked_weight',
      args: { call: RuntimeCall, weight: Weight },
      weight: ({ weight: w }) => w,
      docs: 'Authenticates the sudo key and dispatches a function call with `Root` origin.\nThis function does not check the weight of the call, and instead allows the\nSudo user to specify the weight of the call.',
      run: (ctx, origin, { call }) => {
        ensureSudo(ctx, origin)
        ctx.deposit(events.Sudid({ sudoResult: dispatchReporting(ctx, ROOT, call) }))
        return { paysFee: 'No' }
      },
    }),
    call({
      index: 2,
      name: 'set_key',
      args: { new: MultiAddress },
      weight: weight(9_663_000n + reads(1) + writes(1), 1_517n),
      docs: 'Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo\nkey.',
      run: (ctx, origin, { new: address }) => {
        const old = ensureSudo(ctx, origin)
        const next = lookupAccount(address)
        Key.set(ctx.storage, next)
        ctx.deposit(events.KeyChanged({ old, new: next }))
        return { paysFee: 'No' }
      },
    }),
    call({
      index: 3,
      name: 'sudo_as',
      args: { who: MultiAddress, call: RuntimeCall },
      weight: ({ call }) => plus(weight(11_003_000n + reads(1), 1_517n), innerWeight(call)),
      docs: 'Authenticates the sudo key and dispatches a function call with `Signed` origin from\na given account.',
      run: (ctx, origin, { who, call }) => {
        ensureSudo(ctx, origin)
        ctx.deposit(events.SudoAsDone({ sudoResult: dispatchReporting(ctx, signed(lookupAccount(who)), call) }))
        return { paysFee: 'No' }
      },
    }),
    call({
      index: 4,
      name: 'remove_key',
      args: {},
      weight: weight(9_127_000n + reads(1) + writes(1), 1_517n),
      docs: 'Permanently removes the sudo key.\n\n**This cannot be un-done.**',
      run: (ctx, origin) => {
        ensureSudo(ctx, origin)
        Key.remove(ctx.storage)
        ctx.deposit(events.KeyRemoved())
        return { paysFee: 'No' }
      },
    }),
  ],
  events,
  errors: [error(0, 'RequireSudo', 'Sender must be the Sudo account.')],
  genesis: {
    default: { key: undefined as Hex | undefined },
    build: (storage, { key }) => {
      if (key) Key.set(storage, key)
    },
  },
})
