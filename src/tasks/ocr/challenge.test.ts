import { describe, expect, test } from 'vitest'
import { createHash } from 'node:crypto'
import { createRng } from '../prng.ts'
import { makeOcrChallenge } from './challenge.ts'
import { nodeOcrCanvas } from './node.ts'
import { checkQuery } from './schema.ts'
import { CHARSET, drawText } from './text.ts'

const canvas = await nodeOcrCanvas()
const sha = (a: Uint8Array) => createHash('sha256').update(a).digest('hex')

describe('makeOcrChallenge', () => {
  test('the same seed gives the same texts, styles and pixels; another seed another challenge', () => {
    const a = makeOcrChallenge('5/1234/0xbeef', canvas)
    const b = makeOcrChallenge('5/1234/0xbeef', canvas)
    expect(b.expected).toEqual(a.expected)
    expect(sha(b.query.data)).toBe(sha(a.query.data))
    const c = makeOcrChallenge('5/1234/0xbeee', canvas)
    expect(c.expected.texts).not.toEqual(a.expected.texts)
  })

  test('pins one challenge’s texts and styles: any change to the PRNG, the charset or the draw order shows up here', () => {
    const c = makeOcrChallenge('pinned', canvas, { size: 4 })
    expect(c.expected.texts.join(' ')).toMatchInlineSnapshot(`"LmFn35M4d5dL KL3KtA+NH5 8Kyp3RrNGbMy B2kGREth"`)
    expect(c.expected.styles.map((s) => `${s.font.id} ${s.fontPx}px ${s.rotationDeg.toFixed(2)}° ink ${s.ink} paper ${s.paper}`)).toMatchInlineSnapshot(`
      [
        "serif 29px 0.24° ink 68 paper 229",
        "sans 27px 1.10° ink 66 paper 225",
        "serif 25px -1.84° ink 42 paper 201",
        "sans 27px -1.97° ink 47 paper 193",
      ]
    `)
  })

  test('is a well-formed query of dark text on light paper that gives nothing away', () => {
    const c = makeOcrChallenge(7, canvas, { size: 32 })
    expect(checkQuery(c.query).ok).toBe(true)
    expect(c.query.dims).toEqual([32, 48, 320])
    expect(Object.keys(c.query).sort()).toEqual(['data', 'dims'])
    const plane = 48 * 320
    for (let i = 0; i < 32; i++) {
      const line = c.query.data.subarray(i * plane, (i + 1) * plane)
      const style = c.expected.styles[i]!
      const dark = line.filter((v) => v < (style.ink + style.paper) / 2).length
      expect(dark, `line ${i} (“${c.expected.texts[i]}”) has ink`).toBeGreaterThan(100)
      expect(dark, `line ${i} is mostly paper`).toBeLessThan(plane / 3)
    }
    expect(new Set(c.expected.texts).size).toBe(32)
  })

  test('sizes outside 1…32 are refused', () => {
    expect(() => makeOcrChallenge('x', canvas, { size: 0 })).toThrow(/from 1 to 32/)
    expect(() => makeOcrChallenge('x', canvas, { size: 33 })).toThrow(/from 1 to 32/)
  })
})

test('texts: 6–12 glyphs, all from the unambiguous charset (no 0/O/o, 1/l/I, case look-alikes)', () => {
  const rng = createRng('texts')
  for (let i = 0; i < 500; i++) {
    const t = drawText(rng)
    expect(t.length).toBeGreaterThanOrEqual(6)
    expect(t.length).toBeLessThanOrEqual(12)
    for (const ch of t) expect(CHARSET).toContain(ch)
  }
  for (const ch of '0Oo1lIiJjcCsSuUvVwWxXzZ9q ') expect(CHARSET).not.toContain(ch)
})
