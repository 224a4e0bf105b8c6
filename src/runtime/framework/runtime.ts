// A runtime assembled from pallets at fixed indices: the RuntimeCall/RuntimeEvent/RuntimeError outer enums, call dispatch, dispatch info, error indexing and genesis.
import { enumType, lazy, struct, withTypeName } from '../primitives/types.ts'
import type { AnyType, Type } from '../primitives/types.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import type { DispatchError, DispatchInfo } from '../primitives/substrate.ts'
import type { DispatchContext, DispatchErrorRef, Origin, PostDispatchInfo, RuntimeEventLike } from './dispatch.ts'
import type { AnyCall, AnyPallet, AnyPalletEvents, ArgsValue, CallDef, Pallet, PalletEventValue, PalletEvents } from './pallet.ts'

type CallValue<C> = C extends CallDef<infer N, infer A> ? { type: N; value: ArgsValue<A> } : never
type PalletCall<X> = X extends Pallet<infer N, infer C, infer _E, infer _G> ? ([C[number]] extends [never] ? never : { type: N; value: CallValue<C[number]> }) : never
type EventsValue<E> = E extends PalletEvents<infer P, infer D> ? { [K in keyof D & string]: PalletEventValue<P, K, D[K]> }[keyof D & string] : E extends AnyPalletEvents ? RuntimeEventLike : never
type PalletEvent<X> = X extends Pallet<infer _N, infer _C, infer E, infer _G> ? EventsValue<E> : never
type PalletGenesis<X> = X extends Pallet<infer N, infer _C, infer _E, infer G> ? { [K in N]?: G } : never
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** `{ type: 'Balances', value: { type: 'transfer_allow_death', value: { dest, value } } }` */
export type RuntimeCallOf<P extends readonly AnyPallet[]> = PalletCall<P[number]>
export type RuntimeEventOf<P extends readonly AnyPallet[]> = PalletEvent<P[number]>
/** Per pallet name, that pallet's genesis config (its declared default when omitted). */
export type GenesisConfigOf<P extends readonly AnyPallet[]> = UnionToIntersection<PalletGenesis<P[number]>>
/** A RuntimeCall with its payload erased: what calls that carry calls (`Utility.batch`, `Sudo.sudo`) hold. */
export type RuntimeCallLike = { readonly type: string; readonly value: { readonly type: string; readonly value: unknown } }
export type RuntimeErrorValue = { type: string; value: { type: string; value?: undefined } }

export interface Runtime<P extends readonly AnyPallet[]> {
  /** The runtime crate, for type paths (`node_subtensor_runtime::RuntimeCall`). */
  readonly crate: string
  /** In index order. */
  readonly pallets: readonly AnyPallet[]
  pallet(name: string): AnyPallet | undefined
  readonly RuntimeCall: Type<RuntimeCallOf<P>>
  readonly RuntimeEvent: Type<RuntimeEventOf<P>>
  readonly RuntimeError: Type<RuntimeErrorValue>
  /** `<crate>::Runtime`, the empty struct metadata names as the runtime type. */
  readonly Runtime: AnyType
  /** Runs the call's dispatchable; throws `DispatchFailure` when it fails. */
  dispatch(ctx: DispatchContext, origin: Origin, call: RuntimeCallLike): PostDispatchInfo | void
  /** The declared weight, class and fee payment of a call. */
  dispatchInfo(call: RuntimeCallLike): DispatchInfo
  /** Turns a named module error into the indexed `ModuleError { index, error }` clients decode. */
  indexError(error: DispatchErrorRef): DispatchError
  /** Writes every pallet's genesis state, in index order. */
  buildGenesis(storage: StorageBackend, config: GenesisConfigOf<P>): void
}

/** Assembles a runtime; pallet names and indices must be unique. */
export function defineRuntime<const P extends readonly AnyPallet[]>(options: { readonly pallets: P; readonly crate?: string }): Runtime<P> {
  const crate = options.crate ?? 'node_subtensor_runtime'
  const pallets = [...options.pallets].sort((a, b) => a.index - b.index)
  const byName = new Map<string, AnyPallet>()
  for (const [i, p] of pallets.entries()) {
    if (byName.has(p.name)) throw new Error(`pallet ${p.name} is declared twice`)
    if (i > 0 && pallets[i - 1]?.index === p.index) throw new Error(`pallets ${pallets[i - 1]?.name} and ${p.name} share index ${p.index}`)
    byName.set(p.name, p)
  }
  const outer = (kind: 'Call' | 'Event' | 'Error', typeName: (p: AnyPallet) => string) =>
    enumType(
      `${crate}::Runtime${kind}`,
      Object.fromEntries(pallets.flatMap((p) => (p[kind] ? [[p.name, { index: p.index, fields: withTypeName(p[kind] as AnyType, typeName(p)) }]] : []))),
    )
  const RuntimeCall = outer('Call', (p) => `dispatch::CallableCallFor<${p.name}, Runtime>`) as AnyType
  const RuntimeEvent = outer('Event', (p) => `${p.crate}::Event<Runtime>`) as AnyType
  const RuntimeError = outer('Error', (p) => `${p.crate}::Error<Runtime>`) as AnyType

  const rowOf = (call: RuntimeCallLike): AnyCall => {
    const row = byName.get(call.type)?.callByName.get(call.value.type)
    if (!row) throw new Error(`no call ${call.type}.${call.value.type} in this runtime`)
    return row
  }

  return {
    crate,
    pallets,
    pallet: (name) => byName.get(name),
    RuntimeCall,
    RuntimeEvent,
    RuntimeError,
    Runtime: struct(`${crate}::Runtime`, {}),
    dispatch: (ctx, origin, call) => rowOf(call).run(ctx, origin, call.value.value as never),
    dispatchInfo: (call) => {
      const row = rowOf(call)
      return {
        weight: typeof row.weight === 'function' ? row.weight(call.value.value as never) : row.weight,
        class: { type: row.class ?? 'Normal' },
        paysFee: { type: row.paysFee ?? 'Yes' },
      }
    },
    indexError: (error) => {
      if (error.type !== 'Module') return error
      const { pallet, error: name } = error.value
      const p = byName.get(pallet)
      const e = p?.errorByName.get(name)
      if (!p || !e) throw new Error(`no error ${pallet}.${name} in this runtime`)
      const bytes = [e.index, 0, 0, 0].map((b) => b.toString(16).padStart(2, '0')).join('')
      return { type: 'Module', value: { index: p.index, error: `0x${bytes}` } }
    },
    buildGenesis: (storage, config) => {
      for (const p of pallets) {
        if (!p.genesis) continue
        const given = (config as Record<string, unknown>)[p.name]
        p.genesis.build(storage, given === undefined ? p.genesis.default : given)
      }
    },
  }
}

/**
 * The RuntimeCall as an argument type, resolved when first used: `args: { call: runtimeCallType(() => runtime) }`.
 * Annotate the thunk's return (`(): AnyRuntime => runtime`) so TypeScript need not infer the runtime from itself.
 */
export function runtimeCallType(get: () => AnyRuntime): Type<RuntimeCallLike> {
  return lazy(() => get().RuntimeCall as AnyType)
}

/** The RuntimeEvent as a field type (`System.Events` records), resolved when first used; annotate the thunk as for `runtimeCallType`. */
export function runtimeEventType(get: () => AnyRuntime): Type<RuntimeEventLike> {
  return lazy(() => get().RuntimeEvent as AnyType)
}

/** A runtime with erased pallet types. */
export type AnyRuntime = Runtime<readonly AnyPallet[]>
