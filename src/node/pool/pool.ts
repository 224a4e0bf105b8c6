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
  /** tag → hashes of the pooled transactions that require it. */
  private readonly requirers = new Map<string, Set<string>>()
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
      let worst: PoolTransaction | undefined
      for (const t of this.all.values()) if (!worst || byPriority(t, worst) > 0) worst = t
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
    this.insert(tx)
    if (this.requiresMet(tx)) {
      this.promote([tx])
      return 'ready'
    }
    this.emit({ type: 'future', hash })
    return 'future'
  }

  private insert(tx: PoolTransaction) {
    this.all.set(tx.hash, tx)
    this.bytes += tx.bytes.length
    for (const tag of tx.validity.provides) this.providers.set(tag, tx.hash)
    for (const tag of tx.validity.requires) {
      let set = this.requirers.get(tag)
      if (!set) this.requirers.set(tag, (set = new Set()))
      set.add(tx.hash)
    }
  }

  /**
   * Ready means every required tag is provided by a ready transaction in the pool. As in Substrate,
   * the runtime lists in `requires` only what the chain state does not already satisfy.
   */
  private requiresMet(tx: PoolTransaction): boolean {
    for (const tag of tx.validity.requires) {
      const p = this.providers.get(tag)
      if (p === undefined || !this.readySet.has(p)) return false
    }
    return true
  }

  /** Marks `start` ready and, in dependency order, every waiting transaction that becomes ready with it. */
  private promote(start: PoolTransaction[]) {
    const queue = [...start]
    for (let i = 0; i < queue.length; i++) {
      const tx = queue[i]!
      if (this.readySet.has(tx.hash)) continue
      this.readySet.add(tx.hash)
      this.emit({ type: 'ready', hash: tx.hash })
      for (const tag of tx.validity.provides) {
        for (const h of this.requirers.get(tag) ?? []) {
          const next = this.all.get(h)!
          if (!this.readySet.has(h) && this.requiresMet(next)) queue.push(next)
        }
      }
    }
  }

  /** Recomputes readiness from scratch (after re-validation), reporting each transaction that just became ready. */
  private refreshReadiness() {
    const before = this.readySet
    this.readySet = new Set()
    const roots = [...this.all.values()].filter((t) => this.requiresMet(t)).sort((a, b) => a.seq - b.seq)
    const queue = [...roots]
    for (let i = 0; i < queue.length; i++) {
      const tx = queue[i]!
      if (this.readySet.has(tx.hash)) continue
      this.readySet.add(tx.hash)
      if (!before.has(tx.hash)) this.emit({ type: 'ready', hash: tx.hash })
      for (const tag of tx.validity.provides)
        for (const h of this.requirers.get(tag) ?? []) if (!this.readySet.has(h) && this.requiresMet(this.all.get(h)!)) queue.push(this.all.get(h)!)
    }
  }

  /**
   * Ready transactions in the order a block should include them: highest priority first (then
   * earliest), but never before the transactions that provide what it requires.
   */
  ready(): PoolTransaction[] {
    const waiting = new Map<string, number>()
    const heap = new Heap<PoolTransaction>((a, b) => byPriority(a, b) < 0)
    for (const h of this.readySet) {
      const tx = this.all.get(h)!
      if (tx.validity.requires.length === 0) heap.push(tx)
      else waiting.set(h, tx.validity.requires.length)
    }
    const out: PoolTransaction[] = []
    while (heap.size) {
      const next = heap.pop()!
      out.push(next)
      for (const tag of next.validity.provides) {
        for (const h of this.requirers.get(tag) ?? []) {
          const left = waiting.get(h)
          if (left === undefined) continue
          if (left === 1) {
            waiting.delete(h)
            heap.push(this.all.get(h)!)
          } else waiting.set(h, left - 1)
        }
      }
    }
    return out
  }

  /** Everything pooled (ready and future) in arrival order, for author_pendingExtrinsics. */
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
    for (const tag of tx.validity.requires) {
      const set = this.requirers.get(tag)
      set?.delete(hash)
      if (set?.size === 0) this.requirers.delete(tag)
    }
    if (this.readySet.delete(hash)) this.demoteDependents(tx)
    return tx
  }

  /** Transactions that relied on a removed one wait again. */
  private demoteDependents(tx: PoolTransaction) {
    const queue = [tx]
    for (let i = 0; i < queue.length; i++) {
      for (const tag of queue[i]!.validity.provides) {
        if (this.providers.has(tag) && this.readySet.has(this.providers.get(tag)!)) continue
        for (const h of this.requirers.get(tag) ?? []) if (this.readySet.delete(h)) queue.push(this.all.get(h)!)
      }
    }
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
      this.drop(tx.hash)
      tx.validity = v
      tx.validatedAt = bestNumber
      this.insert(tx)
    }
    this.refreshReadiness()
  }
}

/** A binary heap; `before(a, b)` is true when `a` comes out first. */
class Heap<T> {
  private readonly items: T[] = []
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size() {
    return this.items.length
  }
  push(x: T) {
    const a = this.items
    a.push(x)
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1
      if (!this.before(a[i]!, a[p]!)) break
      ;[a[i], a[p]] = [a[p]!, a[i]!]
      i = p
    }
  }
  pop(): T | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length && last !== undefined) {
      a[0] = last
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m]!, a[i]!]
        i = m
      }
    }
    return top
  }
}

function byPriority(a: PoolTransaction, b: PoolTransaction): number {
  if (a.validity.priority !== b.validity.priority) return a.validity.priority > b.validity.priority ? -1 : 1
  return a.seq - b.seq
}
