import { describe, expect, it } from 'vitest'
import * as ortNode from 'onnxruntime-node'
import { InferenceEngine, type OrtModule } from './infer.ts'
import type { WorkerResponse } from './protocol.ts'
import { DIGITS_SIGNATURE, digitsCnn, flatSoftmax, randomDigits, slowChain } from './testing/models.ts'

/** onnxruntime-node standing in for onnxruntime-web (same API; its CPU provider instead of wasm). */
const ort = {
  env: { wasm: {}, webgpu: {} },
  Tensor: ortNode.Tensor,
  InferenceSession: { create: (bytes: Uint8Array, options: object) => ortNode.InferenceSession.create(bytes, { ...options, executionProviders: ['cpu'] }) },
} as unknown as OrtModule

function engine() {
  const sent: WorkerResponse[] = []
  const e = new InferenceEngine({
    post: (m) => void sent.push(m),
    importOrt: async () => ort,
    requestAdapter: async () => ({ adapter: {}, info: { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', description: '' } }),
    fetch,
    crossOriginIsolated: true,
    hardwareConcurrency: 2,
  })
  const answer = (id: number) =>
    new Promise<WorkerResponse>((resolve) => {
      const poll = () => {
        const m = sent.find((s) => 'id' in s && s.id === id && s.type !== 'progress')
        const r = sent.flatMap((s) => (s.type === 'results' ? s.items : [])).find((a) => a.id === id)
        m ? resolve(m) : r ? resolve({ type: 'results', items: [r] }) : setTimeout(poll, 1)
      }
      poll()
    })
  return { e, sent, answer }
}
const digit = (i: number) => ({ input: { type: 'float32' as const, dims: [1, 1, 28, 28], data: randomDigits(1, i) } })
const bytes = (b: Uint8Array) => ({ bytes: b.slice().buffer })

describe('InferenceEngine (on onnxruntime-node)', () => {
  it('reports the backend and why, refusing a software adapter', async () => {
    const { e } = engine()
    const info = await e.load(1, bytes(digitsCnn()), { signature: DIGITS_SIGNATURE })
    expect(info).toMatchObject({ backend: 'wasm', threads: 2, reason: 'wasm (2 threads) — the WebGPU adapter is a software fallback', batching: true })
    expect(info.adapter).toMatchObject({ isFallbackAdapter: true })
  })

  it('stacks concurrent requests into one run and gives each its own answer', async () => {
    const { e, sent, answer } = engine()
    await e.load(1, bytes(digitsCnn()), { signature: DIGITS_SIGNATURE, batch: { windowMs: 5, maxBatch: 64 } })
    for (let i = 0; i < 5; i++) e.run(10 + i, digit(i))
    const results = await Promise.all([10, 11, 12, 13, 14].map(answer))
    expect(sent.filter((m) => m.type === 'started')).toEqual([{ type: 'started', ids: [10, 11, 12, 13, 14] }])
    expect(sent.filter((m) => m.type === 'results')).toHaveLength(1)
    // Each answer equals that digit run alone.
    const alone = await ortNode.InferenceSession.create(digitsCnn())
    for (let i = 0; i < 5; i++) {
      const r = results[i]!
      expect(r).toMatchObject({ type: 'results', items: [{ batchSize: 5 }] })
      const want = (await alone.run({ input: new ortNode.Tensor('float32', randomDigits(1, i), [1, 1, 28, 28]) })).probabilities!.data as Float32Array
      const got = (r as Extract<WorkerResponse, { type: 'results' }>).items[0]!.outputs.probabilities!.data as Float32Array
      got.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 5))
    }
  })

  it('drops a cancelled request before it runs, and discards the answer of one cancelled in flight', async () => {
    const { e, sent, answer } = engine()
    await e.load(1, bytes(slowChain(300)), { batch: { windowMs: 5, maxBatch: 64 } })
    const x = () => ({ x: { type: 'float32' as const, dims: [64, 256], data: new Float32Array(64 * 256).fill(0.1) } })
    e.run(20, x())
    e.run(21, x())
    e.cancel(21)
    expect(await answer(21)).toEqual({ type: 'cancelled', id: 21, ran: false })
    // 20 goes in alone; cancel it while it runs.
    while (!sent.some((m) => m.type === 'started')) await new Promise((r) => setTimeout(r, 1))
    expect(sent.find((m) => m.type === 'started')).toEqual({ type: 'started', ids: [20] })
    e.cancel(20)
    expect(await answer(20)).toEqual({ type: 'cancelled', id: 20, ran: true })
    expect(sent.some((m) => m.type === 'results')).toBe(false)
  })

  it('refuses inputs the model cannot take, naming the shape it needs', async () => {
    const { e } = engine()
    await e.load(1, bytes(digitsCnn()), {})
    expect(() => e.run(2, { input: { type: 'float32', dims: [1, 784], data: new Float32Array(784) } })).toThrow(
      "input 'input' must be float32 [N, 1, 28, 28], got float32 [1, 784]",
    )
    expect(() => e.run(3, { pixels: { type: 'float32', dims: [1, 784], data: new Float32Array(784) } })).toThrow("missing input 'input'; unknown input 'pixels'")
  })

  it('refuses a mismatched model and random bytes', async () => {
    const { e } = engine()
    await expect(e.load(1, bytes(flatSoftmax()), { signature: DIGITS_SIGNATURE })).rejects.toMatchObject({ code: 'signature' })
    await expect(e.load(1, { bytes: new Uint8Array([1, 2, 3, 4, 5]).buffer, name: 'x.onnx' }, {})).rejects.toMatchObject({ code: 'not-onnx', message: expect.stringMatching(/^x\.onnx: the file is not an ONNX model/) })
  })
})
