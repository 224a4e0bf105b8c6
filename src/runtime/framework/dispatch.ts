// What a dispatchable sees and throws: the origin (with ensureSigned/ensureRoot), the context it runs in, and dispatch errors by pallet and name.
import type { StorageBackend } from '../primitives/storage.ts'
import type { AccountId } from '../primitives/bittensor.ts'
import type { DispatchError, Pays, RawOrigin, Weight } from '../primitives/substrate.ts'

/** Who dispatches a call: `frame_system::RawOrigin`. */
export type Origin = RawOrigin

export const ROOT: Origin = { type: 'Root' }
export const NONE: Origin = { type: 'None' }
export const signed = (who: AccountId): Origin => ({ type: 'Signed', value: who })

/** An event as the runtime deposits it: `{ type: pallet, value: { type: event, value: payload } }`. */
export interface RuntimeEventLike {
  readonly type: string
  readonly value: { readonly type: string; readonly value?: unknown }
}

/** A RuntimeCall with its payload erased, as calls that carry calls hold it. */
export type NestedCall = { readonly type: string; readonly value: { readonly type: string; readonly value: unknown } }

/** The environment a dispatchable or hook runs in; the executive provides it (storage is transactional there). */
export interface DispatchContext {
  readonly storage: StorageBackend
  deposit(event: RuntimeEventLike): void
  /**
   * Dispatches a call from inside another (Sudo, Utility) in its own storage layer, as FRAME does for
   * every dispatch: its writes and events are kept if it returns, discarded if it throws. `bypassFilter`
   * skips the runtime's call filter (root dispatch through Sudo).
   */
  dispatch(origin: Origin, call: NestedCall, options?: { bypassFilter?: boolean }): PostDispatchInfo | void
}

/** What a dispatchable may report after running (FRAME's `PostDispatchInfo`). */
export interface PostDispatchInfo {
  readonly actualWeight?: Weight
  readonly paysFee?: Pays['type']
}

/** A `DispatchError` whose module errors are named (`Balances.InsufficientBalance`) rather than indexed. */
export type DispatchErrorRef = Exclude<DispatchError, { type: 'Module' }> | { type: 'Module'; value: { pallet: string; error: string } }

/** Thrown by dispatchables; the executive turns it into `System.ExtrinsicFailed` with the indexed `DispatchError`. */
export class DispatchFailure extends Error {
  override readonly name = 'DispatchFailure'

  constructor(readonly error: DispatchErrorRef) {
    super(
      error.type === 'Module'
        ? `${error.value.pallet}.${error.value.error}`
        : error.value === undefined
          ? error.type
          : `${error.type}.${(error.value as { type: string }).type}`,
    )
  }
}

/** `throw dispatchError('SubtensorModule', 'NotEnoughBalanceToStake')` */
export function dispatchError(pallet: string, error: string): DispatchFailure {
  return new DispatchFailure({ type: 'Module', value: { pallet, error } })
}

/** `AccountIdLookup::lookup` as subtensor configures it: only `MultiAddress::Id` names an account. */
export function lookupAccount(address: { readonly type: string; readonly value?: unknown }): AccountId {
  if (address.type !== 'Id') throw new DispatchFailure({ type: 'CannotLookup' })
  return address.value as AccountId
}

export function ensureSigned(origin: Origin): AccountId {
  if (origin.type !== 'Signed') throw new DispatchFailure({ type: 'BadOrigin' })
  return origin.value
}

export function ensureRoot(origin: Origin): void {
  if (origin.type !== 'Root') throw new DispatchFailure({ type: 'BadOrigin' })
}

export function ensureNone(origin: Origin): void {
  if (origin.type !== 'None') throw new DispatchFailure({ type: 'BadOrigin' })
}
