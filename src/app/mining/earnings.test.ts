// A mining hotkey's standing from a metagraph: rank among miners, emission per day in α and τ, and the near-zero note.
import { describe, expect, test } from 'vitest'
import { minerStanding } from './earnings.ts'

const row = (uid: number, hotkey: string, incentive: number, emission: bigint, validatorPermit = false) => ({
  uid,
  hotkey,
  incentive,
  emission,
  validatorPermit,
})
const TAO = 1_000_000_000n

describe('minerStanding', () => {
  // tempo 100 at 12 s: 72 epochs a day; price 0.5 τ per α (τ reserve 50, α reserve 100)
  const subnet = { tempo: 100, taoIn: 50n * TAO, alphaIn: 100n * TAO }
  const neurons = [row(0, 'validator', 0, 5n * TAO, true), row(1, 'a', 0.5, 2n * TAO), row(2, 'me', 0.3, TAO), row(3, 'b', 0.2, TAO / 2n), row(4, 'idle', 0, 0n)]

  test('rank among miners (validators left out), emission per epoch and per day in α and τ', () => {
    expect(minerStanding({ subnet, neurons: neurons as never }, 'me')).toEqual({
      uid: 2,
      incentive: 0.3,
      rank: 2,
      miners: 4,
      emissionPerEpoch: TAO,
      alphaPerDay: 72n * TAO,
      taoPerDay: 36n * TAO,
      nearZero: false,
      note: undefined,
    })
  })

  test('no incentive yet: zero a day, and the page says why', () => {
    const s = minerStanding({ subnet, neurons: neurons as never }, 'idle')!
    expect(s).toMatchObject({ rank: 4, alphaPerDay: 0n, taoPerDay: 0n, nearZero: true })
    expect(s.note).toMatch(/^This hotkey earns no incentive yet/)
  })

  test('incentive but a tiny emission: near zero, said plainly', () => {
    const s = minerStanding({ subnet, neurons: [row(1, 'me', 1, 10_000n)] as never }, 'me')!
    expect(s).toMatchObject({ rank: 1, miners: 1, taoPerDay: 360_000n, nearZero: true })
    expect(s.note).toMatch(/^Expected earnings are near zero/)
  })

  test('a hotkey without a UID has no standing', () => {
    expect(minerStanding({ subnet, neurons: neurons as never }, 'stranger')).toBeUndefined()
  })
})
