import { describe, expect, test } from 'vitest'
import { encodeHeldOut } from '../../tasks/digits/heldOutFile.ts'
import { loadDigitsSplit } from '../../tasks/digits/loadMnist.ts'
import { digitsValidatorTask } from '../../tasks/digits/network.ts'
import { encodeDigitsAnswer } from '../../tasks/digits/wire.ts'
import { ocrValidatorTask } from '../../tasks/ocr/network.ts'
import { nodeOcrCanvas } from '../../tasks/ocr/node.ts'
import { encodeOcrAnswer } from '../../tasks/ocr/wire.ts'
import { createScoringWorkerTask, type ScoringWorkerLike } from './client.ts'
import { createScoringHost, KEPT_CHALLENGES } from './host.ts'
import { parseToScoringWorker } from './protocol.ts'
import { loadWorkerTask } from './tasks.ts'

const heldOut = loadDigitsSplit().heldOut
const file = encodeHeldOut(heldOut)
const URL = 'https://app.test/tasks/digits-heldout.bin'
const APP = 'https://app.test/'

/** The Worker in this process: messages are structured-cloned and checked as worker.ts does, replies come asynchronously. */
function inProcessWorker(files: Record<string, Uint8Array> = { [URL]: file }): ScoringWorkerLike & { terminated: boolean } {
  const host = createScoringHost((taskId, dataUrl) =>
    loadWorkerTask(taskId, dataUrl, {
      fetchBytes: async (url) => {
        const bytes = files[url]
        if (!bytes) throw new Error(`cannot fetch the task data ${url}: HTTP 404`)
        return bytes
      },
      // Node's canvas with the same fonts, where the Worker loads them with FontFace from the app's base URL
      ocrCanvas: async (base) => {
        if (base !== APP) throw new Error(`the ocr font ${base}fonts/DejaVuSans.ttf could not be loaded: HTTP 404`)
        return nodeOcrCanvas()
      },
    }),
  )
  const worker = {
    terminated: false,
    onmessage: null as ScoringWorkerLike['onmessage'],
    postMessage(message: unknown) {
      const parsed = parseToScoringWorker(structuredClone(message))
      void host.handle(parsed).then((reply) => worker.onmessage?.({ data: structuredClone(reply) }))
    },
    terminate() {
      worker.terminated = true
    },
  }
  return worker
}

const oneHot = (labels: ArrayLike<number>, wrong = 0) => {
  const data = new Float32Array(labels.length * 10)
  for (let i = 0; i < labels.length; i++) data[i * 10 + ((labels[i]! + (i < wrong ? 1 : 0)) % 10)] = 1
  return encodeDigitsAnswer({ data, dims: [labels.length, 10] })
}

