import { describe, expect, test } from 'vitest'
import { ctcGreedyDecode, parseDictionary } from './ctc.ts'
import { linesToTensor, resizeLine } from './preprocess.ts'
import { loadOcrDictionary } from './node.ts'
import { CLASSES } from './schema.ts'
import { CHARSET } from './text.ts'

/** Scores [1, steps, classes] with a 1 at each step's class. */
const steps = (classes: number, picks: number[]) => {
  const data = new Float32Array(picks.length * classes)
  picks.forEach((k, t) => (data[t * classes + k] = 1))
  return { data, dims: [1, picks.length, classes] }
}

describe('greedy CTC decode', () => {
  const classes = parseDictionary('a\nb\nc\n') // ['', a, b, c, ' ']
  test('the dictionary: blank first, its lines, a space last', () => {
    expect(classes).toEqual(['', 'a', 'b', 'c', ' '])
    expect(parseDictionary('a\r\nb')).toEqual(['', 'a', 'b', ' '])
  })
  test('repeats collapse, a blank between repeats keeps both, blanks and edges vanish', () => {
    expect(ctcGreedyDecode(steps(5, [0, 1, 1, 0, 1, 2, 2, 4, 3, 0]), classes).texts).toEqual(['aab c'])
    expect(ctcGreedyDecode(steps(5, [0, 0, 0]), classes)).toEqual({ texts: [''], confidence: [1] })
  })
  test('a shape that does not match the dictionary or the query is refused in words', () => {
    expect(() => ctcGreedyDecode(steps(6, [1]), classes)).toThrow("the model's output has 6 classes per step; the dictionary has 5 (blank, characters, space)")
    expect(() => ctcGreedyDecode(steps(5, [1]), classes, 2)).toThrow("the model's output has 1 rows for 2 lines")
    expect(() => ctcGreedyDecode({ data: new Float32Array(5), dims: [1, 5] }, classes)).toThrow(/2 dimensions/)
  })
  test('PaddleOCR’s dictionary gives its model’s 6,625 classes and holds every challenge glyph', () => {
    const dict = loadOcrDictionary()
    expect(dict.length).toBe(CLASSES)
    expect(dict[0]).toBe('')
    expect(dict.at(-1)).toBe(' ')
    for (const ch of CHARSET) expect(dict.indexOf(ch)).toBeGreaterThan(0)
  })
})

describe('preprocessing', () => {
  test('grey bytes → float32 [N, 3, 48, W] with (v / 255 − 0.5) / 0.5 in every channel', () => {
    const data = new Uint8Array(2 * 48 * 16)
    data[0] = 255
    data[48 * 16] = 0
    data[1] = 128
    const t = linesToTensor({ data, dims: [2, 48, 16] })
    expect(t.dims).toEqual([2, 3, 48, 16])
    const plane = 48 * 16
    expect([t.data[0], t.data[plane], t.data[2 * plane]]).toEqual([1, 1, 1])
    expect(t.data[1]).toBeCloseTo(0.00392, 4)
    expect(t.data[3 * plane]).toBe(-1) // line 1, channel 0, first pixel: black
  })
  test('resizeLine scales to height 48 keeping the aspect ratio and pads the right with mid grey', () => {
    const src = new Uint8Array(24 * 40).fill(0) // 40 wide, 24 high: becomes 80 × 48
    const out = resizeLine(src, 40, 24, 100)
    expect(out.length).toBe(48 * 100)
    expect(out[47 * 100 + 79]).toBe(0)
    expect(out[47 * 100 + 80]).toBe(128)
    expect(resizeLine(new Uint8Array(96 * 1000).fill(9), 1000, 96, 320)[47 * 320 + 319]).toBe(9) // too wide: squeezed to 320
  })
})
