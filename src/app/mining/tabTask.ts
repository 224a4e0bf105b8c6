// The task a mining tab serves, per subnet task id: a MinerTask (decode and check the request body, run the model, encode the answer),
// the signature the inference worker checks a model file against while loading it (so a file that does not fit is refused with the
// worker's message), and the input the warm-up runs on. Digits is bundled; ocr needs PaddleOCR's dictionary, fetched once.
import type { ModelSignature as WorkerSignature } from '../../miner-worker/signature.ts'
import { digitsMinerTask } from '../../tasks/digits/network.ts'
import { CLASSES, IMAGE_SIZE } from '../../tasks/digits/schema.ts'
import type { TaskId } from '../../tasks/forSubnet.ts'
import { OCR_WORKER_SIGNATURE, ocrMinerTask } from '../../tasks/ocr/network.ts'
import { LINE_HEIGHT, LINE_WIDTH } from '../../tasks/ocr/schema.ts'
import type { MinerTask, TensorLike } from '../../tasks/task.ts'

export type TabMinerTask = MinerTask & {
  workerSignature?: WorkerSignature
  /** What the warm-up runs (default: the worker's zeros, 1 for every free dimension). */
  warmupInput?: TensorLike
}

export const digitsTabTask: TabMinerTask = {
  ...digitsMinerTask,
  workerSignature: {
    inputs: [{ dims: ['N', 1, IMAGE_SIZE, IMAGE_SIZE], type: 'float32' }],
    outputs: [{ dims: ['N', CLASSES], type: 'float32' }],
  },
}

/** The ocr task for a tab, given the rec model's classes (`fetchOcrDictionary()`). */
export function ocrTabTask(classes: readonly string[]): TabMinerTask {
  // the warm-up runs one blank line as wide as validators draw them
  const dims = [1, 3, LINE_HEIGHT, LINE_WIDTH]
  return {
    ...ocrMinerTask(classes),
    workerSignature: OCR_WORKER_SIGNATURE,
    warmupInput: { data: new Float32Array(dims.reduce((a, b) => a * b, 1)), dims },
  }
}

export type TabTaskEdges = { fetchOcrDictionary(): Promise<string[]> }

const browserEdges: TabTaskEdges = {
  fetchOcrDictionary: async () => (await import('../../tasks/ocr/browser.ts')).fetchOcrDictionary(),
}

/** The MinerTask a tab serves for `taskId` (ocr fetches its dictionary; a failed fetch rejects with the reason). */
export async function loadTabTask(taskId: TaskId, edges: TabTaskEdges = browserEdges): Promise<TabMinerTask> {
  switch (taskId) {
    case 'digits':
      return digitsTabTask
    case 'ocr':
      return ocrTabTask(await edges.fetchOcrDictionary())
  }
}
