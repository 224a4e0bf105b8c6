// A small bounded pool of long-lived outbound streams per connection: a query borrows one, and returns it only if it ended cleanly (a timed-out stream may still carry a late answer, so it is aborted).
import type { AbortOptions, Connection, Stream } from '@libp2p/interface'

type Pool = { idle: Stream[]; open: number; waiters: Array<{ resolve: () => void }> }

export type StreamPoolInit = {
  protocol: string
  /** Streams per connection at most: one per query in flight. */
  size: number
  runOnLimitedConnection?: boolean
}

export class StreamPool {
  private readonly pools = new Map<Connection, Pool>()

  constructor(private readonly init: StreamPoolInit) {
    if (!(Number.isSafeInteger(init.size) && init.size >= 1)) throw new RangeError(`the stream pool size must be a whole number ≥ 1, got ${init.size}`)
  }

  /** A stream of `connection` that no other query uses; waits (until `signal`) while all `size` of them are busy. */
  async acquire(connection: Connection, options: AbortOptions & { runOnLimitedConnection?: boolean } = {}): Promise<Stream> {
    const pool = this.poolOf(connection)
    while (true) {
      options.signal?.throwIfAborted()
      const stream = pool.idle.pop()
      if (stream !== undefined) {
        if (reusable(stream)) return stream
        continue
      }
      if (pool.open < this.init.size) {
        pool.open++
        try {
          const stream = await connection.newStream(this.init.protocol, { signal: options.signal, runOnLimitedConnection: options.runOnLimitedConnection ?? this.init.runOnLimitedConnection })
          stream.addEventListener('close', () => this.forget(connection, stream), { once: true })
          // The miner closed its side (it stopped, or dropped an idle stream): close ours too, or it stays half-open.
          stream.addEventListener('remoteCloseWrite', () => void stream.close().catch((error: Error) => stream.abort(error)), { once: true })
          return stream
        } catch (error) {
          pool.open--
          this.wakeOne(pool)
          throw error
        }
      }
      await this.waitForRelease(pool, options.signal)
    }
  }

  /** Gives a stream back after a complete request/response; it is reused by the next query. */
  release(connection: Connection, stream: Stream): void {
    const pool = this.pools.get(connection)
    if (pool === undefined || !reusable(stream)) return
    pool.idle.push(stream)
    this.wakeOne(pool)
  }

  /** Ends a stream whose state is unknown (timeout, error): its slot opens for a new stream. */
  discard(stream: Stream, reason: Error): void {
    if (stream.status === 'open') stream.abort(reason)
  }

  /** Outbound query streams open now, over all connections. */
  get openStreams(): number {
    let count = 0
    for (const pool of this.pools.values()) count += pool.open
    return count
  }

  /** Closes every idle stream (each side closes after EOF) and forgets all pools. */
  async close(): Promise<void> {
    const idle = [...this.pools.values()].flatMap((pool) => pool.idle)
    this.pools.clear()
    await Promise.allSettled(idle.map((stream) => stream.close()))
  }

  private poolOf(connection: Connection): Pool {
    let pool = this.pools.get(connection)
    if (pool === undefined) {
      pool = { idle: [], open: 0, waiters: [] }
      this.pools.set(connection, pool)
    }
    return pool
  }

  private forget(connection: Connection, stream: Stream): void {
    const pool = this.pools.get(connection)
    if (pool === undefined) return
    pool.open--
    const at = pool.idle.indexOf(stream)
    if (at >= 0) pool.idle.splice(at, 1)
    if (pool.open === 0 && pool.waiters.length === 0) this.pools.delete(connection)
    else this.wakeOne(pool)
  }

  private wakeOne(pool: Pool): void {
    pool.waiters.shift()?.resolve()
  }

  private waitForRelease(pool: Pool, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      const onAbort = () => {
        const at = pool.waiters.indexOf(waiter)
        if (at >= 0) pool.waiters.splice(at, 1)
        reject(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      pool.waiters.push(waiter)
    })
  }
}

/** Open both ways: nothing closed it, locally or remotely. */
function reusable(stream: Stream): boolean {
  return stream.status === 'open' && stream.writeStatus === 'writable' && stream.remoteWriteStatus === 'writable'
}
