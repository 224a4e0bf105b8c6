// Node only: run a digits ONNX model with onnxruntime-node over a set of images, and read its signature.

import * as ort from 'onnxruntime-node'
import type { ModelSignature } from '../../task.ts'
import { checkModelSignature, CLASSES, IMAGE_SIZE, MAX_BATCH, PIXELS } from '../schema.ts'

export type OrtDigitsModel = { session: ort.InferenceSession; inputName: string; outputName: string }

/** onnxruntime's session metadata in the shape `checkModelSignature` takes. */
export function sessionSignature(session: ort.InferenceSession): ModelSignature {
  const spec = (m: ort.InferenceSession.ValueMetadata) =>
    m.isTensor ? { name: m.name, dims: [...m.shape], type: m.type } : { name: m.name, dims: [], type: 'non-tensor', isTensor: false }
  return { inputs: session.inputMetadata.map(spec), outputs: session.outputMetadata.map(spec) }
}

/** Load ONNX bytes and check them against the digits schema; throws with the schema's reason if they do not fit. */
export async function loadOrtDigitsModel(bytes: Uint8Array): Promise<OrtDigitsModel> {
  const session = await ort.InferenceSession.create(bytes)
  const fit = checkModelSignature(sessionSignature(session))
  if (!fit.ok) throw new Error(fit.reason)
  return { session, inputName: fit.inputName, outputName: fit.outputName }
}

/** Outputs [count, 10] for `count` images, run in batches of MAX_BATCH. */
export async function runOrt(model: OrtDigitsModel, images: Float32Array, count: number = images.length / PIXELS): Promise<Float32Array> {
  const out = new Float32Array(count * CLASSES)
  for (let start = 0; start < count; start += MAX_BATCH) {
    const n = Math.min(MAX_BATCH, count - start)
    const input = new ort.Tensor('float32', images.subarray(start * PIXELS, (start + n) * PIXELS), [n, 1, IMAGE_SIZE, IMAGE_SIZE])
    const result = await model.session.run({ [model.inputName]: input })
    const data = result[model.outputName]?.data
    if (!(data instanceof Float32Array) || data.length !== n * CLASSES) throw new Error(`the model's output is not float32 [${n}, 10]`)
    out.set(data, start * CLASSES)
  }
  return out
}
