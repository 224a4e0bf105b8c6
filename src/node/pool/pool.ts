// The transaction pool: ready and future queues ordered by Substrate-style validity tags, bounded, re-validated after each block.

/** What the runtime says of a transaction (TaggedTransactionQueue's ValidTransaction). */
export type Validity = {
  priority: bigint
  /** Tags that must be provided by transactions already in the chain or ready before this one can run. */
  requires: string[]
  /** Tags this transaction provides (e.g. "sender:nonce"). */
  provides: string[]
  /** Blocks after which the transaction is dropped if not included. */
  longevity: number
}

export type PoolTransaction = {
  /** 0x-hex blake2_256 of the extrinsic bytes. */
  hash: string
  bytes: Uint8Array
  validity: Validity
  /** Block number at which the transaction was (re)validated; with longevity it gives the death block. */
  validatedAt: number
  /** Monotonic arrival counter: ties on priority go to the earliest. */
  seq: number
}

export type PoolLimits = { maxCount: number; maxBytes: number }
export const DEFAULT_POOL_LIMITS: PoolLimits = { maxCount: 8192, maxBytes: 20 * 1024 * 1024 }

export type PoolEvent =
  | { type: 'ready'; hash: string }
  | { type: 'future'; hash: string }
  | { type: 'dropped'; hash: string; reason: string }
  | { type: 'invalid'; hash: string; reason: string }
  | { type: 'usurped'; hash: string; by: string }

export class PoolError extends Error {
  constructor(
    readonly code: 'AlreadyImported' | 'TemporarilyBanned' | 'TooLowPriority' | 'ImmediatelyDropped' | 'CycleDetected',
    message: string,
  ) {
    super(message)
    this.name = 'PoolError'
  }
}

/**
 * Holds validated transactions. A transaction is *ready* when every tag it requires is provided by
 * the chain (it was valid against the best state, so its requirements there are met) or by another
 * ready transaction; otherwise it waits in *future*. Two transactions providing the same tag (same
 * sender and nonce) cannot both stay: the higher priority one replaces the other.
 */
export class TransactionPool {
  private readonly all = new Map<string, PoolTransaction>()
  /** tag → hash of the pooled transaction providing it. */
  private readonly providers = new Map<string, string>()
  private readonly listeners = new Set<(e: PoolEvent) => void>()
  private readySet = new Set<string>()
  private seq = 0
  private bytes = 0

  constructor(private readonly limits: PoolLimits = DEFAULT_POOL_LIMITS) {}

  get size(): number {
    return this.all.size
  }

  has(hash: string): boolean {
    return this.all.has(hash)
  }

  get(hash: string): PoolTransaction | undefined {
    return this.all.get(hash)
  }

