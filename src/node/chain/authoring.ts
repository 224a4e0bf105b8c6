// When the devnet authors a block: every --block-time ms, as soon as a transaction is ready (--instant-seal), or only when asked (manual, for tests and dev_newBlock).
import type { ChainLogger, DevnetChain } from './chain.ts'

export type Sealing = { mode: 'interval'; blockTimeMs: number } | { mode: 'instant' } | { mode: 'manual' }

export class BlockAuthor {
  private timer: NodeJS.Timeout | undefined
  private immediate: NodeJS.Immediate | undefined
  private stopPoolEvents: (() => void) | undefined
  private running = false
  /** Interval mode: when the next block is due (ms since the epoch). */
  private due = 0

  constructor(
    private readonly chain: DevnetChain,
    readonly sealing: Sealing,
    private readonly logger: ChainLogger,
  ) {
    if (sealing.mode === 'interval' && !(Number.isSafeInteger(sealing.blockTimeMs) && sealing.blockTimeMs >= 1)) {
      throw new RangeError(`the block time must be a whole number of milliseconds ≥ 1, got ${sealing.blockTimeMs}`)
    }
  }

  start(): void {
    if (this.running) return
    this.running = true
    switch (this.sealing.mode) {
      case 'interval':
        this.due = Date.now() + this.sealing.blockTimeMs
        this.scheduleInterval()
        break
      case 'instant':
        // A transaction that becomes ready (on arrival, or when its predecessor lands) asks for a block.
        this.stopPoolEvents = this.chain.pool.onEvent((event) => {
          if (event.type === 'ready') this.scheduleInstant()
        })
        if (this.chain.pool.ready().length > 0) this.scheduleInstant()
        break
      case 'manual':
        break
    }
  }

  /** Stops scheduling blocks; a block being written has already finished (authoring is synchronous). */
  stop(): void {
    this.running = false
    clearTimeout(this.timer)
    if (this.immediate) clearImmediate(this.immediate)
    this.timer = this.immediate = undefined
    this.stopPoolEvents?.()
    this.stopPoolEvents = undefined
  }

  private scheduleInterval(): void {
    if (!this.running || this.sealing.mode !== 'interval') return
    const blockTime = this.sealing.blockTimeMs
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.author()
      // Keep the cadence; after a stall (a slow block, a suspended laptop) start afresh rather than catch up in a burst.
      this.due += blockTime
      if (this.due < Date.now()) this.due = Date.now() + blockTime
      this.scheduleInterval()
    }, Math.max(0, this.due - Date.now()))
  }

  private scheduleInstant(): void {
    if (!this.running || this.immediate !== undefined) return
    // On the next turn of the event loop, so transactions submitted together share a block.
    this.immediate = setImmediate(() => {
      this.immediate = undefined
      const offered = new Set(this.chain.pool.ready().map((tx) => tx.hash))
      const block = this.author()
      // A full block leaves ready transactions behind: seal again. Not after a block that took none of them, which
      // would only repeat itself; a newly ready transaction asks again.
      const tookSome = block?.extrinsics.some((hash) => offered.has(hash)) ?? false
      if (tookSome && this.chain.pool.ready().length > 0) this.scheduleInstant()
    })
  }

  private author() {
    try {
      return this.chain.authorBlock()
    } catch (error) {
      this.logger.error(`devnet: authoring block #${this.chain.head().number + 1} failed`, error)
      return undefined
    }
  }
}
