// The held-out file round-trips the mnist package's held-out digits exactly, so a browser validator draws the Node validator's challenges.
import { describe, expect, test } from 'vitest'
import { loadDigitsSplit } from './loadMnist.ts'
import { decodeHeldOut, encodeHeldOut } from './heldOutFile.ts'
import { makeChallenge } from './challenge.ts'

describe('held-out digits file', () => {
  const { heldOut } = loadDigitsSplit()
  const bytes = encodeHeldOut(heldOut)

  test('2,000 digits in about 1.6 MB, decoding to the same digits bit for bit and the same challenges', () => {
    expect(bytes.length).toBeLessThan(1_700_000)
    const decoded = decodeHeldOut(bytes)
    if (!decoded.ok) throw new Error(decoded.reason)
    expect(decoded.value.count).toBe(2000)
    // compared as bytes: toEqual over 1.6 million floats one by one takes seconds
    const same = (a: ArrayBufferView, b: ArrayBufferView) => expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true)
    same(decoded.value.images, heldOut.images)
    same(decoded.value.labels, heldOut.labels)
    same(decoded.value.sourceIndex, heldOut.sourceIndex)
    same(makeChallenge('same', decoded.value, { size: 32 }).query.data, makeChallenge('same', heldOut, { size: 32 }).query.data)
  })

  test('refuses what is not such a file, in words', () => {
    expect(decodeHeldOut(new Uint8Array(8))).toMatchObject({ ok: false, reason: expect.stringContaining('WTD1') })
    expect(decodeHeldOut(bytes.subarray(0, bytes.length - 1))).toMatchObject({ ok: false, reason: expect.stringContaining('takes') })
    const bad = bytes.slice()
    new DataView(bad.buffer).setUint32(8, 300, true)
    expect(decodeHeldOut(bad)).toMatchObject({ ok: false, reason: expect.stringContaining('palette has 300') })
  })
})
