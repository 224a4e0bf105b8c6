import { describe, expect, test } from 'vitest'
import { foldStep, refusalsText } from './rows.ts'

describe('the per-miner table', () => {
  test('keeps the latest outcome, the moving score, and counts refusals by reason across steps', () => {
    const one = foldStep([], {
      step: 1,
      rows: [
        { uid: 3, hotkey: 'h3', peerId: 'p', outcome: { kind: 'refused', reason: 'NoValidatorPermit', message: 'no permit' }, score: 0, movingScore: 0 },
        { uid: 1, hotkey: 'h1', peerId: 'p', outcome: { kind: 'answered', taskScore: 0.9, latencyCredit: 0.75, latencyMs: 30 }, score: 0.675, movingScore: 0.0675 },
      ],
    })
    expect(one.map((r) => r.uid)).toEqual([1, 3])
    expect(one[0]).toMatchObject({ last: 'answered: 90.0% correct, latency credit 0.75', latencyMs: 30, answered: 1 })
    expect(one[1]).toMatchObject({ last: 'refused (NoValidatorPermit): no permit', latencyMs: undefined, refusals: { NoValidatorPermit: 1 } })
    const two = foldStep(one, {
      step: 2,
      rows: [
        { uid: 3, hotkey: 'h3', peerId: 'p', outcome: { kind: 'refused', reason: 'NoValidatorPermit', message: 'no permit' }, score: 0, movingScore: 0 },
        { uid: 4, hotkey: 'h4', peerId: 'p', outcome: { kind: 'timeout' }, score: 0, movingScore: 0 },
      ],
    })
    expect(two.map((r) => [r.uid, r.queried, refusalsText(r.refusals), r.last])).toEqual([
      [1, 1, 'none', 'answered: 90.0% correct, latency credit 0.75'],
      [3, 2, 'NoValidatorPermit 2', 'refused (NoValidatorPermit): no permit'],
      [4, 1, 'none', 'no answer before the deadline'],
    ])
    // UID 3 changed hands: its row starts over
    const three = foldStep(two, { step: 3, rows: [{ uid: 3, hotkey: 'new', peerId: 'p', outcome: { kind: 'malformed', reason: 'wrong size', latencyMs: 5 }, score: 0, movingScore: 0 }] })
    expect(three.find((r) => r.uid === 3)).toMatchObject({ hotkey: 'new', queried: 1, refusals: {}, last: 'malformed answer: wrong size' })
  })
})
