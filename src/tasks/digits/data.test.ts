import { describe, expect, test } from 'vitest'
import { createHash } from 'node:crypto'
import { classCounts, digitSetFromClasses, HELD_OUT_SIZE, splitDigits, SPLIT_SEED } from './data.ts'
import { loadDigitsSplit, loadMnist } from './loadMnist.ts'

const sha = (a: ArrayBufferView) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex')

describe('the mnist split (miners train on 8,000 digits, validators hold out 2,000)', () => {
  const all = loadMnist()
  const { train, heldOut } = loadDigitsSplit()

  test('the package holds 10,000 labelled digits with pixels in [0, 1]', () => {
    expect(all.count).toBe(10_000)
    expect(classCounts(all)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978])
    expect(all.images.every((v) => v >= 0 && v <= 1)).toBe(true)
  })

  test('8,000 / 2,000, disjoint, together exactly the package', () => {
    expect(train.count).toBe(8000)
    expect(heldOut.count).toBe(HELD_OUT_SIZE)
    const seen = new Set<number>([...train.sourceIndex, ...heldOut.sourceIndex])
    expect(seen.size).toBe(10_000)
    // labels and pixels travel with their digit
    const i = heldOut.sourceIndex[123] as number
    expect(heldOut.labels[123]).toBe(all.labels[i])
    expect([...heldOut.images.subarray(123 * 784, 124 * 784)]).toEqual([...all.images.subarray(i * 784, (i + 1) * 784)])
  })

  test('is fixed: the same held-out digits on every machine (class counts and checksum pinned)', () => {
    expect(classCounts(heldOut).join(' ')).toMatchInlineSnapshot(`"229 218 184 186 201 174 203 185 210 210"`)
    expect(sha(heldOut.sourceIndex)).toMatchInlineSnapshot(`"28b0e62a1ffa3f0f13b6f9b65f6fe92f26d044fa0355c8a2d72b5c86dd66611b"`)
    expect(heldOut.sourceIndex.subarray(0, 8).join(' ')).toMatchInlineSnapshot(`"1 9 16 17 19 26 28 34"`)
    const again = splitDigits(all, SPLIT_SEED)
    expect(sha(again.heldOut.sourceIndex)).toBe(sha(heldOut.sourceIndex))
    expect(sha(splitDigits(all, 'another seed').heldOut.sourceIndex)).not.toBe(sha(heldOut.sourceIndex))
  })

  test('every class is in both parts, in roughly its share', () => {
    for (const [d, n] of classCounts(heldOut).entries()) {
      const share = (classCounts(all)[d] as number) / 10_000
      expect(n / HELD_OUT_SIZE).toBeGreaterThan(share - 0.03)
      expect(n / HELD_OUT_SIZE).toBeLessThan(share + 0.03)
    }
  })
})

test('digitSetFromClasses refuses data that is not ten classes of whole 28×28 images in [0, 1]', () => {
  const ok = Array.from({ length: 10 }, () => new Array(784).fill(0))
  expect(digitSetFromClasses(ok).count).toBe(10)
  expect(() => digitSetFromClasses(ok.slice(0, 9))).toThrow('expected 10 digit classes, got 9')
  expect(() => digitSetFromClasses([...ok.slice(0, 9), new Array(700).fill(0)])).toThrow(/digit 9: 700 values is not a whole number/)
  expect(() => digitSetFromClasses([[...new Array(783).fill(0), 2], ...ok.slice(1)])).toThrow(/outside \[0, 1\]/)
})
