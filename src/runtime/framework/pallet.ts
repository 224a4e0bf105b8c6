// Pallet declarations: call rows, events, errors as data, constants, genesis and hooks, gathered by definePallet into the pallet's Call/Event/Error enums.
import { enumType } from '../primitives/types.ts'
import type { AnyType, Fields, FieldsValue, Type, ValueOf } from '../primitives/types.ts'
import type { AnyStorageItem, StorageBackend } from '../primitives/storage.ts'
import type { DispatchClass, Pays, Weight } from '../primitives/substrate.ts'
import type { DispatchContext, Origin, PostDispatchInfo } from './dispatch.ts'

const lines = (docs: string | undefined): string[] => (docs === undefined ? [] : docs.split('\n'))

export type CallArgs = Readonly<Record<string, AnyType>>
export type ArgsValue<A extends CallArgs> = { -readonly [K in keyof A]: ValueOf<A[K]> }

/**
 * One dispatchable: `{ index: 2, name: 'add_stake', args: { hotkey: AccountId, … }, weight, run: doAddStake }`.
 * Arg keys are camelCase in TypeScript and snake_case in metadata (`amountStaked` → `amount_staked`).
 */
export interface CallDef<N extends string = string, A extends CallArgs = CallArgs> {
  readonly index: number
  readonly name: N
  readonly args: A
  readonly weight: Weight | ((args: ArgsValue<A>) => Weight)
  /** Defaults to `Normal`. */
  readonly class?: DispatchClass['type']
  /** Defaults to `Yes`. */
  readonly paysFee?: Pays['type']
  readonly docs?: string
  /** Validates, then writes; throws `DispatchFailure` (see `dispatchError`) without writing anything on failure. */
  readonly run: (ctx: DispatchContext, origin: Origin, args: ArgsValue<A>) => PostDispatchInfo | void
}

/** A call row with erased types (`any` keeps every concrete row assignable). */
export type AnyCall = CallDef<string, any>

/** Declares a call row, inferring the argument types that `run` receives. */
export function call<const N extends string, const A extends CallArgs>(def: CallDef<N, A>): CallDef<N, A> {
  return def
}

export interface EventDef<F extends Fields | undefined = Fields | undefined> {
  readonly index: number
  readonly fields: F
  readonly docs: readonly string[]
}

/** An event variant: `event(2, { from: AccountId, to: AccountId, amount: TaoBalance }, 'Transfer succeeded.')`. */
export function event<const F extends Fields | undefined = undefined>(index: number, fields?: F, docs?: string): EventDef<F> {
  return { index, fields: fields as F, docs: lines(docs) }
}

type Payload<D> = D extends EventDef<infer F> ? (F extends Fields ? FieldsValue<F> : undefined) : never

/** An event value, shaped as the runtime's `RuntimeEvent`. */
export type PalletEventValue<P extends string, K extends string, D> = { type: P; value: { type: K; value: Payload<D> } }

type EventCreators<P extends string, E extends Record<string, EventDef>> = {
  readonly [K in keyof E & string]: (...payload: E[K] extends EventDef<undefined> ? [] : [Payload<E[K]>]) => PalletEventValue<P, K, E[K]>
}

export type PalletEvents<P extends string = string, E extends Record<string, EventDef> = Record<string, EventDef>> = {
  readonly pallet: P
  readonly defs: E
} & EventCreators<P, E>

/** What a pallet declaration needs of its events (any `palletEvents(...)` result). */
export interface AnyPalletEvents {
  readonly pallet: string
  readonly defs: Readonly<Record<string, EventDef>>
}

/**
 * A pallet's events, with one constructor per event: `ctx.deposit(events.Transfer({ from, to, amount }))`.
 * Event names are PascalCase, so they never collide with `pallet` and `defs`.
 */
export function palletEvents<const P extends string, const E extends Record<string, EventDef>>(pallet: P, defs: E): PalletEvents<P, E> {
  const creators = Object.fromEntries(Object.keys(defs).map((name) => [name, (value?: unknown) => ({ type: pallet, value: { type: name, value } })]))
  return { pallet, defs, ...creators } as PalletEvents<P, E>
}

/** A pallet error, as data. */
export interface PalletError {
  readonly index: number
  readonly name: string
  readonly docs: readonly string[]
}

/** `error(2, 'InsufficientBalance', 'Balance too low to send value.')` */
export function error(index: number, name: string, docs?: string): PalletError {
  return { index, name, docs: lines(docs) }
}

export interface Constant<T = unknown> {
  readonly type: Type<T>
  readonly value: T
  readonly docs: readonly string[]
}

/** `constant(u64, 500n, 'The minimum amount required to keep an account open.')` */
export function constant<T>(type: Type<T>, value: T, docs?: string): Constant<T> {
  return { type, value, docs: lines(docs) }
}

