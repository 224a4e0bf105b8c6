// Step scores: the latency rule with real numbers, and scoring a step's answer bytes with the digits task (pure, as a Worker runs it).
import { describe, expect, test } from 'vitest'
import { DEFAULT_LATENCY_RULE, latencyCredit, scoreAnswers } from './scoring.ts'
import type { ValidatorTask } from '../tasks/task.ts'

describe('latency credit', () => {
  test('full credit up to half the deadline, then linear down to the floor at the deadline, 0 past it', () => {
    expect(DEFAULT_LATENCY_RULE).toEqual({ fullCreditFraction: 0.5, floor: 0.5 })
    expect(latencyCredit(0, 10_000)).toBe(1)
    expect(latencyCredit(5_000, 10_000)).toBe(1)
    expect(latencyCredit(7_500, 10_000)).toBeCloseTo(0.75, 12)
    expect(latencyCredit(10_000, 10_000)).toBeCloseTo(0.5, 12)
    expect(latencyCredit(10_001, 10_000)).toBe(0)
    expect(latencyCredit(Number.NaN, 10_000)).toBe(0)
    expect(latencyCredit(8_000, 10_000, { fullCreditFraction: 0.2, floor: 0 })).toBeCloseTo(0.25, 12)
  })

  test('a nonsensical deadline or rule is refused in words', () => {
    expect(() => latencyCredit(1, 0)).toThrow('the deadline must be a positive number of milliseconds, not 0')
    expect(() => latencyCredit(1, 10, { fullCreditFraction: 2, floor: 0 })).toThrow('fullCreditFraction must be from 0 to 1, not 2')
  })
})

describe('scoring a step', () => {
  // a toy task: the expected answer is one byte; score 1 if equal, 0.25 if off by one, malformed if not one byte
  const toy: ValidatorTask<number> = {
    id: 'toy',
    challenge: async () => ({ body: new Uint8Array([1]), expected: 7, size: 1 }),
    scoreAnswer: (body, expected) =>
      body.length !== 1 ? { ok: false, score: 0, reason: `the answer is ${body.length} bytes, not 1` } : { ok: true, score: body[0] === expected ? 1 : Math.abs(body[0]! - expected) === 1 ? 0.25 : 0 },
  }

  test('task score × latency credit per miner; a malformed answer scores 0 with the reason', async () => {
    const scored = await scoreAnswers(toy.scoreAnswer, 7, [
      { uid: 1, body: new Uint8Array([7]), latencyMs: 100 },
      { uid: 2, body: new Uint8Array([8]), latencyMs: 100 },
      { uid: 3, body: new Uint8Array([7]), latencyMs: 7_500 },
      { uid: 4, body: new Uint8Array([7, 7]), latencyMs: 100 },
    ], 10_000)
    expect(scored.map((s) => [s.uid, s.score])).toEqual([[1, 1], [2, 0.25], [3, 0.75], [4, 0]])
    expect(scored[3]).toEqual({ uid: 4, ok: false, score: 0, reason: 'the answer is 2 bytes, not 1', latencyMs: 100 })
    expect(scored[2]).toMatchObject({ ok: true, taskScore: 1, latencyCredit: 0.75 })
  })
})
