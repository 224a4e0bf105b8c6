// The reference digits models (an MLP and a small CNN): their recipes, deterministic training, and a JS forward pass (pure).
//
// Everything random — initial weights, the order of samples, the training augmentation — comes from xoshiro128**
// seeded by the recipe's seed, so the same recipe on the same training split gives the same weights, bit for bit,
// on the same JavaScript engine (and, for the argmax, on any engine).

import { createRng, shuffleInPlace } from '../../prng.ts'
import { augmentDigit, drawAugmentation, type AugmentLimits } from '../augment.ts'
import type { DigitSet } from '../data.ts'
import { CLASSES, IMAGE_SIZE, PIXELS } from '../schema.ts'
import { Conv2d, Dense, Flatten, MaxPool2, Relu, sgdStep, softmax, type Layer, type Param } from './nn.ts'

export type Recipe = {
  id: 'digits-mlp' | 'digits-cnn'
  architecture: 'mlp' | 'cnn'
  /** Seeds initial weights (domain `init`) and sample order + augmentation (domain `train`). */
  seed: string
  epochs: number
  batchSize: number
  /** Peak learning rate; it falls linearly to 5 % of that over the run. */
  learningRate: number
  momentum: number
  weightDecay: number
  /** Random shift/rotation/noise applied to every training image, fresh each epoch; null for none. */
  augmentation: AugmentLimits | null
}

/** Mild augmentation for training: the challenge range, so the models have seen shifted and rotated digits. */
export const TRAIN_AUGMENTATION: AugmentLimits = { maxShiftPx: 2, maxRotationDeg: 12, maxNoiseSigma: 0.1 }

export const MLP_RECIPE: Recipe = {
  id: 'digits-mlp',
  architecture: 'mlp',
  seed: 'webtensor/digits/mlp/v1',
  epochs: 6,
  batchSize: 32,
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 1e-4,
  augmentation: TRAIN_AUGMENTATION,
}

export const CNN_RECIPE: Recipe = {
  id: 'digits-cnn',
  architecture: 'cnn',
  seed: 'webtensor/digits/cnn/v1',
  epochs: 6,
  batchSize: 32,
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 1e-4,
  augmentation: TRAIN_AUGMENTATION,
}

export const MLP_HIDDEN = 128
export const CNN_CHANNELS = [8, 16] as const

const SIZES = { pixels: PIXELS, classes: CLASSES }

export type Model = { recipe: Recipe; layers: Layer[]; params: Param[] }

/**
 * MLP: Flatten → Dense 784→128 → ReLU → Dense 128→10 (→ Softmax in the ONNX file).
 * CNN: Conv 3×3 1→8 → ReLU → MaxPool 2 → Conv 3×3 8→16 → ReLU → MaxPool 2 → Flatten → Dense 400→10 (→ Softmax).
 */
export function buildModel(recipe: Recipe): Model {
  const rng = createRng(recipe.seed, 'init')
  const layers: Layer[] = []
  if (recipe.architecture === 'mlp') {
    layers.push(new Flatten([1, IMAGE_SIZE, IMAGE_SIZE]))
    layers.push(new Dense(PIXELS, MLP_HIDDEN, rng, 'fc1'))
    layers.push(new Relu([MLP_HIDDEN]))
    layers.push(new Dense(MLP_HIDDEN, CLASSES, rng, 'fc2'))
  } else {
    const [c1, c2] = CNN_CHANNELS
    const conv1 = new Conv2d([1, IMAGE_SIZE, IMAGE_SIZE], c1, 3, rng, 'conv1')
    const relu1 = new Relu(conv1.outShape)
    const pool1 = new MaxPool2(conv1.outShape as [number, number, number])
    const conv2 = new Conv2d(pool1.outShape as [number, number, number], c2, 3, rng, 'conv2')
    const relu2 = new Relu(conv2.outShape)
    const pool2 = new MaxPool2(conv2.outShape as [number, number, number])
    const flat = new Flatten(pool2.outShape)
    const fc = new Dense(flat.outShape[0] as number, CLASSES, rng, 'fc')
    layers.push(conv1, relu1, pool1, conv2, relu2, pool2, flat, fc)
  }
  return { recipe, layers, params: layers.flatMap((l) => l.params) }
}

