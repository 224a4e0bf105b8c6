// A storage layer for one unit of work inside a call: its writes and events reach the caller's context only if it returns.
import { hexToU8a } from '@polkadot/util'
import type { DispatchContext, RuntimeEventLike } from '../../../framework/dispatch.ts'
import { OverlayStorage } from '../../../executive/overlay.ts'

/** Runs `f` on a layer over `ctx`; on return its writes and events are applied to `ctx`, on a throw they are dropped. */
export function withLayer<T>(ctx: DispatchContext, f: (inner: DispatchContext) => T): T {
  const layer = new OverlayStorage(ctx.storage)
  const deposited: RuntimeEventLike[] = []
  const inner: DispatchContext = { storage: layer, deposit: (event) => void deposited.push(event), dispatch: ctx.dispatch.bind(ctx) }
  const out = f(inner)
  for (const [key, value] of layer.changes()) ctx.storage.set(hexToU8a(key), value)
  for (const event of deposited) ctx.deposit(event)
  return out
}
