// Layered, transactional storage over a state trie: each dispatch writes into its own layer, kept on success and dropped on failure.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { storageKeyHex, type StorageBackend } from '../primitives/storage.ts'
import type { StateReader } from '../host.ts'
import type { Hex } from '../primitives/types.ts'

type Layer = Map<Hex, Uint8Array | null>

/**
 * Reads fall through the layers to the base state; writes go to the top layer. `begin` opens a
 * layer, `commit` folds it into the one below, `rollback` drops it. Hex keys compare like their bytes.
 */
export class OverlayStorage implements StorageBackend {
  readonly #layers: Layer[] = [new Map()]
  /** Sorted overlay keys, rebuilt lazily for `nextKey` (rare: iteration and prefix removal). */
  #sorted: Hex[] | undefined

  constructor(private readonly base: StateReader) {}

  get depth(): number {
    return this.#layers.length
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const k = storageKeyHex(key) as Hex
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      // Layers hold a value or null (deleted), never undefined.
      const v = this.#layers[i]!.get(k)
      if (v !== undefined) return v ?? undefined
    }
    return this.base.get(key)
  }

  set(key: Uint8Array, value: Uint8Array | null): void {
    const k = storageKeyHex(key) as Hex
    const top = this.#layers[this.#layers.length - 1]!
    if (!top.has(k)) this.#sorted = undefined
    // Keep our own copy: callers may reuse their buffers.
    top.set(k, value === null ? null : value.slice())
  }

  /** The value the overlay holds for `k` (null = deleted), or undefined when the overlay never touched it. */
  #overlaid(k: Hex): Uint8Array | null | undefined {
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      const layer = this.#layers[i]!
      if (layer.has(k)) return layer.get(k)!
    }
    return undefined
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    const sorted = (this.#sorted ??= [...new Set(this.#layers.flatMap((l) => [...l.keys()]))].sort())
    const after = u8aToHex(key) as Hex
    // First live overlay key after `key`.
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! <= after) lo = mid + 1
      else hi = mid
    }
    let overlay: Hex | undefined
    for (let i = lo; i < sorted.length; i++) {
      if (this.#overlaid(sorted[i]!) !== null) {
        overlay = sorted[i]
        break
      }
    }
    // First base key after `key` that the overlay has not deleted.
    let base = this.base.nextKey(key)
    while (base !== undefined && this.#overlaid(u8aToHex(base) as Hex) === null) base = this.base.nextKey(base)
    if (base === undefined) return overlay === undefined ? undefined : hexToU8a(overlay)
    if (overlay === undefined) return base
    const b = u8aToHex(base) as Hex
    return b <= overlay ? base : hexToU8a(overlay)
  }

  begin(): void {
    this.#layers.push(new Map())
  }

  commit(): void {
    if (this.#layers.length < 2) throw new Error('no storage layer to commit')
    const top = this.#layers.pop()!
    const below = this.#layers[this.#layers.length - 1]!
    for (const [k, v] of top) below.set(k, v)
  }

  rollback(): void {
    if (this.#layers.length < 2) throw new Error('no storage layer to roll back')
    this.#layers.pop()
    this.#sorted = undefined
  }

  /** Runs `f` in a new layer: committed if it returns, rolled back if it throws. */
  transactional<T>(f: () => T): T {
    this.begin()
    try {
      const out = f()
      this.commit()
      return out
    } catch (e) {
      this.rollback()
      throw e
    }
  }

  /** Every write of the bottom layer (call with no open layers). */
  changes(): Map<Hex, Uint8Array | null> {
    if (this.#layers.length !== 1) throw new Error(`${this.#layers.length - 1} storage layer(s) still open`)
    return this.#layers[0]!
  }
}
