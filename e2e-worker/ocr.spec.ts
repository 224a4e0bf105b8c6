// The ocr task in real Chromium: the page draws a seeded challenge on OffscreenCanvas with the DejaVu fonts the build copied,
// the miner worker (src/miner-worker/client.ts) runs PaddleOCR's v4 rec model on it, and the page scores the texts it read.
// The texts match what a Node validator draws from the same seed. A malformed ocr body is refused with the reason.
import { test, expect, type Page } from '@playwright/test'
import type { Harness } from './harness/main.ts'
import { ocrValidatorTask } from '../src/tasks/ocr/network.ts'
import { nodeOcrCanvas } from '../src/tasks/ocr/node.ts'

declare const harness: Harness

async function open(page: Page) {
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`))
  await page.goto('iso/')
  await expect(page.locator('#status')).toHaveText('ready')
}

test.beforeEach(async ({ page }) => open(page))

test('a seeded ocr challenge drawn in the page is read by the rec model in the worker with 1 − CER ≥ 0.9', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const client = harness.fresh()
    const { loaded, run } = await harness.ocr.load(client, { backend: 'wasm' })
    const round = await harness.ocr.round(client, run, 'e2e-ocr', 16)
    return { backend: loaded.backend, reason: loaded.reason, inputs: loaded.signature.inputs, ...round }
  })
  expect(r.backend).toBe('wasm')
  expect(r.inputs).toEqual([{ name: 'x', dims: ['p2o.DynamicDimension.0', 3, 48, 'p2o.DynamicDimension.1'], type: 'float32' }])
  expect(r.bodyBytes).toBe(6 + 16 * 48 * 320)
  expect(r.score.ok).toBe(true)
  console.log(`ocr in Chromium: 1 − CER = ${r.score.score.toFixed(4)} over 16 lines (${r.reason})`)
  expect(r.score.score).toBeGreaterThanOrEqual(0.9)
  // Same seed, same texts as a Node validator draws (pixels come from each engine's rasteriser; the texts never differ).
  const node = await ocrValidatorTask({ canvas: nodeOcrCanvas }).challenge('e2e-ocr', { size: 16 })
  expect(r.texts).toEqual(node.expected.texts)
})

test('a malformed ocr body is refused with the reason, before the model runs', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const client = harness.fresh()
    const { run } = await harness.ocr.load(client, { backend: 'wasm' })
    let runs = 0
    const counted: typeof run = (input) => (runs++, run(input))
    const header = (lines: number, height: number, width: number) => new Uint8Array(new Uint16Array([lines, height, width]).buffer)
    const short = new Uint8Array(6 + 48 * 320 - 1)
    short.set(header(1, 48, 320))
    return {
      empty: await harness.ocr.answer(counted, new Uint8Array(0)),
      tall: await harness.ocr.answer(counted, header(1, 64, 320)),
      short: await harness.ocr.answer(counted, short),
      runs,
    }
  })
  expect(r.empty).toEqual({ ok: false, message: 'bad ocr query: the query is 0 bytes; it starts with a 6-byte header (lines, height, width)' })
  expect(r.tall).toEqual({ ok: false, message: 'bad ocr query: the lines are 64 pixels high; they must be 48' })
  expect(r.short).toEqual({ ok: false, message: `bad ocr query: the query says 1 line of 48×320, which take ${6 + 48 * 320} bytes; it has ${6 + 48 * 320 - 1}` })
  expect(r.runs).toBe(0)
})

test('a model that does not fit the ocr task is refused by the worker with a message', async ({ page }) => {
  const r = await page.evaluate(async () => {
    try {
      await harness.fresh().load('models/digits-cnn.onnx', { signature: harness.ocr.signature })
      return null
    } catch (e) {
      return harness.describe(e)
    }
  })
  expect(r).toMatchObject({ code: 'signature', message: expect.stringContaining('the model does not fit the task: input 0: expected float32 [N, 3, 48, W], the model has float32 [N, 1, 28, 28]') })
})
