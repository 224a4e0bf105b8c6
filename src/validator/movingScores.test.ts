// Moving scores per UID: the exponential moving average with real numbers, reset when a UID changes hands, 0 for a silent miner.
import { describe, expect, test } from 'vitest'
import { updateMovingScores } from './movingScores.ts'

const neurons = [
  { uid: 0, hotkey: 'owner' },
  { uid: 1, hotkey: 'validator' },
  { uid: 2, hotkey: 'cnn' },
  { uid: 3, hotkey: 'mlp' },
]

describe('moving scores', () => {
  test('each step moves a score α of the way to the step score, from 0', () => {
    let s = updateMovingScores(new Map(), neurons, new Map([[2, 1], [3, 0.5]]), 0.5)
    expect([...s.values()]).toEqual([
      { uid: 2, hotkey: 'cnn', score: 0.5, steps: 1 },
      { uid: 3, hotkey: 'mlp', score: 0.25, steps: 1 },
    ])
    s = updateMovingScores(s, neurons, new Map([[2, 1], [3, 0.5]]), 0.5)
    expect(s.get(2)!.score).toBe(0.75)
    expect(s.get(3)!.score).toBe(0.375)
    // UIDs never queried get no entry
    expect(s.has(0)).toBe(false)
  })

  test('a miner that did not answer (or stopped serving) moves towards 0', () => {
    let s = updateMovingScores(new Map(), neurons, new Map([[2, 1]]), 0.1)
    expect(s.get(2)!.score).toBeCloseTo(0.1, 12)
    s = updateMovingScores(s, neurons, new Map([[2, 0]]), 0.1)
    expect(s.get(2)!.score).toBeCloseTo(0.09, 12)
    s = updateMovingScores(s, neurons, new Map(), 0.1) // not queried at all
    expect(s.get(2)!.score).toBeCloseTo(0.081, 12)
  })

  test('a UID that changed hands starts again from 0; a UID that left is dropped', () => {
    let s = updateMovingScores(new Map(), neurons, new Map([[2, 1], [3, 1]]), 0.5)
    const after = [neurons[0]!, neurons[1]!, { uid: 2, hotkey: 'newcomer' }]
    s = updateMovingScores(s, after, new Map([[2, 0.5]]), 0.5)
    expect(s.get(2)).toEqual({ uid: 2, hotkey: 'newcomer', score: 0.25, steps: 1 })
    expect(s.has(3)).toBe(false)
  })

  test('scores outside 0..1 and a bad alpha are refused in words', () => {
    expect(() => updateMovingScores(new Map(), neurons, new Map([[2, 1.5]]))).toThrow("UID 2's step score 1.5 is outside 0..1")
    expect(() => updateMovingScores(new Map(), neurons, new Map(), 0)).toThrow('the moving-average alpha must be in (0, 1], not 0')
  })
})
