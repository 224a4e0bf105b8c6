// The miner-worker harness page: exposes the real client (src/miner-worker/client.ts) and test inputs to Playwright.
import { createMinerClient, MinerError, type Feeds, type MinerClient } from '../../src/miner-worker/client.ts'
import { DIGITS_SIGNATURE, randomDigits } from '../../src/miner-worker/testing/models.ts'
import type { RunModel } from '../../src/tasks/task.ts'
import { OCR_ASSET_URLS } from '../../src/tasks/ocr/assets.ts'
import { browserOcrCanvas, fetchOcrDictionary } from '../../src/tasks/ocr/browser.ts'
import { ocrMinerTask, ocrValidatorTask, OCR_WORKER_SIGNATURE } from '../../src/tasks/ocr/network.ts'
import { ctcGreedyDecode } from '../../src/tasks/ocr/ctc.ts'
import { linesToTensor } from '../../src/tasks/ocr/preprocess.ts'
import { decodeOcrAnswer, decodeOcrQuery, encodeOcrAnswer } from '../../src/tasks/ocr/wire.ts'

/** Plain-data view of an error for page.evaluate. */
const describe = (e: unknown) => (e instanceof MinerError ? { code: e.code, message: e.message, ran: e.ran } : { code: 'other', message: String(e), ran: false })
const digit = (seed: number): Feeds => ({ input: { type: 'float32', dims: [1, 1, 28, 28], data: randomDigits(1, seed) } })
const rows = (r: { outputs: Feeds }) => Array.from(Object.values(r.outputs)[0]!.data as Float32Array)

/** A RunModel over the worker: one float32 tensor in (the model's first input), its first output back. */
const workerRun = (client: MinerClient, input: string): RunModel => async ({ data, dims }) => {
  const r = await client.run({ [input]: { type: 'float32', dims: [...dims], data } })
  const out = Object.values(r.outputs)[0]!
  return { data: out.data as Float32Array, dims: out.dims }
}

/** The ocr task in this page: challenges drawn on OffscreenCanvas with the fonts the build copied, answered by the miner worker. */
const ocr = {
  signature: OCR_WORKER_SIGNATURE,
  validator: ocrValidatorTask({ canvas: () => browserOcrCanvas() }),
  miner: undefined as ReturnType<typeof ocrMinerTask> | undefined,
  async load(client: MinerClient, options: Parameters<MinerClient['load']>[1] = {}) {
    ocr.miner ??= ocrMinerTask(await fetchOcrDictionary())
    const loaded = await client.load(OCR_ASSET_URLS.model, { signature: OCR_WORKER_SIGNATURE, ...options })
    return { loaded, run: workerRun(client, loaded.signature.inputs[0]!.name) }
  },
  /** A seeded challenge, drawn here, read by the worker and scored here. */
  async round(client: MinerClient, run: RunModel, seed: string, size: number) {
    const { body, expected } = await ocr.validator.challenge(seed, { size })
    const answer = await ocr.miner!.answer(body, run)
    const read = decodeOcrAnswer(answer, size)
    return { score: ocr.validator.scoreAnswer(answer, expected), texts: expected.texts, read: read.ok ? [...read.value] : read.reason, bodyBytes: body.length }
  },
  /**
   * For bench/inference: a seeded challenge of `lines` lines drawn here; each line through the miner's path one at a time
   * (decode → preprocess → worker run → CTC), then all lines in one run. Milliseconds per step, and the score.
   */
  async time(run: RunModel, seed: string, lines: number, { batched = true } = {}) {
    const classes = await fetchOcrDictionary()
    const t0 = performance.now()
    const { body, expected } = await ocr.validator.challenge(seed, { size: lines })
    const drawMs = performance.now() - t0
    const query = decodeOcrQuery(body)
    if (!query.ok) throw new Error(query.reason)
    const [, h, w] = query.value.dims
    const plane = h * w
    const perLine: Array<{ preprocessMs: number; runMs: number; decodeMs: number }> = []
    const texts: string[] = []
    for (let i = 0; i < lines; i++) {
      const a = performance.now()
      const input = linesToTensor({ data: query.value.data.subarray(i * plane, (i + 1) * plane), dims: [1, h, w] })
      const b = performance.now()
      const out = await run(input)
      const c = performance.now()
      texts.push(ctcGreedyDecode(out, classes, 1).texts[0]!)
      perLine.push({ preprocessMs: b - a, runMs: c - b, decodeMs: performance.now() - c })
    }
    const t1 = performance.now()
    const all = batched ? ctcGreedyDecode(await run(linesToTensor(query.value)), classes, lines).texts : undefined
    const batchMs = performance.now() - t1
    return {
      drawMs,
      perLine,
      batchMs,
      score: ocr.validator.scoreAnswer(encodeOcrAnswer(texts), expected),
      batchedScore: all ? ocr.validator.scoreAnswer(encodeOcrAnswer(all), expected) : undefined,
    }
  },
  /** The miner side given a body: its answer's texts, or the message it refused with. */
  async answer(run: RunModel, body: Uint8Array) {
    try {
      const answer = await ocr.miner!.answer(body, run)
      return { ok: true as const, bytes: answer.length }
    } catch (e) {
      return { ok: false as const, message: (e as Error).message }
    }
  },
}

const harness = {
  createMinerClient,
  DIGITS_SIGNATURE,
  randomDigits,
  describe,
  digit,
  rows,
  ocr,
  client: undefined as MinerClient | undefined,
  /** A fresh worker (each has its own runtime, so thread counts and backends never leak between tests). */
  fresh(): MinerClient {
    harness.client?.terminate()
    return (harness.client = createMinerClient())
  },
  /** Runs one request per seed, all at once (so they may share a batch); each answer's rows and batch size. */
  async classify(client: MinerClient, seeds: number[]) {
    const results = await Promise.all(seeds.map((s) => client.run(digit(s))))
    return { rows: results.map(rows), batchSizes: results.map((r) => r.batchSize) }
  },
  async bytes(url: string) {
    return new Uint8Array(await (await fetch(url)).arrayBuffer())
  },
  gpu: async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<any> } }).gpu
    const adapter = await gpu?.requestAdapter()
    return adapter ? { isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter), vendor: String(adapter.info?.vendor ?? '') } : null
  },
}
Object.assign(window, { harness })
document.getElementById('status')!.textContent = 'ready'
export type Harness = typeof harness
