import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { batchKey, samples, splitOutputs, stackFeeds } from './batch.ts'
import type { Feeds } from './protocol.ts'

const digits = (n: number, fill: number): Feeds => ({ input: { type: 'float32', dims: [n, 1, 2, 2], data: new Float32Array(n * 4).fill(fill) } })

describe('stackFeeds / splitOutputs', () => {
  it('stacks requests along the batch dimension in order', () => {
    const { feeds, counts } = stackFeeds([digits(1, 1), digits(2, 2), digits(1, 3)])
    expect(counts).toEqual([1, 2, 1])
    expect(feeds.input!.dims).toEqual([4, 1, 2, 2])
    expect([...feeds.input!.data]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3])
  })

  it('splits outputs back, each request getting its own rows in its own buffer', () => {
    const out: Feeds = { probabilities: { type: 'float32', dims: [3, 2], data: Float32Array.from([1, 2, 3, 4, 5, 6]) } }
    const [a, b] = splitOutputs(out, [1, 2])
    expect(a!.probabilities!.dims).toEqual([1, 2])
    expect([...a!.probabilities!.data]).toEqual([1, 2])
    expect(b!.probabilities!.dims).toEqual([2, 2])
    expect([...b!.probabilities!.data]).toEqual([3, 4, 5, 6])
    expect(a!.probabilities!.data.buffer).not.toBe(b!.probabilities!.data.buffer)
  })

  it('round-trips any batch of requests (stack then split is the identity)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), (ns) => {
        const list = ns.map((n, i) => ({ x: { type: 'int32' as const, dims: [n, 3], data: Int32Array.from({ length: n * 3 }, (_, k) => i * 100 + k) } }))
        const { feeds, counts } = stackFeeds(list)
        const back = splitOutputs(feeds, counts)
        back.forEach((f, i) => {
          expect(f.x!.dims).toEqual(list[i]!.x.dims)
          expect([...f.x!.data]).toEqual([...list[i]!.x.data])
        })
      }),
    )
  })

  it('keeps requests of different shapes apart', () => {
    const wide: Feeds = { input: { type: 'float32', dims: [1, 1, 2, 3], data: new Float32Array(6) } }
    expect(batchKey(wide)).not.toBe(batchKey(digits(1, 0)))
    expect(batchKey(digits(3, 0))).toBe(batchKey(digits(1, 0)))
    expect(() => stackFeeds([digits(1, 0), wide])).toThrow(/cannot be stacked/)
  })

  it('refuses requests whose inputs disagree on the batch size', () => {
    const odd: Feeds = { ...digits(2, 0), mask: { type: 'uint8', dims: [1, 4], data: new Uint8Array(4) } }
    expect(samples(odd)).toBeNull()
    expect(batchKey(odd)).toBeNull()
  })

  it('refuses to split an output that lost the batch dimension', () => {
    const out: Feeds = { total: { type: 'float32', dims: [1], data: new Float32Array(1) } }
    expect(() => splitOutputs(out, [1, 2])).toThrow(/leading dimension 1, not the batch's 3/)
  })
})
