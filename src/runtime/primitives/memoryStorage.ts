// An in-memory StorageBackend with ordered keys: genesis building, runtime tests, and anything that needs state without a database.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import type { StorageBackend } from './storage.ts'

export class MemoryStorage implements StorageBackend {
  readonly #values = new Map<string, Uint8Array>()
  #sorted: string[] | undefined = []

  constructor(entries: Iterable<readonly [Uint8Array, Uint8Array]> = []) {
    for (const [key, value] of entries) this.set(key, value)
  }

  get(key: Uint8Array): Uint8Array | undefined {
    return this.#values.get(u8aToHex(key))
  }

  set(key: Uint8Array, value: Uint8Array | null): void {
    const hex = u8aToHex(key)
    const had = this.#values.has(hex)
    if (value === null) this.#values.delete(hex)
    else this.#values.set(hex, value.slice())
    if (had !== (value !== null)) this.#sorted = undefined
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    const sorted = this.#keys()
    const hex = u8aToHex(key)
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] as string) <= hex) lo = mid + 1
      else hi = mid
    }
    const next = sorted[lo]
    return next === undefined ? undefined : hexToU8a(next)
  }

  /** All entries in key order. */
  entries(): [Uint8Array, Uint8Array][] {
    return this.#keys().map((hex) => [hexToU8a(hex), this.#values.get(hex) as Uint8Array])
  }

  get size(): number {
    return this.#values.size
  }

  // Lower-case hex sorts like the bytes it encodes, shorter prefixes first.
  #keys(): string[] {
    this.#sorted ??= [...this.#values.keys()].sort()
    return this.#sorted
  }
}
