// The digits task's bodies: round trips, and malformed bytes refused in words before the schema sees them.
import { describe, expect, test } from 'vitest'
import { decodeDigitsAnswer, decodeDigitsQuery, encodeDigitsAnswer, encodeDigitsQuery } from './wire.ts'

describe('digits wire format', () => {
  test('a query and an answer round-trip exactly', () => {
    const data = Float32Array.from({ length: 2 * 784 }, (_, i) => (i % 256) / 255)
    const bytes = encodeDigitsQuery({ data, dims: [2, 1, 28, 28] })
    expect(bytes.length).toBe(4 + 2 * 784 * 4)
    const back = decodeDigitsQuery(bytes)
    expect(back.ok && back.value.dims).toEqual([2, 1, 28, 28])
    expect(back.ok && back.value.data).toEqual(data)
    const probs = Float32Array.from({ length: 20 }, (_, i) => (i % 10 === 3 ? 0.91 : 0.01))
    const answer = decodeDigitsAnswer(encodeDigitsAnswer({ data: probs, dims: [2, 10] }), 2)
    expect(answer.ok && answer.value.data).toEqual(probs)
  })

  test('short, inconsistent and out-of-range bodies are refused with the reason', () => {
    expect(decodeDigitsQuery(new Uint8Array(2))).toEqual({ ok: false, reason: 'the query is 2 bytes; it starts with a 4-byte row count' })
    const lying = encodeDigitsQuery({ data: new Float32Array(784), dims: [1, 1, 28, 28] })
    new DataView(lying.buffer).setUint32(0, 1_000_000, true)
    expect(decodeDigitsQuery(lying)).toEqual({ ok: false, reason: `the query says 1000000 rows, which take ${4 + 1_000_000 * 784 * 4} bytes; it has ${4 + 784 * 4}` })
    const bright = encodeDigitsQuery({ data: new Float32Array(784).fill(2), dims: [1, 1, 28, 28] })
    expect(decodeDigitsQuery(bright)).toMatchObject({ ok: false, reason: expect.stringContaining('pixels must be numbers from 0 to 1') })
    expect(decodeDigitsAnswer(encodeDigitsAnswer({ data: new Float32Array(10), dims: [1, 10] }), 2)).toMatchObject({ ok: false })
  })
})
