// The compute-share throttle on a hand-moved clock: rest after each run, waits within the deadline, refusals past it or past the queue.
import { describe, expect, test } from 'vitest'
import { ComputeThrottle } from './throttle.ts'

function throttle(share: number, maxWaiting?: number) {
  const clock = { t: 0 }
  const s = { share }
  const t = new ComputeThrottle({ share: () => s.share, now: () => clock.t, ...(maxWaiting === undefined ? {} : { maxWaiting }) })
  return { t, clock, s }
}

describe('ComputeThrottle', () => {
  test('at 100 % nothing ever waits', () => {
    const { t } = throttle(1)
    t.ran(50)
    expect(t.plan(0)).toEqual({ ok: true, waitMs: 0 })
  })

  test('at 50 % a 30 ms run rests 30 ms, so the worker is busy half the time', () => {
    const { t, clock } = throttle(0.5)
    expect(t.plan(1000)).toEqual({ ok: true, waitMs: 0 })
    clock.t += 30
    t.ran(30)
    expect(t.plan(1000)).toEqual({ ok: true, waitMs: 30 })
    clock.t += 10
    expect(t.restingMs()).toBe(20)
    clock.t += 20
    expect(t.plan(1000)).toEqual({ ok: true, waitMs: 0 })
  })

  test('a wait that, with a run as long as the last, would miss the deadline is refused with the share in words', () => {
    const { t, clock } = throttle(0.25)
    clock.t = 100
    t.ran(40) // rests 120 ms, until 220
    expect(t.plan(100 + 120 + 40)).toEqual({ ok: true, waitMs: 120 })
    expect(t.plan(100 + 120 + 39)).toEqual({ ok: false, message: "this tab mines with 25 % of its compute: its worker rests 120 ms more, past this request's deadline" })
  })

  test('a new share applies to the next rest at once', () => {
    const { t, s } = throttle(0.5)
    s.share = 0.25
    t.ran(10)
    expect(t.restingMs()).toBe(30)
  })

  test('no more than maxWaiting requests wait at once', () => {
    const { t } = throttle(0.5, 2)
    t.ran(100)
    const a = t.waiting()
    const b = t.waiting()
    expect(t.plan(10_000)).toEqual({ ok: false, message: 'this tab mines with 50 % of its compute and 2 requests already wait for it' })
    a()
    a() // idempotent
    expect(t.plan(10_000)).toEqual({ ok: true, waitMs: 100 })
    b()
  })
})
