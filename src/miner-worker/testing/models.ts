// Small ONNX models with fixed (seeded) weights for the worker's tests and the inference benchmark, written with protobufjs.
import { encodeOnnxModel, type GraphSpec } from '../onnx.ts'
import type { ModelSignature } from '../signature.ts'

/** mulberry32: a seeded PRNG, so every build of a test model has the same weights. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Uniform weights with variance 2 / fanIn (He), so activations neither vanish nor saturate the softmax. */
function weights(random: () => number, dims: number[], fanIn: number): Float32Array {
  const n = dims.reduce((a, b) => a * b, 1)
  const scale = Math.sqrt(6 / fanIn)
  return Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale)
}

/** The digits task's shapes: [N, 1, 28, 28] pixels in 0..1 → [N, 10] class probabilities. */
export const DIGITS_SIGNATURE: ModelSignature = {
  inputs: [{ dims: ['N', 1, 28, 28], type: 'float32' }],
  outputs: [{ dims: ['N', 10], type: 'float32' }],
}

/**
 * A digits-sized CNN: Conv 5×5 (8) → Relu → MaxPool 2 → Conv 5×5 (16) → Relu → MaxPool 2 → Flatten → Gemm 64 → Relu →
 * Gemm 10 → Softmax (≈ 20.5k weights, 82 KB: the shape of the CNN the notes trained). `size`/`channels`/`classes` make
 * variants that do not fit the digits task.
 */
export function digitsCnn(seed = 1, { size = 28, channels = 1, classes = 10 } = {}): Uint8Array {
  const r = seededRandom(seed)
  const s1 = (size - 4) / 2
  const s2 = (s1 - 4) / 2
  const flat = 16 * s2 * s2
  const g: GraphSpec = {
    inputs: [{ name: 'input', type: 'float32', dims: ['N', channels, size, size] }],
    outputs: [{ name: 'probabilities', type: 'float32', dims: ['N', classes] }],
    initializers: [
      { name: 'conv1.w', dims: [8, channels, 5, 5], data: weights(r, [8, channels, 5, 5], channels * 25) },
      { name: 'conv1.b', dims: [8], data: new Float32Array(8).fill(0.01) },
      { name: 'conv2.w', dims: [16, 8, 5, 5], data: weights(r, [16, 8, 5, 5], 8 * 25) },
      { name: 'conv2.b', dims: [16], data: new Float32Array(16).fill(0.01) },
      { name: 'fc1.w', dims: [flat, 64], data: weights(r, [flat, 64], flat) },
      { name: 'fc1.b', dims: [64], data: new Float32Array(64) },
      { name: 'fc2.w', dims: [64, classes], data: weights(r, [64, classes], 64) },
      { name: 'fc2.b', dims: [classes], data: new Float32Array(classes) },
    ],
    nodes: [
      { op: 'Conv', inputs: ['input', 'conv1.w', 'conv1.b'], outputs: ['c1'], attributes: { kernel_shape: [5, 5] } },
      { op: 'Relu', inputs: ['c1'], outputs: ['r1'] },
      { op: 'MaxPool', inputs: ['r1'], outputs: ['p1'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
      { op: 'Conv', inputs: ['p1', 'conv2.w', 'conv2.b'], outputs: ['c2'], attributes: { kernel_shape: [5, 5] } },
      { op: 'Relu', inputs: ['c2'], outputs: ['r2'] },
      { op: 'MaxPool', inputs: ['r2'], outputs: ['p2'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } },
      { op: 'Flatten', inputs: ['p2'], outputs: ['f'], attributes: { axis: 1 } },
      { op: 'Gemm', inputs: ['f', 'fc1.w', 'fc1.b'], outputs: ['h'] },
      { op: 'Relu', inputs: ['h'], outputs: ['hr'] },
      { op: 'Gemm', inputs: ['hr', 'fc2.w', 'fc2.b'], outputs: ['logits'] },
      { op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } },
    ],
  }
  return encodeOnnxModel(g)
}

/** Gemm 784 → 10 + Softmax on flat pixels [N, 784]: valid ONNX whose input does not fit the digits task. */
export function flatSoftmax(seed = 2): Uint8Array {
  const r = seededRandom(seed)
  return encodeOnnxModel({
    inputs: [{ name: 'pixels', type: 'float32', dims: ['N', 784] }],
    outputs: [{ name: 'probabilities', type: 'float32', dims: ['N', 10] }],
    initializers: [
      { name: 'w', dims: [784, 10], data: weights(r, [784, 10], 784) },
      { name: 'b', dims: [10], data: new Float32Array(10) },
    ],
    nodes: [
      { op: 'Gemm', inputs: ['pixels', 'w', 'b'], outputs: ['logits'] },
      { op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } },
    ],
  })
}

/** [N, 256] → `layers` × (MatMul 256×256 → Tanh): slow enough (tens of ms per batch) to cancel a run in flight. */
export function slowChain(layers = 120, seed = 3): Uint8Array {
  const r = seededRandom(seed)
  const nodes: GraphSpec['nodes'] = []
  let x = 'x'
  for (let i = 0; i < layers; i++) {
    nodes.push({ op: 'MatMul', inputs: [x, 'w'], outputs: [`m${i}`] }, { op: 'Tanh', inputs: [`m${i}`], outputs: [i === layers - 1 ? 'y' : `t${i}`] })
    x = `t${i}`
  }
  return encodeOnnxModel({
    inputs: [{ name: 'x', type: 'float32', dims: ['N', 256] }],
    outputs: [{ name: 'y', type: 'float32', dims: ['N', 256] }],
    initializers: [{ name: 'w', dims: [256, 256], data: weights(r, [256, 256], 256) }],
    nodes,
  })
}

/** Valid ONNX (it parses, its signature fits the digits task) using an operator no runtime has: onnxruntime refuses it. */
export function unknownOperator(): Uint8Array {
  return encodeOnnxModel({
    inputs: [{ name: 'input', type: 'float32', dims: ['N', 1, 28, 28] }],
    outputs: [{ name: 'probabilities', type: 'float32', dims: ['N', 10] }],
    initializers: [],
    nodes: [{ op: 'ClassifyDigitsPlease', inputs: ['input'], outputs: ['probabilities'] }],
  })
}

/** `n` fake digit images, pixels in 0..1 ([n, 1, 28, 28] flattened). */
export function randomDigits(n: number, seed = 7): Float32Array {
  const r = seededRandom(seed)
  return Float32Array.from({ length: n * 784 }, () => (r() < 0.8 ? 0 : r()))
}

/** Bytes that are not an ONNX model. */
export function randomBytes(n = 4096, seed = 11): Uint8Array {
  const r = seededRandom(seed)
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256))
}
