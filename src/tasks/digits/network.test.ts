// The digits task over the network: a seeded challenge as bytes, answers scored from bytes (right, wrong, malformed), and the miner side
// turning a request body into an answer body with a model.
import { describe, expect, test } from 'vitest'
import { loadDigitsSplit } from './loadMnist.ts'
import { digitsMinerTask, digitsValidatorTask } from './network.ts'
import { encodeDigitsAnswer } from './wire.ts'

const task = digitsValidatorTask(loadDigitsSplit().heldOut)
const oneHot = (labels: Uint8Array) => {
  const data = new Float32Array(labels.length * 10)
  labels.forEach((l, i) => (data[i * 10 + l] = 1))
  return encodeDigitsAnswer({ data, dims: [labels.length, 10] })
}

describe('digits over the network', () => {
  test('the same seed gives the same challenge bytes; the size is what was asked', async () => {
    const a = await task.challenge('seed-1', { size: 16 })
    const b = await task.challenge('seed-1', { size: 16 })
    expect(a.size).toBe(16)
    expect(a.body).toEqual(b.body)
    expect(a.body.length).toBe(4 + 16 * 784 * 4)
    expect((await task.challenge('seed-2', { size: 16 })).body).not.toEqual(a.body)
  })

  test('the right labels score 1, a constant answer about a tenth, bytes of the wrong size 0 with the reason', async () => {
    const { expected } = await task.challenge('seed-3', { size: 32 })
    expect(await task.scoreAnswer(oneHot(expected.labels), expected)).toEqual({ ok: true, score: 1 })
    const constant = await task.scoreAnswer(oneHot(new Uint8Array(32)), expected)
    expect(constant.ok && constant.score).toBeLessThan(0.4)
    expect(await task.scoreAnswer(new Uint8Array(7), expected)).toEqual({ ok: false, score: 0, reason: 'the answer says 0 rows, which take 4 bytes; it has 7' })
  })

  test('the miner side: a body in, the model run on it, an answer body out; a bad body or a bad model output is refused in words', async () => {
    const { body, expected } = await task.challenge('seed-4', { size: 8 })
    const perfect = async () => ({ data: new Float32Array(await oneHotData(expected.labels)), dims: [8, 10] })
    const answer = await digitsMinerTask.answer(body, perfect)
    expect(await task.scoreAnswer(answer, expected)).toEqual({ ok: true, score: 1 })
    await expect(digitsMinerTask.answer(new Uint8Array(3), perfect)).rejects.toThrow('the query is 3 bytes; it starts with a 4-byte row count')
    await expect(digitsMinerTask.answer(body, async () => ({ data: new Float32Array(10), dims: [1, 10] }))).rejects.toThrow('the model gave 10 values for 8 digits; it should give 80 (10 per digit)')
  })
})

async function oneHotData(labels: Uint8Array): Promise<Float32Array> {
  const data = new Float32Array(labels.length * 10)
  labels.forEach((l, i) => (data[i * 10 + l] = 1))
  return data
}