export interface Hooks {
  /** Runs before the block's extrinsics; returns the weight it consumed. */
  onInitialize?(ctx: DispatchContext, blockNumber: number): Weight | void
  /** Runs after the block's extrinsics. */
  onFinalize?(ctx: DispatchContext, blockNumber: number): void
}

export interface Genesis<G> {
  /** The config used when the chain spec gives none for this pallet. */
  readonly default: G
  readonly build: (storage: StorageBackend, config: G) => void
}

export interface PalletDef<N extends string, C extends readonly AnyCall[], E extends AnyPalletEvents | undefined, G> {
  /** The name in `construct_runtime!`: the storage prefix and the RuntimeCall/RuntimeEvent variant name. */
  readonly name: N
  readonly index: number
  /** The Rust crate for type paths (`pallet_balances::pallet::Call`); defaults to `pallet_<snake_name>`. */
  readonly crate?: string
  readonly docs?: string
  readonly storage?: Readonly<Record<string, AnyStorageItem>>
  readonly calls?: C
  readonly events?: E
  readonly errors?: readonly PalletError[]
  readonly constants?: Readonly<Record<string, Constant<any>>>
  readonly genesis?: Genesis<G>
  readonly hooks?: Hooks
}

export interface Pallet<N extends string = string, C extends readonly AnyCall[] = readonly AnyCall[], E extends AnyPalletEvents | undefined = AnyPalletEvents | undefined, G = unknown>
  extends PalletDef<N, C, E, G> {
  readonly crate: string
  /** `<crate>::pallet::Call`, `::Event`, `::Error`; undefined when the pallet has none. */
  readonly Call: AnyType | undefined
  readonly Event: AnyType | undefined
  readonly Error: AnyType | undefined
  readonly callByName: ReadonlyMap<string, AnyCall>
  readonly errorByName: ReadonlyMap<string, PalletError>
}

/** A pallet with erased types, for the runtime's pallet list. */
export type AnyPallet = Pallet<string, readonly AnyCall[], AnyPalletEvents | undefined, any>

const snake = (name: string) => name.replace(/(?<!^)[A-Z]/g, (c) => `_${c}`).toLowerCase()

function unique(what: string, values: readonly (string | number)[]) {
  const seen = new Set<string | number>()
  for (const v of values) {
    if (seen.has(v)) throw new Error(`${what} ${v} is declared twice`)
    seen.add(v)
  }
}

/** Checks a pallet's declaration and derives its Call, Event and Error enums. */
export function definePallet<const N extends string, const C extends readonly AnyCall[] = readonly [], E extends AnyPalletEvents | undefined = undefined, G = undefined>(
  def: PalletDef<N, C, E, G>,
): Pallet<N, C, E, G> {
  const { name } = def
  const crate = def.crate ?? `pallet_${snake(name)}`
  const calls = def.calls ?? []
  const errors = def.errors ?? []
  for (const [key, item] of Object.entries(def.storage ?? {})) {
    if (!(item?.prefix instanceof Uint8Array)) throw new Error(`${name}: storage.${key} is not a storage item (declare it with storageValue or storageMap)`)
    if (item.pallet !== name) throw new Error(`${name}: storage item ${item.pallet}.${item.name} belongs to another pallet`)
  }
  if (def.events && def.events.pallet !== name) throw new Error(`${name}: events are declared for ${def.events.pallet}`)
  unique(`${name}: call index`, calls.map((c) => c.index))
  unique(`${name}: call`, calls.map((c) => c.name))
  unique(`${name}: error index`, errors.map((e) => e.index))
  unique(`${name}: error`, errors.map((e) => e.name))

  const T = { T: null }
  const callEnum = calls.length === 0 ? undefined : enumType(
    `${crate}::pallet::Call`,
    Object.fromEntries(calls.map((c) => [c.name, { index: c.index, fields: c.args, docs: c.docs }])),
    { params: T, docs: 'Contains a variant per dispatchable extrinsic that this pallet has.' },
  )
  const eventEnum = def.events === undefined ? undefined : enumType(
    `${crate}::pallet::Event`,
    Object.fromEntries(Object.entries(def.events.defs).map(([n, e]) => [n, { index: e.index, fields: e.fields, docs: e.docs.join('\n') || undefined }])),
    { params: T, docs: 'The `Event` enum of this pallet' },
  )
  const errorEnum = errors.length === 0 ? undefined : enumType(
    `${crate}::pallet::Error`,
    Object.fromEntries(errors.map((e) => [e.name, { index: e.index, docs: e.docs.join('\n') || undefined }])),
    { params: T, docs: 'The `Error` enum of this pallet.' },
  )
  return {
    ...def,
    crate,
    Call: callEnum,
    Event: eventEnum,
    Error: errorEnum,
    callByName: new Map(calls.map((c) => [c.name, c])),
    errorByName: new Map(errors.map((e) => [e.name, e])),
  }
}
