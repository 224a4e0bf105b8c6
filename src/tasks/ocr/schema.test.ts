// checkModelSignature against real model files: PaddleOCR's v4 rec fits; its classifier and the digits CNN do not, and say why.
import { describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import * as ort from 'onnxruntime-node'
import type { ModelSignature } from '../task.ts'
import { ocrRecModelPath } from './node.ts'
import { checkModelSignature, checkQuery } from './schema.ts'

async function signatureOf(path: string): Promise<ModelSignature> {
  const s = await ort.InferenceSession.create(path)
  const spec = (m: unknown) => ({ name: (m as { name: string }).name, dims: [...((m as { shape?: Array<number | string> }).shape ?? [])], type: (m as { type: string }).type })
  const sig = { inputs: s.inputMetadata.map(spec), outputs: s.outputMetadata.map(spec) }
  await s.release()
  return sig
}
const asset = (name: string) => ocrRecModelPath().replace('ch_PP-OCRv4_rec_infer.onnx', name)

describe('checkModelSignature', () => {
  test('PaddleOCR v4 rec fits: free batch and width, 6,625 classes', async () => {
    expect(checkModelSignature(await signatureOf(ocrRecModelPath()))).toEqual({ ok: true, inputName: 'x', outputName: 'softmax_11.tmp_0', batch: 'dynamic' })
  })
  test('models that cannot read lines are refused, with every problem in words', async () => {
    const cls = checkModelSignature(await signatureOf(asset('ch_ppocr_mobile_v2.0_cls_infer.onnx')))
    expect(cls).toMatchObject({ ok: false, reason: expect.stringMatching(/^this model cannot answer ocr queries: /) })
    expect(cls.ok === false && cls.problems.join('; ')).toMatch(/input 'x' takes lines 192 pixels wide|output .* is float32 \[.*\]; it must be float32 \[N, T, 6625\]/)
    const digits = checkModelSignature(await signatureOf(fileURLToPath(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))))
    expect(digits).toEqual({
      ok: false,
      problems: [
        "input 'input' is float32 [N, 1, 28, 28]; it must be float32 [N, 3, 48, W] (3 channels, lines 48 pixels high)",
        "output 'probabilities' is float32 [N, 10]; it must be float32 [N, T, 6625]",
      ],
      reason: expect.stringContaining('this model cannot answer ocr queries'),
    })
    expect(checkModelSignature({ inputs: [{ name: 'x', dims: ['N', 3, 48, 320], type: 'float32' }], outputs: [{ name: 'y', dims: [1, 40, 6625], type: 'float32' }] })).toMatchObject({
      ok: false, problems: ['the batch dimension is fixed on one side only (input [N], output [1])'],
    })
    expect(checkModelSignature({ inputs: [{ name: 'x', dims: [4, 3, 48, 320], type: 'float32' }], outputs: [{ name: 'y', dims: [4, 40, 6625], type: 'float32' }] })).toEqual({
      ok: true, inputName: 'x', outputName: 'y', batch: 4,
    })
  })
})

test('checkQuery refuses what is not uint8 [N, 48, W]', () => {
  expect(checkQuery({ data: new Float32Array(48 * 16), dims: [1, 48, 16] })).toEqual({ ok: false, reason: 'the query data is not 8-bit grey levels' })
  expect(checkQuery({ data: new Uint8Array(10), dims: [1, 48, 16] })).toEqual({ ok: false, reason: 'the query holds 10 pixels; 1 line of 48×16 needs 768' })
  expect(checkQuery({ data: new Uint8Array(10), dims: [1, 48] })).toEqual({ ok: false, reason: 'the query must have 3 dimensions [N, 48, W]' })
  expect(checkQuery(null)).toMatchObject({ ok: false })
})
