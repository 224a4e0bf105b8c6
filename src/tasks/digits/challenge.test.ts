import { describe, expect, test } from 'vitest'
import { createHash } from 'node:crypto'
import { createRng } from '../prng.ts'
import { augmentDigit, polyCos, polySin } from './augment.ts'
import { makeChallenge } from './challenge.ts'
import { loadDigitsSplit } from './loadMnist.ts'
import { checkQuery } from './schema.ts'

const { heldOut } = loadDigitsSplit()
const sha = (a: Float32Array) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex')

describe('makeChallenge', () => {
  test('the same seed gives the same images and labels, bit for bit; another seed another batch', () => {
    const a = makeChallenge('5/1234/0xbeef', heldOut)
    const b = makeChallenge('5/1234/0xbeef', heldOut)
    expect(sha(a.query.data)).toBe(sha(b.query.data))
    expect(a.expected).toEqual(b.expected)
    const c = makeChallenge('5/1234/0xbeee', heldOut)
    expect(sha(c.query.data)).not.toBe(sha(a.query.data))
    expect([...c.expected.heldOutIndex]).not.toEqual([...a.expected.heldOutIndex])
  })

  test('pins one challenge’s bytes: any change to the PRNG, the split or the augmentation shows up here', () => {
    const c = makeChallenge('pinned', heldOut, { size: 8 })
    expect(c.expected.labels.join(' ')).toMatchInlineSnapshot(`"5 2 3 2 9 6 2 0"`)
    expect(c.expected.heldOutIndex.join(' ')).toMatchInlineSnapshot(`"1136 562 796 547 1933 1240 552 214"`)
    expect(sha(c.query.data)).toMatchInlineSnapshot(`"aa2eb8061b1f57c89beb9c4f534058a53b2a0762b7c452561919c50b342b6cdb"`)
  })

  test('is a well-formed query of distinct held-out digits whose labels stay with the validator', () => {
    const c = makeChallenge(7, heldOut, { size: 256 })
    expect(checkQuery(c.query).ok).toBe(true)
    expect(c.query.dims).toEqual([256, 1, 28, 28])
    expect(new Set(c.expected.heldOutIndex).size).toBe(256)
    c.expected.heldOutIndex.forEach((i, k) => expect(c.expected.labels[k]).toBe(heldOut.labels[i]))
    expect(Object.keys(c.query).sort()).toEqual(['data', 'dims']) // nothing in the query gives the labels away
    // the whole held-out set can be drawn without repeats
    expect(new Set(makeChallenge('all', heldOut, { size: 256 }).expected.heldOutIndex).size).toBe(256)
  })

  test('no challenge image equals its source digit, and the ink stays where a digit would be', () => {
    const c = makeChallenge('look', heldOut, { size: 64 })
    for (let k = 0; k < 64; k++) {
      const i = c.expected.heldOutIndex[k] as number
      const src = heldOut.images.subarray(i * 784, (i + 1) * 784)
      const img = c.query.data.subarray(k * 784, (k + 1) * 784)
      let diff = 0
      let inkSrc = 0
      let inkImg = 0
      for (let p = 0; p < 784; p++) {
        diff += Math.abs((img[p] as number) - (src[p] as number))
        inkSrc += src[p] as number
        inkImg += img[p] as number
      }
      expect(diff).toBeGreaterThan(1)
      expect(inkImg / inkSrc).toBeGreaterThan(0.7) // rotation and shift by ±2 px keep most of the digit in frame
      expect(inkImg / inkSrc).toBeLessThan(2.5) // noise adds a little everywhere (clamped at 0)
    }
  })

  test('refuses sizes outside 1…256 or beyond the held-out set', () => {
    expect(() => makeChallenge('x', heldOut, { size: 0 })).toThrow(/from 1 to 256/)
    expect(() => makeChallenge('x', heldOut, { size: 300 })).toThrow(/from 1 to 256/)
    expect(() => makeChallenge('x', { ...heldOut, count: 10 }, { size: 20 })).toThrow(/larger than the 10 held-out digits/)
  })
})

describe('augmentation', () => {
  test('polySin/polyCos agree with Math.sin/Math.cos to 1e-15 over the rotation range', () => {
    for (let x = -0.5; x <= 0.5; x += 0.001) {
      expect(Math.abs(polySin(x) - Math.sin(x))).toBeLessThan(1e-15)
      expect(Math.abs(polyCos(x) - Math.cos(x))).toBeLessThan(1e-15)
    }
    expect(() => polySin(1)).toThrow(/only accurate/)
  })

  test('the identity transform without noise leaves the digit as it is; a 1-pixel shift moves it by one column', () => {
    const src = heldOut.images.subarray(0, 784)
    const out = new Float32Array(784)
    const rng = createRng('unused')
    augmentDigit(src, 0, out, 0, { dx: 0, dy: 0, angleRad: 0, noiseSigma: 0 }, rng)
    expect([...out]).toEqual([...src])
    augmentDigit(src, 0, out, 0, { dx: 1, dy: 0, angleRad: 0, noiseSigma: 0 }, rng)
    for (let y = 0; y < 28; y++) for (let x = 1; x < 28; x++) expect(out[y * 28 + x]).toBe(src[y * 28 + x - 1])
  })
})
