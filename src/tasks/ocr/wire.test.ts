// The ocr task's bodies: round trips, and malformed bytes refused in words before anything reads them.
import { describe, expect, test } from 'vitest'
import { decodeOcrAnswer, decodeOcrQuery, encodeOcrAnswer, encodeOcrQuery } from './wire.ts'

const lines = (n: number, w = 320) => ({ data: Uint8Array.from({ length: n * 48 * w }, (_, i) => i % 251), dims: [n, 48, w] as const })
const setU16 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint16(at, v, true)

describe('ocr wire format', () => {
  test('a query (one byte per pixel) and an answer round-trip exactly', () => {
    const q = lines(3)
    const bytes = encodeOcrQuery(q)
    expect(bytes.length).toBe(6 + 3 * 48 * 320)
    const back = decodeOcrQuery(bytes)
    expect(back.ok && back.value.dims).toEqual([3, 48, 320])
    expect(back.ok && back.value.data).toEqual(q.data)
    const texts = ['Hk4#bR', '', '汉字 and ？']
    expect(decodeOcrAnswer(encodeOcrAnswer(texts), 3)).toEqual({ ok: true, value: texts })
  })

  test('malformed queries are refused with the reason', () => {
    expect(decodeOcrQuery(new Uint8Array(3))).toEqual({ ok: false, reason: 'the query is 3 bytes; it starts with a 6-byte header (lines, height, width)' })
    const tall = encodeOcrQuery(lines(1))
    setU16(tall, 2, 64)
    expect(decodeOcrQuery(tall)).toEqual({ ok: false, reason: 'the lines are 64 pixels high; they must be 48' })
    const many = encodeOcrQuery(lines(1))
    setU16(many, 0, 40_000)
    expect(decodeOcrQuery(many)).toEqual({ ok: false, reason: 'the query holds 40000 lines; it must hold 1 to 32' })
    const wide = encodeOcrQuery(lines(1))
    setU16(wide, 4, 4096)
    expect(decodeOcrQuery(wide)).toEqual({ ok: false, reason: 'the lines are 4096 pixels wide; they must be 16 to 640' })
    const lying = encodeOcrQuery(lines(1))
    setU16(lying, 0, 2)
    expect(decodeOcrQuery(lying)).toEqual({ ok: false, reason: `the query says 2 lines of 48×320, which take ${6 + 2 * 48 * 320} bytes; it has ${6 + 48 * 320}` })
    expect(decodeOcrQuery(encodeOcrQuery({ data: new Uint8Array(0), dims: [0, 48, 320] }))).toMatchObject({ ok: false, reason: expect.stringContaining('1 to 32') })
  })

  test('malformed answers are refused with the reason', () => {
    expect(decodeOcrAnswer(new Uint8Array(1), 1)).toEqual({ ok: false, reason: 'the answer is 1 bytes; it starts with a 2-byte text count' })
    expect(decodeOcrAnswer(encodeOcrAnswer(['ab']), 2)).toEqual({ ok: false, reason: 'the answer has 1 text; the query had 2 lines' })
    const short = encodeOcrAnswer(['abcdef']).subarray(0, 6)
    expect(decodeOcrAnswer(short, 1)).toEqual({ ok: false, reason: 'text 0 says 6 bytes, but the answer ends 4 bytes short' })
    const badUtf8 = encodeOcrAnswer(['ab'])
    badUtf8[4] = 0xff
    expect(decodeOcrAnswer(badUtf8, 1)).toEqual({ ok: false, reason: 'text 0 is not valid UTF-8' })
    expect(decodeOcrAnswer(Uint8Array.of(...encodeOcrAnswer(['ab']), 0), 1)).toEqual({ ok: false, reason: 'the answer has 1 bytes after its 1 texts' })
    const long = new Uint8Array(2 + 2 + 300)
    setU16(long, 0, 1)
    setU16(long, 2, 300)
    expect(decodeOcrAnswer(long, 1)).toEqual({ ok: false, reason: 'text 0 is 300 bytes; at most 256 are read' })
    expect(() => encodeOcrAnswer(['x'.repeat(257)])).toThrow(/at most 256/)
  })
})
