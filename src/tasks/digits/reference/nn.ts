// A small neural-network kit for the reference digits models: layers with forward and backward passes, SGD (pure).
//
// Plain TypeScript, one sample at a time, sized for 28×28 digits on a CPU. Weights are float32 (what the ONNX file
// stores); activations and gradients are float64. Layers follow ONNX's layouts so the export is a direct copy:
// Conv weights [outC, inC, k, k], Dense (Gemm, transB = 0) weights [in, out], tensors [C, H, W] row-major.

import type { Rng } from '../../prng.ts'

export type Param = { name: string; shape: number[]; value: Float32Array; grad: Float64Array; velocity: Float64Array }

export interface Layer {
  readonly kind: 'conv' | 'relu' | 'maxpool' | 'flatten' | 'dense'
  readonly inShape: readonly number[]
  readonly outShape: readonly number[]
  readonly params: Param[]
  /** Returns a buffer owned by the layer, valid until its next forward call. Keeps what backward needs. */
  forward(x: Float64Array): Float64Array
  /** Accumulates parameter gradients; returns the gradient for the input when `needInput`, else null. */
  backward(dy: Float64Array, needInput: boolean): Float64Array | null
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1)

function param(name: string, shape: number[]): Param {
  const n = size(shape)
  return { name, shape, value: new Float32Array(n), grad: new Float64Array(n), velocity: new Float64Array(n) }
}

/** He-normal initialisation: N(0, 2 / fanIn), drawn in order from `rng`. */
function heInit(p: Param, fanIn: number, rng: Rng): void {
  const std = Math.sqrt(2 / fanIn)
  for (let i = 0; i < p.value.length; i++) p.value[i] = std * rng.normal()
}

/** 2-D convolution, stride 1, no padding. In [inC, H, W] → out [outC, H−k+1, W−k+1]. */
export class Conv2d implements Layer {
  readonly kind = 'conv'
  readonly outShape: number[]
  readonly params: Param[]
  readonly weight: Param
  readonly bias: Param
  private readonly out: Float64Array
  private readonly dx: Float64Array
  private input: Float64Array = new Float64Array(0)

  constructor(
    readonly inShape: readonly [number, number, number],
    readonly outChannels: number,
    readonly kernel: number,
    rng: Rng,
    name: string,
  ) {
    const [inC, h, w] = inShape
    this.outShape = [outChannels, h - kernel + 1, w - kernel + 1]
    this.weight = param(`${name}.weight`, [outChannels, inC, kernel, kernel])
    this.bias = param(`${name}.bias`, [outChannels])
    this.params = [this.weight, this.bias]
    heInit(this.weight, inC * kernel * kernel, rng)
    this.out = new Float64Array(size(this.outShape))
    this.dx = new Float64Array(size(inShape))
  }

