// Per-validator token buckets whose rate grows with the validator's stake: a floor for every permit holder plus a share of the miner's budget.
import { MAX_TRACKED_VALIDATORS } from './constants.ts'

export type RateLimit = {
  /** Requests per second the miner shares among validators in proportion to stake. */
  totalPerSecond: number
  /** Requests per second every permit holder gets whatever its stake. */
  minPerSecond: number
  /** A bucket holds this many seconds of its rate: the burst a validator can send after being idle. */
  burstSeconds: number
}

/** A validator with all the stake may send ~1,000 requests/s; one with none, 10/s; both may burst 2 s worth. */
export const DEFAULT_RATE_LIMIT: RateLimit = { totalPerSecond: 1000, minPerSecond: 10, burstSeconds: 2 }

type Bucket = { tokens: number; updatedAt: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    readonly limit: RateLimit = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
    readonly maxTracked: number = MAX_TRACKED_VALIDATORS,
  ) {
    for (const [name, value] of Object.entries(limit)) {
      if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`rate limit ${name} must be a finite number ≥ 0, got ${value}`)
    }
  }

  /** Requests per second allowed for `stakeWeight` (the validator's share, 0…1, of the stake of the subnet's permit holders). */
  rateFor(stakeWeight: number): number {
    const weight = Number.isFinite(stakeWeight) ? Math.min(1, Math.max(0, stakeWeight)) : 0
    return this.limit.minPerSecond + this.limit.totalPerSecond * weight
  }

  /** Takes one token from `validator`'s bucket; false when it is empty (the request is refused, nothing taken). */
  take(validator: string, stakeWeight: number): boolean {
    const rate = this.rateFor(stakeWeight)
    const capacity = Math.max(1, rate * this.limit.burstSeconds)
    const now = this.now()
    let bucket = this.buckets.get(validator)
    if (bucket === undefined) {
      bucket = { tokens: capacity, updatedAt: now }
      if (this.buckets.size >= this.maxTracked) this.buckets.delete(this.buckets.keys().next().value!)
    } else {
      this.buckets.delete(validator)
      bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.updatedAt) / 1000) * rate)
      bucket.updatedAt = now
    }
    this.buckets.set(validator, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}
