// The tasks the scoring Worker can load, by id, each from a data file the app serves (fetched inside the Worker).
import { decodeHeldOut } from '../../tasks/digits/heldOutFile.ts'
import { digitsValidatorTask } from '../../tasks/digits/network.ts'
import type { ValidatorTask } from '../../tasks/task.ts'

/** Where the app serves the digits validators' held-out set (made at build by src/tasks/digits/vite.ts). */
export const DIGITS_HELD_OUT_PATH = 'tasks/digits-heldout.bin'

export const WORKER_TASKS: Record<string, (bytes: Uint8Array) => ValidatorTask<unknown>> = {
  digits: (bytes) => {
    const heldOut = decodeHeldOut(bytes)
    if (!heldOut.ok) throw new Error(`the held-out digits file is not usable: ${heldOut.reason}`)
    return digitsValidatorTask(heldOut.value) as ValidatorTask<unknown>
  },
}

/** Fetches `dataUrl` and builds task `taskId` from it (`fetchBytes` is the Worker's fetch; tests pass a file reader). */
export async function loadWorkerTask(taskId: string, dataUrl: string, fetchBytes: (url: string) => Promise<Uint8Array> = fetchOk): Promise<ValidatorTask<unknown>> {
  const make = Object.hasOwn(WORKER_TASKS, taskId) ? WORKER_TASKS[taskId] : undefined
  if (!make) throw new Error(`the scoring worker has no task "${taskId}"; it has: ${Object.keys(WORKER_TASKS).join(', ')}`)
  return make(await fetchBytes(dataUrl))
}

async function fetchOk(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`cannot fetch the task data ${url}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