  onEvent(listener: (e: PoolEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(e: PoolEvent) {
    for (const l of this.listeners) l(e)
  }

  /**
   * Adds a transaction the runtime found valid against the best block, replacing a lower-priority
   * one that provides the same tag. Returns whether it is ready now.
   */
  submit(hash: string, bytes: Uint8Array, validity: Validity, bestNumber: number): 'ready' | 'future' {
    if (this.all.has(hash)) throw new PoolError('AlreadyImported', 'Transaction Already Imported')
    for (const tag of validity.provides) {
      const other = this.providers.get(tag)
      if (other === undefined) continue
      const o = this.all.get(other)!
      if (o.validity.priority >= validity.priority)
        throw new PoolError('TooLowPriority', `Priority is too low: (${o.validity.priority} vs ${validity.priority})`)
    }
    if (this.all.size >= this.limits.maxCount || this.bytes + bytes.length > this.limits.maxBytes) {
      // Full: only a transaction that beats the lowest-priority one gets in, by pushing it out.
      const worst = [...this.all.values()].sort(byPriority).at(-1)
      if (!worst || worst.validity.priority >= validity.priority)
        throw new PoolError('ImmediatelyDropped', 'Immediately Dropped: the transaction pool is full')
      this.drop(worst.hash)
      this.emit({ type: 'dropped', hash: worst.hash, reason: 'pool is full' })
    }
    // Replace transactions providing the same tags (lower priority: checked above).
    for (const tag of validity.provides) {
      const other = this.providers.get(tag)
      if (other !== undefined) {
        this.drop(other)
        this.emit({ type: 'usurped', hash: other, by: hash })
      }
    }
    const tx: PoolTransaction = { hash, bytes, validity, validatedAt: bestNumber, seq: this.seq++ }
    this.all.set(hash, tx)
    this.bytes += bytes.length
    for (const tag of validity.provides) this.providers.set(tag, hash)
    this.refreshReadiness()
    const state = this.readySet.has(hash) ? 'ready' : 'future'
    if (state === 'future') this.emit({ type: 'future', hash })
    return state
  }

  /** Recomputes which transactions are ready and reports each one that just became ready. */
  private refreshReadiness() {
    const before = this.readySet
    this.readySet = new Set<string>()
    for (const t of this.all.values()) if (this.isReady(t)) this.readySet.add(t.hash)
    for (const t of this.ready()) if (!before.has(t.hash)) this.emit({ type: 'ready', hash: t.hash })
  }

  /**
   * Ready means every required tag is provided by a ready transaction in the pool. As in Substrate,
   * the runtime lists in `requires` only what the chain state does not already satisfy.
   */
  private isReady(tx: PoolTransaction, seen = new Set<string>()): boolean {
    for (const tag of tx.validity.requires) {
      const p = this.providers.get(tag)
      if (p === undefined) return false
      if (seen.has(p)) return false
      seen.add(p)
      if (!this.isReady(this.all.get(p)!, seen)) return false
    }
    return true
  }

  /**
   * Ready transactions in the order a block should include them: highest priority first, but never
   * before the transactions that provide what it requires.
   */
  ready(): PoolTransaction[] {
    const ready = [...this.all.values()].filter((t) => this.readySet.has(t.hash))
    const pending = new Set(ready.map((t) => t.hash))
    const out: PoolTransaction[] = []
    const provided = new Set<string>()
    while (pending.size) {
      const next = ready
        .filter((t) => pending.has(t.hash) && t.validity.requires.every((r) => provided.has(r)))
        .sort(byPriority)[0]
      if (!next) break
      pending.delete(next.hash)
      out.push(next)
      for (const p of next.validity.provides) provided.add(p)
    }
    return out
  }

  /** Hashes of everything pooled (ready and future), for author_pendingExtrinsics. */
  pending(): PoolTransaction[] {
    return [...this.all.values()].sort((a, b) => a.seq - b.seq)
  }

  /** Removes a transaction (e.g. one its submitter no longer wants watched); dependents fall back to future. */
  remove(hash: string): PoolTransaction | undefined {
    const tx = this.drop(hash)
    if (tx) this.refreshReadiness()
    return tx
  }

  private drop(hash: string): PoolTransaction | undefined {
    const tx = this.all.get(hash)
    if (!tx) return undefined
    this.all.delete(hash)
    this.bytes -= tx.bytes.length
    for (const tag of tx.validity.provides) if (this.providers.get(tag) === hash) this.providers.delete(tag)
    this.readySet.delete(hash)
    return tx
  }

  /**
   * After a block: drop what it included, then re-validate the rest against the new best state.
   * `revalidate` returns the new validity, or a reason the transaction is now invalid.
   */
  pruneAndRevalidate(
    included: Iterable<string>,
    bestNumber: number,
    revalidate: (tx: PoolTransaction) => Validity | { invalid: string },
  ): void {
    for (const h of included) this.drop(h)
    for (const tx of [...this.all.values()]) {
      if (bestNumber >= tx.validatedAt + tx.validity.longevity) {
        this.drop(tx.hash)
        this.emit({ type: 'dropped', hash: tx.hash, reason: 'longevity elapsed' })
        continue
      }
      const v = revalidate(tx)
      if ('invalid' in v) {
        this.drop(tx.hash)
        this.emit({ type: 'invalid', hash: tx.hash, reason: v.invalid })
        continue
      }
      for (const tag of tx.validity.provides) if (this.providers.get(tag) === tx.hash) this.providers.delete(tag)
      tx.validity = v
      tx.validatedAt = bestNumber
      for (const tag of v.provides) this.providers.set(tag, tx.hash)
    }
    this.refreshReadiness()
  }
}

function byPriority(a: PoolTransaction, b: PoolTransaction): number {
  if (a.validity.priority !== b.validity.priority) return a.validity.priority > b.validity.priority ? -1 : 1
  return a.seq - b.seq
}
