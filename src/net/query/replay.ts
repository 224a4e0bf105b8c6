// The miner's replay cache: per validator, its highest nonce and a bitmap of the REPLAY_WINDOW nonces below it; bounded, least recently seen validator forgotten first.
import { MAX_TRACKED_VALIDATORS, REPLAY_WINDOW } from './constants.ts'

export type ReplayVerdict = 'ok' | 'Replayed' | 'StaleNonce'

type Entry = { highest: bigint; seen: Uint8Array }

export type ReplayCacheInit = {
  /** Nonces accepted out of order below the highest one (a multiple of 8). */
  window?: number
  /** Validators remembered at most. */
  maxValidators?: number
}

/**
 * Accepts each (validator, nonce) once. A nonce above the validator's highest moves the window up; one inside the window
 * is accepted if not seen yet; one below it is stale. Memory: `maxValidators × window / 8` bytes at most. Forgetting a
 * validator (only when more than `maxValidators` are active) would let its recent requests replay until their deadline,
 * which MAX_DEADLINE_AHEAD_MS bounds; the miner admits only permit holders here, so the cap is not reached in practice.
 */
export class ReplayCache {
  readonly window: number
  readonly maxValidators: number
  private readonly entries = new Map<string, Entry>()

  constructor(init: ReplayCacheInit = {}) {
    this.window = init.window ?? REPLAY_WINDOW
    this.maxValidators = init.maxValidators ?? MAX_TRACKED_VALIDATORS
    if (!(Number.isSafeInteger(this.window) && this.window > 0 && this.window % 8 === 0)) throw new RangeError(`the replay window must be a positive multiple of 8, got ${this.window}`)
    if (!(Number.isSafeInteger(this.maxValidators) && this.maxValidators > 0)) throw new RangeError(`maxValidators must be a positive whole number, got ${this.maxValidators}`)
  }

  /** Checks `nonce` for `validator` (any stable key, e.g. the hotkey's hex) and records it when accepted. */
  accept(validator: string, nonce: bigint): ReplayVerdict {
    const window = BigInt(this.window)
    let entry = this.entries.get(validator)
    if (entry === undefined) {
      entry = { highest: nonce, seen: new Uint8Array(this.window / 8) }
      this.entries.set(validator, entry)
      if (this.entries.size > this.maxValidators) this.entries.delete(this.entries.keys().next().value!)
      this.mark(entry, nonce)
      return 'ok'
    }
    // Least recently used order: move to the back.
    this.entries.delete(validator)
    this.entries.set(validator, entry)
    if (nonce > entry.highest) {
      if (nonce - entry.highest >= window) entry.seen.fill(0)
      else for (let n = entry.highest + 1n; n < nonce; n++) this.clear(entry, n)
      entry.highest = nonce
      this.mark(entry, nonce)
      return 'ok'
    }
    if (entry.highest - nonce >= window) return 'StaleNonce'
    if (this.isMarked(entry, nonce)) return 'Replayed'
    this.mark(entry, nonce)
    return 'ok'
  }

  /** Validators currently remembered. */
  get size(): number {
    return this.entries.size
  }

  private bit(nonce: bigint): [byte: number, mask: number] {
    const index = Number(nonce % BigInt(this.window))
    return [index >> 3, 1 << (index & 7)]
  }

  private mark(entry: Entry, nonce: bigint): void {
    const [byte, mask] = this.bit(nonce)
    entry.seen[byte]! |= mask
  }

  private clear(entry: Entry, nonce: bigint): void {
    const [byte, mask] = this.bit(nonce)
    entry.seen[byte]! &= ~mask
  }

  private isMarked(entry: Entry, nonce: bigint): boolean {
    const [byte, mask] = this.bit(nonce)
    return (entry.seen[byte]! & mask) !== 0
  }
}
