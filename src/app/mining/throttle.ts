// The compute-share throttle of a mining tab (pure; the clock is injected): after the worker ran for t ms, it rests t·(1/share − 1) ms,
// so over time it is busy at most `share` of the wall clock. A request arriving while the worker rests waits in the session's queue as
// long as it can still be answered before its deadline; otherwise (or when too many already wait) it is refused with a message.

export type ThrottlePlan =
  /** Start now (waitMs 0), or after waitMs and then ask again (another run may have extended the rest meanwhile). */
  | { ok: true; waitMs: number }
  | { ok: false; message: string }

export type ComputeThrottleInit = {
  /** The share of the worker's time mining may take, in (0, 1]; read on every decision, so a new setting applies at once. */
  share: () => number
  now: () => number
  /** Requests that may wait at once (default 64); more are refused. */
  maxWaiting?: number
}

export const DEFAULT_MAX_WAITING = 64

export class ComputeThrottle {
  private freeAt = Number.NEGATIVE_INFINITY
  /** The last run's milliseconds: what a waiting request expects its own run to take. */
  private lastRunMs = 0
  private waitingNow = 0

  constructor(private readonly init: ComputeThrottleInit) {}

  /** Whether a request due at `deadline` (same clock as `now`) starts now, waits, or is refused. */
  plan(deadline: number): ThrottlePlan {
    const now = this.init.now()
    const wait = Math.max(0, this.freeAt - now)
    if (wait === 0) return { ok: true, waitMs: 0 }
    const percent = `${Math.round(this.share() * 100)} %`
    if (this.waitingNow >= (this.init.maxWaiting ?? DEFAULT_MAX_WAITING)) {
      return { ok: false, message: `this tab mines with ${percent} of its compute and ${this.waitingNow} requests already wait for it` }
    }
    if (now + wait + this.lastRunMs > deadline) {
      return { ok: false, message: `this tab mines with ${percent} of its compute: its worker rests ${Math.ceil(wait)} ms more, past this request's deadline` }
    }
    return { ok: true, waitMs: wait }
  }

  /** Records a run of `ms` that ended now: the worker rests so that it is busy at most `share` of the time. */
  ran(ms: number): void {
    const run = Math.max(0, ms)
    this.lastRunMs = run
    const rest = run * (1 / this.share() - 1)
    this.freeAt = Math.max(this.freeAt, this.init.now() + rest)
  }

  /** Counts a request as waiting until the returned function is called. */
  waiting(): () => void {
    this.waitingNow++
    let done = false
    return () => {
      if (!done) this.waitingNow--
      done = true
    }
  }

  /** Milliseconds the worker still rests (0 when free). */
  restingMs(): number {
    return Math.max(0, this.freeAt - this.init.now())
  }

  private share(): number {
    const s = this.init.share()
    return Number.isFinite(s) && s > 0 ? Math.min(1, s) : 1
  }
}
