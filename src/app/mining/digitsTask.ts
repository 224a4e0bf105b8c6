// The task a mining tab serves, as a MinerTask (decode and check the request body, run the model, encode the answer) plus the signature
// the inference worker checks a model file against while loading it, so a file that does not fit is refused with the worker's message.
import type { ModelSignature as WorkerSignature } from '../../miner-worker/signature.ts'
import { digitsMinerTask } from '../../tasks/digits/network.ts'
import { CLASSES, IMAGE_SIZE } from '../../tasks/digits/schema.ts'
import type { MinerTask } from '../../tasks/task.ts'

export type TabMinerTask = MinerTask & { workerSignature?: WorkerSignature }

export const digitsTabTask: TabMinerTask = {
  ...digitsMinerTask,
  workerSignature: {
    inputs: [{ dims: ['N', 1, IMAGE_SIZE, IMAGE_SIZE], type: 'float32' }],
    outputs: [{ dims: ['N', CLASSES], type: 'float32' }],
  },
}

/** The task a subnet's miners run. Every subnet with a bundled model runs digits for now; OCR joins once the page offers its model. */
export function tabTaskFor(_netuid: number): TabMinerTask {
  return digitsTabTask
}