export function parameterCount(model: Model): number {
  return model.params.reduce((n, p) => n + p.value.length, 0)
}

function forward(model: Model, x: Float64Array): Float64Array {
  let a = x
  for (const layer of model.layers) a = layer.forward(a)
  return a
}

/** Class probabilities [count, 10] for `count` images (the JS forward pass the ONNX file must agree with). */
export function predict(model: Model, images: Float32Array, count: number = images.length / PIXELS): Float32Array {
  const [PIXELS, CLASSES] = [SIZES.pixels, SIZES.classes] // locals: imported bindings are slow in hot loops under tsx
  const x = new Float64Array(PIXELS)
  const p = new Float64Array(CLASSES)
  const out = new Float32Array(count * CLASSES)
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < PIXELS; i++) x[i] = images[n * PIXELS + i] as number
    softmax(forward(model, x), p)
    for (let c = 0; c < CLASSES; c++) out[n * CLASSES + c] = p[c] as number
  }
  return out
}

/** Fraction of rows of `probs` [count, 10] whose argmax is the label. */
export function accuracy(probs: ArrayLike<number>, labels: Uint8Array): number {
  const CLASSES = SIZES.classes
  let correct = 0
  for (let n = 0; n < labels.length; n++) {
    let best = 0
    for (let c = 1; c < CLASSES; c++) if ((probs[n * CLASSES + c] as number) > (probs[n * CLASSES + best] as number)) best = c
    if (best === labels[n]) correct++
  }
  return correct / labels.length
}

export type EpochReport = { epoch: number; loss: number; trainAccuracy: number }

/** Train a model from its recipe on `train`; deterministic for a given recipe and data. */
export function trainModel(recipe: Recipe, train: DigitSet, onEpoch?: (r: EpochReport) => void): Model {
  const [PIXELS, CLASSES] = [SIZES.pixels, SIZES.classes]
  const model = buildModel(recipe)
  const rng = createRng(recipe.seed, 'train')
  const layers = model.layers
  const order = Uint32Array.from({ length: train.count }, (_, i) => i)
  const image = new Float32Array(PIXELS)
  const x = new Float64Array(PIXELS)
  const p = new Float64Array(CLASSES)
  const stepsPerEpoch = Math.ceil(train.count / recipe.batchSize)
  const totalSteps = stepsPerEpoch * recipe.epochs
  // No input gradient is needed at or below the first layer with parameters.
  const firstTrainable = layers.findIndex((l) => l.params.length > 0)
  let step = 0
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    shuffleInPlace(order, rng)
    let loss = 0
    let correct = 0
    for (let start = 0; start < train.count; start += recipe.batchSize) {
      const end = Math.min(train.count, start + recipe.batchSize)
      for (let k = start; k < end; k++) {
        const i = order[k] as number
        if (recipe.augmentation) {
          augmentDigit(train.images, i * PIXELS, image, 0, drawAugmentation(rng, recipe.augmentation), rng)
          for (let j = 0; j < PIXELS; j++) x[j] = image[j] as number
        } else {
          for (let j = 0; j < PIXELS; j++) x[j] = train.images[i * PIXELS + j] as number
        }
        softmax(forward(model, x), p)
        const label = train.labels[i] as number
        loss -= Math.log(Math.max(p[label] as number, 1e-12))
        let best = 0
        for (let c = 1; c < CLASSES; c++) if ((p[c] as number) > (p[best] as number)) best = c
        if (best === label) correct++
        // d(cross-entropy)/d(logits) = p − onehot(label)
        p[label] = (p[label] as number) - 1
        let g: Float64Array | null = p
        for (let l = layers.length - 1; l >= firstTrainable && g; l--) g = (layers[l] as Layer).backward(g, l > firstTrainable)
      }
      const learningRate = recipe.learningRate * (1 - 0.95 * (step / totalSteps))
      sgdStep(model.params, { learningRate, momentum: recipe.momentum, weightDecay: recipe.weightDecay, batchSize: end - start })
      step++
    }
    onEpoch?.({ epoch: epoch + 1, loss: loss / train.count, trainAccuracy: correct / train.count })
  }
  return model
}