  forward(x: Float64Array): Float64Array {
    this.input = x
    const [inC, h, w] = this.inShape
    const k = this.kernel
    const oh = h - k + 1
    const ow = w - k + 1
    const W = this.weight.value
    const out = this.out
    for (let oc = 0; oc < this.outChannels; oc++) {
      const o0 = oc * oh * ow
      out.fill(this.bias.value[oc] as number, o0, o0 + oh * ow)
      if (k === 3) {
        // The common case, unrolled: nine weights in locals, one pass per output row (about 3× faster).
        for (let ic = 0; ic < inC; ic++) {
          const wb = (oc * inC + ic) * 9
          const w0 = W[wb] as number, w1 = W[wb + 1] as number, w2 = W[wb + 2] as number
          const w3 = W[wb + 3] as number, w4 = W[wb + 4] as number, w5 = W[wb + 5] as number
          const w6 = W[wb + 6] as number, w7 = W[wb + 7] as number, w8 = W[wb + 8] as number
          for (let y = 0; y < oh; y++) {
            const o = o0 + y * ow
            const r0 = ic * h * w + y * w
            const r1 = r0 + w
            const r2 = r1 + w
            for (let xx = 0; xx < ow; xx++) {
              out[o + xx] =
                (out[o + xx] as number) +
                (w0 * (x[r0 + xx] as number) + w1 * (x[r0 + xx + 1] as number) + w2 * (x[r0 + xx + 2] as number) +
                  w3 * (x[r1 + xx] as number) + w4 * (x[r1 + xx + 1] as number) + w5 * (x[r1 + xx + 2] as number) +
                  w6 * (x[r2 + xx] as number) + w7 * (x[r2 + xx + 1] as number) + w8 * (x[r2 + xx + 2] as number))
            }
          }
        }
        continue
      }
      for (let ic = 0; ic < inC; ic++) {
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            const wv = W[((oc * inC + ic) * k + ky) * k + kx] as number
            for (let y = 0; y < oh; y++) {
              const o = o0 + y * ow
              const i = ic * h * w + (y + ky) * w + kx
              for (let xx = 0; xx < ow; xx++) out[o + xx] = (out[o + xx] as number) + wv * (x[i + xx] as number)
            }
          }
        }
      }
    }
    return out
  }

  backward(dy: Float64Array, needInput: boolean): Float64Array | null {
    const [inC, h, w] = this.inShape
    const k = this.kernel
    const oh = h - k + 1
    const ow = w - k + 1
    const x = this.input
    const W = this.weight.value
    const dW = this.weight.grad
    const db = this.bias.grad
    const dx = this.dx
    if (needInput) dx.fill(0)
    // After ReLU and max-pooling most of dy is zero: visit only the positions that carry a gradient.
    for (let oc = 0; oc < this.outChannels; oc++) {
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++) {
          const g = dy[(oc * oh + y) * ow + xx] as number
          if (g === 0) continue
          db[oc] = (db[oc] as number) + g
          for (let ic = 0; ic < inC; ic++) {
            const wBase = (oc * inC + ic) * k * k
            const iBase = ic * h * w + y * w + xx
            for (let ky = 0; ky < k; ky++) {
              for (let kx = 0; kx < k; kx++) {
                const wi = wBase + ky * k + kx
                const ii = iBase + ky * w + kx
                dW[wi] = (dW[wi] as number) + g * (x[ii] as number)
                if (needInput) dx[ii] = (dx[ii] as number) + g * (W[wi] as number)
              }
            }
          }
        }
      }
    }
    return needInput ? dx : null
  }
}

export class Relu implements Layer {
  readonly kind = 'relu'
  readonly params: Param[] = []
  readonly outShape: readonly number[]
  private readonly out: Float64Array
  private readonly dx: Float64Array
  constructor(readonly inShape: readonly number[]) {
    this.outShape = inShape
    this.out = new Float64Array(size(inShape))
    this.dx = new Float64Array(size(inShape))
  }
  forward(x: Float64Array): Float64Array {
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number
      this.out[i] = v > 0 ? v : 0
    }
    return this.out
  }
  backward(dy: Float64Array): Float64Array {
    for (let i = 0; i < dy.length; i++) this.dx[i] = (this.out[i] as number) > 0 ? (dy[i] as number) : 0
    return this.dx
  }
}

/** 2×2 max-pooling, stride 2, rounding down (ONNX MaxPool with ceil_mode 0): [C, H, W] → [C, ⌊H/2⌋, ⌊W/2⌋]. */
export class MaxPool2 implements Layer {
  readonly kind = 'maxpool'
  readonly params: Param[] = []
  readonly outShape: number[]
  private readonly out: Float64Array
  private readonly from: Int32Array
  private readonly dx: Float64Array
  constructor(readonly inShape: readonly [number, number, number]) {
    const [c, h, w] = inShape
    this.outShape = [c, Math.floor(h / 2), Math.floor(w / 2)]
    this.out = new Float64Array(size(this.outShape))
    this.from = new Int32Array(size(this.outShape))
    this.dx = new Float64Array(size(inShape))
  }
  forward(x: Float64Array): Float64Array {
    const [c, h, w] = this.inShape
    const [, oh, ow] = this.outShape as [number, number, number]
    let o = 0
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++, o++) {
          const i = ch * h * w + 2 * y * w + 2 * xx
          let best = i
          let bestV = x[i] as number
          for (const j of [i + 1, i + w, i + w + 1]) {
            const v = x[j] as number
            if (v > bestV) {
              bestV = v
              best = j
            }
          }
          this.out[o] = bestV
          this.from[o] = best
        }
      }
    }
    return this.out
  }
  backward(dy: Float64Array): Float64Array {
    this.dx.fill(0)
    for (let o = 0; o < dy.length; o++) this.dx[this.from[o] as number] = dy[o] as number
    return this.dx
  }
}

