// Keeps a browser peer reachable: when its `/p2p-circuit` address disappears (the relay restarted or dropped it), re-dials the relay with a bounded backoff (notes, trap 5: browsers do not re-reserve by themselves).

export type RelayWatchdogInit = {
  /** Relay multiaddrs (with `/p2p/<id>`), tried in order until one answers. */
  relayAddrs: string[]
  /** Whether the node has a reservation now (one of its multiaddrs contains `/p2p-circuit`). */
  hasCircuitAddress: () => boolean
  /** Dials a relay (resolves once connected; the reservation follows ~200 ms later). */
  dial: (relayAddr: string, signal: AbortSignal) => Promise<void>
  /** Closes every connection to a relay, so that the next dial is a fresh one (used when a connection gets no reservation). */
  hangUp?: (relayAddr: string) => Promise<void>
  /** Milliseconds between checks besides the ones events trigger (default 1000). */
  intervalMs?: number
  /** First and largest wait after a failed re-dial (default 250 ms and 5 s, doubling in between). */
  minBackoffMs?: number
  maxBackoffMs?: number
  /** A relay connected this long without giving a reservation is hung up and re-dialled (default 5 s). */
  reservationGraceMs?: number
  /** Each dial's own time limit (default 5 s). */
  dialTimeoutMs?: number
  now?: () => number
  /** Told about every re-dial and its outcome (logs, status displays, tests). */
  onEvent?: (event: RelayWatchdogEvent) => void
}

export type RelayWatchdogEvent =
  | { type: 'lost' }
  | { type: 'redial'; relayAddr: string }
  | { type: 'redialed'; relayAddr: string; ms: number }
  | { type: 'failed'; error: string; retryInMs: number }
  | { type: 'reserved' }

export type RelayWatchdogStatus = {
  /** The node has a `/p2p-circuit` address now. */
  reserved: boolean
  /** Successful re-dials since start. */
  redials: number
  /** Failed re-dial rounds in a row (0 once reserved). */
  failures: number
  lastError: string | undefined
}

/** The wait before the next re-dial after `failures` failed rounds in a row: min·2^(failures−1), at most max. */
export function redialDelay(failures: number, minMs: number, maxMs: number): number {
  if (failures <= 0) return 0
  return Math.min(maxMs, minMs * 2 ** Math.min(failures - 1, 30))
}

export class RelayWatchdog {
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly abort = new AbortController()
  private dialing = false
  private reserved = false
  private redials = 0
  private failures = 0
  private lastError: string | undefined
  private nextAttemptAt = 0
  /** When a re-dial succeeded but no reservation has come yet. */
  private connectedAt: number | undefined
  private readonly now: () => number

  constructor(private readonly init: RelayWatchdogInit) {
    if (init.relayAddrs.length === 0) throw new RangeError('the relay watchdog needs at least one relay address')
    this.now = init.now ?? Date.now
  }

  start(): void {
    if (this.timer !== undefined || this.abort.signal.aborted) return
    this.reserved = this.init.hasCircuitAddress()
    this.timer = setInterval(() => void this.check(), this.init.intervalMs ?? 1000)
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
    this.abort.abort(new Error('the relay watchdog stopped'))
  }

  status(): RelayWatchdogStatus {
    return { reserved: this.reserved, redials: this.redials, failures: this.failures, lastError: this.lastError }
  }

  /** Looks at the node's addresses now and re-dials if the circuit address is gone; call it on address and connection events too. */
  async check(): Promise<void> {
    if (this.abort.signal.aborted || this.dialing) return
    const { init } = this
    if (init.hasCircuitAddress()) {
      if (!this.reserved) init.onEvent?.({ type: 'reserved' })
      this.reserved = true
      this.failures = 0
      this.connectedAt = undefined
      return
    }
    if (this.reserved) init.onEvent?.({ type: 'lost' })
    this.reserved = false
    const now = this.now()
    if (now < this.nextAttemptAt) return
    // Connected but still without a reservation after the grace period: hang up so the next dial starts afresh.
    const stale = this.connectedAt !== undefined && now - this.connectedAt >= (init.reservationGraceMs ?? 5000)
    if (this.connectedAt !== undefined && !stale) return
    this.dialing = true
    const errors: string[] = []
    try {
      for (const relayAddr of init.relayAddrs) {
        if (this.abort.signal.aborted) return
        try {
          if (stale) await init.hangUp?.(relayAddr)
          init.onEvent?.({ type: 'redial', relayAddr })
          const started = this.now()
          await init.dial(relayAddr, AbortSignal.any([this.abort.signal, AbortSignal.timeout(init.dialTimeoutMs ?? 5000)]))
          this.redials++
          this.connectedAt = this.now()
          init.onEvent?.({ type: 'redialed', relayAddr, ms: this.now() - started })
          return
        } catch (error) {
          errors.push(`${relayAddr}: ${(error as Error).message}`)
        }
      }
      this.failures++
      this.connectedAt = undefined
      this.lastError = errors.join('; ')
      const retryInMs = redialDelay(this.failures, init.minBackoffMs ?? 250, init.maxBackoffMs ?? 5000)
      this.nextAttemptAt = this.now() + retryInMs
      init.onEvent?.({ type: 'failed', error: this.lastError, retryInMs })
    } finally {
      this.dialing = false
    }
  }
}
