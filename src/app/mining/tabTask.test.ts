// Which MinerTask a mining tab serves for a subnet task: digits as bundled, ocr with PaddleOCR's dictionary and the worker signature.
import { describe, expect, test } from 'vitest'
import { subnetTask } from '../../tasks/forSubnet.ts'
import { OCR_WORKER_SIGNATURE } from '../../tasks/ocr/network.ts'
import { loadOcrDictionary } from '../../tasks/ocr/node.ts'
import { digitsTabTask, loadTabTask } from './tabTask.ts'

const edges = { fetchOcrDictionary: async () => loadOcrDictionary() }

describe('the task a mining tab serves', () => {
  test('a demo ocr subnet mines ocr: the rec model’s signature, its warm-up line, and the CTC reading', async () => {
    const { taskId } = subnetTask({ name: 'ocr', additional: 'webtensor task: ocr' })
    const task = await loadTabTask(taskId!, edges)
    expect(task.id).toBe('ocr')
    expect(task.workerSignature).toEqual(OCR_WORKER_SIGNATURE)
    expect(task.warmupInput?.dims).toEqual([1, 3, 48, 320])
    expect(task.checkModelSignature({ inputs: [{ name: 'x', dims: ['N', 3, 48, 'W'], type: 'float32' }], outputs: [{ name: 'y', dims: ['N', 'T', 6625], type: 'float32' }] })).toMatchObject({ ok: true })
    expect(task.checkModelSignature({ inputs: [{ name: 'input', dims: ['N', 1, 28, 28], type: 'float32' }], outputs: [{ name: 'p', dims: ['N', 10], type: 'float32' }] }).ok).toBe(false)
  })

  test('a subnet with no identity mines digits, the bundled task, without fetching anything', async () => {
    const { taskId } = subnetTask(undefined)
    const fetched: string[] = []
    expect(await loadTabTask(taskId!, { fetchOcrDictionary: async () => (fetched.push('dictionary'), []) })).toBe(digitsTabTask)
    expect(fetched).toEqual([])
    expect(digitsTabTask.workerSignature).toEqual({ inputs: [{ dims: ['N', 1, 28, 28], type: 'float32' }], outputs: [{ dims: ['N', 10], type: 'float32' }] })
  })

  test('an ocr dictionary that cannot be fetched, or is not PaddleOCR’s, is refused with the reason', async () => {
    await expect(loadTabTask('ocr', { fetchOcrDictionary: async () => Promise.reject(new Error('the ocr dictionary /models/ocr/ppocr_keys_v1.txt could not be fetched: HTTP 404')) })).rejects.toThrow(
      'could not be fetched: HTTP 404',
    )
    await expect(loadTabTask('ocr', { fetchOcrDictionary: async () => ['', 'a', 'b'] })).rejects.toThrow("the dictionary gives 3 classes; PaddleOCR's rec model has 6625")
  })
})
