// Each adversarial behaviour against real held-out digits challenges and the committed CNN: what a validator's scorer makes of it.
import { beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import * as ort from 'onnxruntime-node'
import { digitsTask } from '../../tasks/digits/index.ts'
import { loadDigitsSplit } from '../../tasks/digits/loadMnist.ts'
import { CLASSES, IMAGE_SIZE, PIXELS } from '../../tasks/digits/schema.ts'
import { decodeDigitsAnswer, decodeDigitsQuery, encodeDigitsAnswer, encodeDigitsQuery } from '../../tasks/digits/wire.ts'
import { constant, copier, degraded, favouring, garbage, honest, memoriser, slow, type HonestAnswer, type MinerBehaviour } from './adversaries.ts'

const CNN = fileURLToPath(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))
let run: HonestAnswer
const split = loadDigitsSplit()
const challenge = digitsTask.challenge('adversaries-test', split.heldOut, { size: 200 })
const body = encodeDigitsQuery(challenge.query)
const validator = new Uint8Array(32).fill(1)
const request = (b = body, hotkey = validator) => ({ body: b, validatorHotkey: hotkey, signal: new AbortController().signal })

async function scoreOf(behaviour: MinerBehaviour, b = body, expected = challenge.expected, hotkey = validator): Promise<number> {
  const answer = await behaviour.answer(request(b, hotkey), run)
  const decoded = decodeDigitsAnswer(answer, expected.labels.length)
  return decoded.ok ? digitsTask.score(decoded.value, expected).score : 0
}

beforeAll(async () => {
  const session = await ort.InferenceSession.create(CNN)
  run = async (b) => {
    const q = decodeDigitsQuery(b)
    if (!q.ok) throw new Error(q.reason)
    const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', q.value.data, [...q.value.dims]) })
    return encodeDigitsAnswer({ data: out[session.outputNames[0]!]!.data as Float32Array, dims: [q.value.dims[0], CLASSES] })
  }
})

describe('adversarial miners on 200 augmented held-out digits', () => {
  test('honest scores what the CNN scores (≥ 0.9); degraded miners score about keep × that, in order', async () => {
    const full = await scoreOf(honest)
    expect(full).toBeGreaterThanOrEqual(0.9)
    const scores = [await scoreOf(degraded(0.75)), await scoreOf(degraded(0.5)), await scoreOf(degraded(0.25))]
    expect(scores[0]).toBeGreaterThan(scores[1]!)
    expect(scores[1]).toBeGreaterThan(scores[2]!)
    for (const [i, keep] of [0.75, 0.5, 0.25].entries()) expect(Math.abs(scores[i]! - keep * full)).toBeLessThan(0.1)
    // reproducible: the same request gets the same answer
    expect(await degraded(0.5).answer(request(), run)).toEqual(await degraded(0.5).answer(request(), run))
  })

  test('garbage is malformed or at chance; a constant answer scores its class share (~0.1)', async () => {
    expect(await scoreOf(garbage())).toBeLessThan(0.2)
    const c = await scoreOf(constant(7))
    expect(c).toBeLessThan(0.2)
    expect(c).toBe(challenge.expected.labels.filter((l) => l === 7).length / 200)
  })

  test('a memoriser knows every training digit and fails the augmented held-out ones', async () => {
    const train = { count: 100, images: split.train.images.slice(0, 100 * PIXELS), labels: split.train.labels.slice(0, 100), sourceIndex: split.train.sourceIndex.slice(0, 100) }
    const lookup = memoriser(split.train)
    const trainBody = encodeDigitsQuery({ data: train.images, dims: [100, 1, IMAGE_SIZE, IMAGE_SIZE] })
    expect(await scoreOf(lookup, trainBody, { labels: train.labels, heldOutIndex: new Uint32Array(100) })).toBe(1)
    expect(await scoreOf(lookup)).toBeLessThan(0.2)
  })

  test('a copier replaying another miner’s answers to an earlier challenge scores at chance', async () => {
    const earlier = await honest.answer(request(encodeDigitsQuery(digitsTask.challenge('earlier', split.heldOut, { size: 200 }).query)), run)
    expect(await scoreOf(copier(() => undefined))).toBeLessThan(0.2)
    expect(await scoreOf(copier(() => earlier))).toBeLessThan(0.25)
  })

  test('favouring answers its favourite honestly and the others with garbage', async () => {
    const liked = new Uint8Array(32).fill(9)
    const miner = favouring(liked)
    expect(await scoreOf(miner, body, challenge.expected, liked)).toBeGreaterThanOrEqual(0.9)
    expect(await scoreOf(miner, body, challenge.expected, validator)).toBeLessThan(0.2)
  })

  test('slow answers right, after its delay', async () => {
    const t0 = Date.now()
    const answer = await slow(300).answer(request(), run)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290)
    expect(decodeDigitsAnswer(answer, 200).ok).toBe(true)
  })

  test('a malformed request is refused in words', async () => {
    await expect(constant().answer(request(new Uint8Array(3)), run)).rejects.toThrow(/4-byte row count/)
  })
})
