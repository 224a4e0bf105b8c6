// The ocr task end to end in Node: a validator's seeded challenge (drawn with @napi-rs/canvas), PaddleOCR v4 rec answering
// as a miner (onnxruntime-node, through ocrMinerTask), scored by the validator; and the miners a scorer must rank below it.
import { beforeAll, describe, expect, test } from 'vitest'
import * as ort from 'onnxruntime-node'
import type { RunModel } from '../task.ts'
import { ocrMinerTask, ocrValidatorTask } from './network.ts'
import { loadOcrDictionary, nodeOcrCanvas, ocrRecModelPath } from './node.ts'
import { decodeOcrQuery, encodeOcrAnswer, encodeOcrQuery } from './wire.ts'

let run: RunModel
const validator = ocrValidatorTask({ canvas: nodeOcrCanvas })
const miner = ocrMinerTask(loadOcrDictionary())

beforeAll(async () => {
  const session = await ort.InferenceSession.create(ocrRecModelPath())
  run = async (input) => {
    const out = (await session.run({ x: new ort.Tensor('float32', input.data, [...input.dims]) }))[session.outputNames[0]!]!
    return { data: out.data as Float32Array, dims: out.dims }
  }
}, 30_000)

describe('ocr over the wire', () => {
  test('PaddleOCR v4 rec reads the validator’s lines: mean 1 − CER ≥ 0.9 over 32 seeded lines', async () => {
    const { body, expected, size } = await validator.challenge('ocr-node-test', { size: 32 })
    expect(size).toBe(32)
    expect(body.length).toBe(6 + 32 * 48 * 320)
    const answer = await miner.answer(body, run)
    const score = validator.scoreAnswer(answer, expected)
    expect(score.ok).toBe(true)
    expect(score.score).toBeGreaterThanOrEqual(0.9)
  }, 60_000)

  test('garbage, empty, copied and stale answers score far below the model', async () => {
    const a = await validator.challenge('ocr-a', { size: 8 })
    const b = await validator.challenge('ocr-b', { size: 8 })
    const empty = validator.scoreAnswer(encodeOcrAnswer(new Array(8).fill('')), a.expected)
    expect(empty).toEqual({ ok: true, score: 0 })
    const constant = validator.scoreAnswer(encodeOcrAnswer(new Array(8).fill('HkR4#bnE')), a.expected)
    expect(constant.score).toBeLessThan(0.3)
    const stale = validator.scoreAnswer(await miner.answer(b.body, run), a.expected) // another challenge's answer
    expect(stale.score).toBeLessThan(0.3)
    expect(validator.scoreAnswer(new Uint8Array([1, 2, 3]), a.expected)).toMatchObject({ ok: false, score: 0, reason: expect.any(String) })
  }, 60_000)

  test('the miner refuses a malformed body, and a model output that does not fit, with a message', async () => {
    await expect(miner.answer(new Uint8Array(4), run)).rejects.toThrow('bad ocr query: the query is 4 bytes; it starts with a 6-byte header (lines, height, width)')
    const { body } = await validator.challenge('ocr-c', { size: 1 })
    const q = decodeOcrQuery(body)
    expect(q.ok).toBe(true)
    const wrong: RunModel = async () => ({ data: new Float32Array(40 * 10), dims: [1, 40, 10] })
    await expect(miner.answer(encodeOcrQuery(q.ok ? q.value : (undefined as never)), wrong)).rejects.toThrow(/has 10 classes per step; the dictionary has 6625/)
  }, 30_000)

  test('the same seed gives the same body and texts; the texts never travel in the body', async () => {
    const one = await validator.challenge('same', { size: 4 })
    const two = await ocrValidatorTask({ canvas: nodeOcrCanvas }).challenge('same', { size: 4 })
    expect(two.expected).toEqual(one.expected)
    expect(Buffer.from(two.body).equals(Buffer.from(one.body))).toBe(true)
    const text = new TextDecoder('latin1').decode(one.body)
    for (const t of one.expected.texts) expect(text).not.toContain(t)
  })
})