describe('the digits task in the scoring worker', () => {
  test('draws the same challenge as the Node validator for the same seed, and scores answers the same', async () => {
    const direct = digitsValidatorTask(heldOut)
    const proxied = await createScoringWorkerTask({ taskId: 'digits', dataUrl: URL, worker: inProcessWorker() })
    const seed = '0xabc/5Fhotkey/3'
    const [mine, theirs] = await Promise.all([proxied.challenge(seed, { size: 32 }), direct.challenge(seed, { size: 32 })])
    expect(mine.size).toBe(32)
    expect(mine.body).toEqual(theirs.body)
    for (const wrong of [0, 8]) {
      const answer = oneHot(theirs.expected.labels, wrong)
      expect(await proxied.scoreAnswer(answer, mine.expected)).toEqual(direct.scoreAnswer(answer, theirs.expected))
    }
    expect(await proxied.scoreAnswer(oneHot(theirs.expected.labels, 8), mine.expected)).toEqual({ ok: true, score: 24 / 32 })
    const garbage = await proxied.scoreAnswer(new Uint8Array([1, 2, 3]), mine.expected)
    expect(garbage).toEqual(direct.scoreAnswer(new Uint8Array([1, 2, 3]), theirs.expected))
    expect(garbage.ok).toBe(false)
    proxied.close()
  })

  test('keeps only the latest challenges, and says so when asked to score an older one', async () => {
    const proxied = await createScoringWorkerTask({ taskId: 'digits', dataUrl: URL, worker: inProcessWorker() })
    const first = await proxied.challenge('a', { size: 4 })
    for (let i = 0; i < KEPT_CHALLENGES; i++) await proxied.challenge(`b${i}`, { size: 4 })
    await expect(proxied.scoreAnswer(new Uint8Array(0), first.expected)).rejects.toThrow(`challenge ${first.expected.challenge} is no longer held by the scoring worker`)
  })

  test('a missing data file or an unknown task is refused with the reason, and the worker is stopped', async () => {
    const missing = inProcessWorker({})
    await expect(createScoringWorkerTask({ taskId: 'digits', dataUrl: URL, worker: missing })).rejects.toThrow(`cannot fetch the task data ${URL}: HTTP 404`)
    expect(missing.terminated).toBe(true)
    await expect(createScoringWorkerTask({ taskId: 'poetry', dataUrl: URL, worker: inProcessWorker() })).rejects.toThrow('the scoring worker has no task "poetry"; it has: digits, ocr')
    const broken = inProcessWorker({ [URL]: new Uint8Array([1, 2, 3]) })
    await expect(createScoringWorkerTask({ taskId: 'digits', dataUrl: URL, worker: broken })).rejects.toThrow('the held-out digits file is not usable: not a held-out digits file')
  })

  test('after close, calls are refused instead of waiting forever', async () => {
    const worker = inProcessWorker()
    const proxied = await createScoringWorkerTask({ taskId: 'digits', dataUrl: URL, worker })
    const drawing = proxied.challenge('x', { size: 4 })
    proxied.close()
    await expect(drawing).rejects.toThrow('the scoring worker was closed')
    await expect(proxied.challenge('y')).rejects.toThrow('the scoring worker was closed')
    expect(worker.terminated).toBe(true)
  })

  test('messages that are not requests are refused with what was wrong', () => {
    expect(() => parseToScoringWorker({ type: 'score', id: 1, challenge: 2, body: [1, 2] })).toThrow('score needs a challenge number and the answer bytes')
    expect(() => parseToScoringWorker({ type: 'dance', id: 1 })).toThrow('unknown scoring request type "dance"')
    expect(() => parseToScoringWorker({ type: 'load' })).toThrow('a scoring request needs a whole-number id')
  })
})

describe('the ocr task in the scoring worker', () => {
  test('draws the same lines as the Node validator for the same seed, and scores the texts read back by 1 − CER', async () => {
    const direct = ocrValidatorTask({ canvas: nodeOcrCanvas })
    const proxied = await createScoringWorkerTask({ taskId: 'ocr', dataUrl: APP, worker: inProcessWorker() })
    expect(proxied.id).toBe('ocr')
    const seed = '0xabc/5Fhotkey/7'
    const [mine, theirs] = await Promise.all([proxied.challenge(seed, { size: 3 }), direct.challenge(seed, { size: 3 })])
    expect(mine.size).toBe(3)
    expect(mine.body).toEqual(theirs.body)
    const texts = theirs.expected.texts
    expect(await proxied.scoreAnswer(encodeOcrAnswer(texts), mine.expected)).toEqual({ ok: true, score: 1 })
    const oneWrong = [texts[0]!, texts[1]!, '']
    expect(await proxied.scoreAnswer(encodeOcrAnswer(oneWrong), mine.expected)).toEqual(direct.scoreAnswer(encodeOcrAnswer(oneWrong), theirs.expected))
    expect(await proxied.scoreAnswer(encodeOcrAnswer(oneWrong), mine.expected)).toEqual({ ok: true, score: 2 / 3 })
    const garbage = await proxied.scoreAnswer(new Uint8Array([1]), mine.expected)
    expect(garbage).toEqual(direct.scoreAnswer(new Uint8Array([1]), theirs.expected))
    expect(garbage.ok).toBe(false)
    proxied.close()
  })

  test('fonts that cannot be loaded fail the load with the reason, and the worker is stopped', async () => {
    const worker = inProcessWorker()
    await expect(createScoringWorkerTask({ taskId: 'ocr', dataUrl: 'https://elsewhere.test/', worker })).rejects.toThrow('the ocr font https://elsewhere.test/fonts/DejaVuSans.ttf could not be loaded: HTTP 404')
    expect(worker.terminated).toBe(true)
  })
})