/** [C, H, W] → [C·H·W]: nothing moves, only the shape changes (ONNX Flatten, axis 1). */
export class Flatten implements Layer {
  readonly kind = 'flatten'
  readonly params: Param[] = []
  readonly outShape: number[]
  constructor(readonly inShape: readonly number[]) {
    this.outShape = [size(inShape)]
  }
  forward(x: Float64Array): Float64Array {
    return x
  }
  backward(dy: Float64Array): Float64Array {
    return dy
  }
}

/** Fully connected: y = x·W + b with W [in, out] (ONNX Gemm, transB = 0). Skips zero inputs (most MNIST pixels). */
export class Dense implements Layer {
  readonly kind = 'dense'
  readonly inShape: number[]
  readonly outShape: number[]
  readonly params: Param[]
  readonly weight: Param
  readonly bias: Param
  private readonly out: Float64Array
  private readonly dx: Float64Array
  private readonly nonZero: Int32Array
  private nonZeroCount = 0
  private input: Float64Array = new Float64Array(0)

  constructor(readonly inputs: number, readonly outputs: number, rng: Rng, name: string) {
    this.inShape = [inputs]
    this.outShape = [outputs]
    this.weight = param(`${name}.weight`, [inputs, outputs])
    this.bias = param(`${name}.bias`, [outputs])
    this.params = [this.weight, this.bias]
    heInit(this.weight, inputs, rng)
    this.out = new Float64Array(outputs)
    this.dx = new Float64Array(inputs)
    this.nonZero = new Int32Array(inputs)
  }

  forward(x: Float64Array): Float64Array {
    this.input = x
    const n = this.outputs
    const W = this.weight.value
    const out = this.out
    for (let o = 0; o < n; o++) out[o] = this.bias.value[o] as number
    let nz = 0
    for (let i = 0; i < this.inputs; i++) {
      const xi = x[i] as number
      if (xi === 0) continue
      this.nonZero[nz++] = i
      const row = i * n
      for (let o = 0; o < n; o++) out[o] = (out[o] as number) + xi * (W[row + o] as number)
    }
    this.nonZeroCount = nz
    return out
  }

  backward(dy: Float64Array, needInput: boolean): Float64Array | null {
    const n = this.outputs
    const x = this.input
    const W = this.weight.value
    const dW = this.weight.grad
    const db = this.bias.grad
    for (let o = 0; o < n; o++) db[o] = (db[o] as number) + (dy[o] as number)
    for (let k = 0; k < this.nonZeroCount; k++) {
      const i = this.nonZero[k] as number
      const xi = x[i] as number
      const row = i * n
      for (let o = 0; o < n; o++) dW[row + o] = (dW[row + o] as number) + xi * (dy[o] as number)
    }
    if (!needInput) return null
    for (let i = 0; i < this.inputs; i++) {
      const row = i * n
      let s = 0
      for (let o = 0; o < n; o++) s += (W[row + o] as number) * (dy[o] as number)
      this.dx[i] = s
    }
    return this.dx
  }
}

/** Softmax of `logits` into `out` (max-shifted, so large logits do not overflow). */
export function softmax(logits: ArrayLike<number>, out: Float64Array): Float64Array {
  let max = -Infinity
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number)
  let sum = 0
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i] as number) - max)
    out[i] = e
    sum += e
  }
  for (let i = 0; i < logits.length; i++) out[i] = (out[i] as number) / sum
  return out
}

export type SgdOptions = { learningRate: number; momentum: number; weightDecay: number; batchSize: number }

/** One SGD-with-momentum step over the gradients accumulated for a batch, then clear them. */
export function sgdStep(params: readonly Param[], o: SgdOptions): void {
  for (const p of params) {
    const decay = p.shape.length > 1 ? o.weightDecay : 0 // no decay on biases
    for (let i = 0; i < p.value.length; i++) {
      const w = p.value[i] as number
      const g = (p.grad[i] as number) / o.batchSize + decay * w
      const v = o.momentum * (p.velocity[i] as number) - o.learningRate * g
      p.velocity[i] = v
      p.value[i] = w + v
    }
    p.grad.fill(0)
  }
}
