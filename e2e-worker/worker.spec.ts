// The miner worker in real Chromium: backend choice and its reason, the same answers on WASM and WebGPU as onnxruntime-node,
// refusals of bad uploads, batching and cancellation. Runs in two projects: `wasm` (no WebGPU) and `webgpu`
// (--enable-unsafe-webgpu: a SwiftShader fallback adapter on these machines).
import { test, expect, type Page } from '@playwright/test'
import * as ort from 'onnxruntime-node'
import type { Harness } from './harness/main.ts'
import { digitsCnn, randomDigits } from '../src/miner-worker/testing/models.ts'

declare const harness: Harness
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

async function open(page: Page, where: 'iso' | 'plain' = 'iso') {
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`))
  await page.goto(`${where}/`)
  await expect(page.locator('#status')).toHaveText('ready')
}

/** onnxruntime-node's answers for the same model and digits: the reference. */
async function nodeReference(): Promise<number[][]> {
  const session = await ort.InferenceSession.create(digitsCnn(1))
  const rows: number[][] = []
  for (const seed of SEEDS) {
    const out = await session.run({ input: new ort.Tensor('float32', randomDigits(1, seed), [1, 1, 28, 28]) })
    rows.push(Array.from(out.probabilities!.data as Float32Array))
  }
  return rows
}

function expectClose(actual: number[][], expected: number[][], tolerance = 1e-4) {
  expect(actual.length).toBe(expected.length)
  const worst = Math.max(...actual.flatMap((row, i) => row.map((v, k) => Math.abs(v - expected[i]![k]!))))
  expect(worst).toBeLessThanOrEqual(tolerance)
}

test.beforeEach(async ({ page }) => open(page))

test('auto-selection: WASM with min(4, cores) threads under cross-origin isolation, and the reason', async ({ page }, info) => {
  const r = await page.evaluate(async () => {
    const loaded = await harness.fresh().load('models/digits-cnn.onnx', { signature: harness.DIGITS_SIGNATURE })
    return { loaded, cores: navigator.hardwareConcurrency, isolated: crossOriginIsolated, gpu: await harness.gpu() }
  })
  expect(r.isolated).toBe(true)
  const threads = Math.min(4, r.cores)
  expect(r.loaded).toMatchObject({ backend: 'wasm', threads, crossOriginIsolated: true })
  if (r.cores >= 2) expect(r.loaded.threads).toBeGreaterThanOrEqual(2) // 2 on this project's 2-vCPU machines
  const plural = threads === 1 ? 'thread' : 'threads'
  if (info.project.name === 'webgpu') {
    // The software adapter is detected, reported, and passed over.
    expect(r.gpu).toMatchObject({ isFallbackAdapter: true })
    expect(r.loaded.adapter).toMatchObject({ isFallbackAdapter: true })
    expect(r.loaded.reason).toBe(`wasm (${threads} ${plural}) — the WebGPU adapter is a software fallback`)
  } else {
    expect(r.gpu).toBeNull()
    expect(r.loaded.adapter).toBeNull()
    expect(r.loaded.reason).toBe(`wasm (${threads} ${plural}) — no WebGPU adapter`)
  }
})

test('without cross-origin isolation: one WASM thread, and it says why', async ({ page }) => {
  await open(page, 'plain')
  const r = await page.evaluate(async () => ({
    isolated: crossOriginIsolated,
    loaded: await harness.fresh().load('models/digits-cnn.onnx', { signature: harness.DIGITS_SIGNATURE }),
  }))
  expect(r.isolated).toBe(false)
  expect(r.loaded).toMatchObject({ backend: 'wasm', threads: 1, crossOriginIsolated: false })
  expect(r.loaded.reason).toMatch(/^wasm \(1 thread\) — .*the page is not cross-origin isolated, so no threads$/)
})

test('WASM answers match onnxruntime-node on the same model and inputs (within 1e-4)', async ({ page }) => {
  const reference = await nodeReference()
  const r = await page.evaluate(async (seeds) => {
    const client = harness.fresh()
    const loaded = await client.load('models/digits-cnn.onnx', { backend: 'wasm', signature: harness.DIGITS_SIGNATURE })
    return { backend: loaded.backend, reason: loaded.reason, ...(await harness.classify(client, seeds)) }
  }, SEEDS)
  expect(r.backend).toBe('wasm')
  expect(r.reason).toMatch(/^wasm \(\d threads?\) — forced$/)
  expectClose(r.rows, reference)
})

// Runs in project webgpu only (its grep): the browser needs --enable-unsafe-webgpu for an adapter.
test('WebGPU and WASM give the same answers (within 1e-4), and onnxruntime-node agrees @webgpu', async ({ page }) => {
  const reference = await nodeReference()
  const r = await page.evaluate(async (seeds) => {
    const run = async (backend: 'webgpu' | 'wasm') => {
      const client = harness.fresh()
      const loaded = await client.load('models/digits-cnn.onnx', { backend, signature: harness.DIGITS_SIGNATURE })
      return { loaded, ...(await harness.classify(client, seeds)) }
    }
    return { webgpu: await run('webgpu'), wasm: await run('wasm') }
  }, SEEDS)
  expect(r.webgpu.loaded).toMatchObject({ backend: 'webgpu', reason: 'webgpu — forced (the WebGPU adapter is a software fallback)' })
  expect(r.webgpu.loaded.adapter).toMatchObject({ isFallbackAdapter: true })
  expect(r.wasm.loaded.backend).toBe('wasm')
  expectClose(r.webgpu.rows, r.wasm.rows)
  expectClose(r.webgpu.rows, reference)
  expectClose(r.wasm.rows, reference)
})

// Runs in project wasm only (its grep): only there has the browser no WebGPU adapter.
test('forcing WebGPU where the browser has no adapter is refused with a message @no-webgpu', async ({ page }) => {
  const r = await page.evaluate(async () => {
    try {
      await harness.fresh().load('models/digits-cnn.onnx', { backend: 'webgpu' })
      return null
    } catch (e) {
      return harness.describe(e)
    }
  })
  expect(r).toEqual({ code: 'backend', message: 'WebGPU was asked for, but this browser offers no WebGPU adapter', ran: false })
})

test('an uploaded .onnx that is not a model, does not fit the task, or cannot run is refused with a message', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const client = harness.fresh()
    const upload = async (name: string) => {
      const file = new File([await harness.bytes(`models/${name}`)], name)
      try {
        const loaded = await client.load(file, { signature: harness.DIGITS_SIGNATURE })
        return { accepted: loaded.backend }
      } catch (e) {
        return harness.describe(e)
      }
    }
    return {
      random: await upload('random.onnx'),
      mismatched: await upload('flat-softmax.onnx'),
      unknownOperator: await upload('unknown-operator.onnx'),
      good: await upload('digits-cnn.onnx'),
    }
  })
  expect(r.random).toMatchObject({ code: 'not-onnx' })
  expect((r.random as { message: string }).message).toMatch(/^random\.onnx: the file is not an ONNX model/)
  expect(r.mismatched).toEqual({
    code: 'signature',
    message: 'the model does not fit the task: input 0: expected float32 [N, 1, 28, 28], the model has float32 [N, 784]',
    ran: false,
  })
  expect(r.unknownOperator).toMatchObject({ code: 'model' })
  expect((r.unknownOperator as { message: string }).message).toMatch(/^onnxruntime could not load the model: .*ClassifyDigitsPlease/)
  expect(r.good).toEqual({ accepted: 'wasm' })
})

test('a model download reports progress up to its size', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const progress: Array<{ loaded: number; total: number | null }> = []
    const loaded = await harness.fresh().load('models/digits-cnn.onnx', { onProgress: (p) => progress.push(p) })
    return { progress, bytes: loaded.bytes }
  })
  expect(r.progress.length).toBeGreaterThanOrEqual(2)
  expect(r.progress[0]).toEqual({ loaded: 0, total: r.bytes })
  expect(r.progress.at(-1)).toEqual({ loaded: r.bytes, total: r.bytes })
  const loadedSeq = r.progress.map((p) => p.loaded)
  expect(loadedSeq).toEqual([...loadedSeq].sort((a, b) => a - b))
})

test('concurrent requests share one batched run, and each gets its own answer', async ({ page }) => {
  const reference = await nodeReference()
  const r = await page.evaluate(async (seeds) => {
    const client = harness.fresh()
    await client.load('models/digits-cnn.onnx', { backend: 'wasm', signature: harness.DIGITS_SIGNATURE, batch: { windowMs: 200, maxBatch: 64 } })
    await client.warmup(1)
    return harness.classify(client, seeds)
  }, SEEDS)
  expect(r.batchSizes).toEqual(SEEDS.map(() => SEEDS.length))
  expectClose(r.rows, reference)
})

test('cancellation: a queued request is dropped before it runs; a running one finishes and its answer is discarded', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const client = harness.fresh()
    await client.load('models/slow-chain.onnx', { backend: 'wasm', batch: { windowMs: 200, maxBatch: 256 } })
    const x = () => ({ x: { type: 'float32' as const, dims: [64, 256], data: new Float32Array(64 * 256).fill(0.1) } })
    const started = new Set<string>()
    const settle = (name: string, signal?: AbortSignal, onStart?: () => void) =>
      client.run(x(), { ...(signal ? { signal } : {}), onStart: () => (started.add(name), onStart?.()) }).then(
        (v) => ({ batchSize: v.batchSize }),
        (e) => harness.describe(e),
      )

    // Three requests inside one batching window; the middle one is cancelled while still queued.
    const abortQueued = new AbortController()
    const pending = [settle('a'), settle('b', abortQueued.signal), settle('c')]
    abortQueued.abort()
    const queued = await Promise.all(pending)

    // One request cancelled as soon as the worker says it went into the model.
    const abortRunning = new AbortController()
    const running = await settle('d', abortRunning.signal, () => abortRunning.abort())
    const after = await settle('e')
    return { queued, running, after, started: [...started].sort() }
  })
  expect(r.queued).toEqual([
    { batchSize: expect.any(Number) },
    { code: 'cancelled', message: 'the request was cancelled before it ran', ran: false },
    { batchSize: expect.any(Number) },
  ])
  expect(r.started).toEqual(['a', 'c', 'd', 'e']) // b never went into the model
  expect(r.running).toEqual({ code: 'cancelled', message: 'the request was cancelled; its run had started, its answer was discarded', ran: true })
  expect(r.after).toEqual({ batchSize: 1 })
})
