// The tasks the scoring Worker can load, by id, each from what the app serves (fetched inside the Worker): digits from its held-out
// data file; ocr from the app's base URL, under which the build copied the DejaVu fonts its challenges are drawn with (OffscreenCanvas).
import type { CreateCanvas } from '../../tasks/ocr/render.ts'
import type { ValidatorTask } from '../../tasks/task.ts'

/** Where the app serves the digits validators' held-out set (made at build by src/tasks/digits/vite.ts). */
export const DIGITS_HELD_OUT_PATH = 'tasks/digits-heldout.bin'

/** The Worker's ways to the outside: fetching a data file, and a canvas with the ocr fonts loaded from a base URL (tests pass Node's). */
export type WorkerTaskEdges = {
  fetchBytes(url: string): Promise<Uint8Array>
  ocrCanvas(base: string): Promise<CreateCanvas>
}

/** Task id → how the Worker builds it from `dataUrl` (digits: the held-out file's URL; ocr: the app's base URL). */
export const WORKER_TASKS: Record<string, (dataUrl: string, edges: WorkerTaskEdges) => Promise<ValidatorTask<unknown>>> = {
  digits: async (dataUrl, { fetchBytes }) => {
    const [{ decodeHeldOut }, { digitsValidatorTask }] = await Promise.all([import('../../tasks/digits/heldOutFile.ts'), import('../../tasks/digits/network.ts')])
    const heldOut = decodeHeldOut(await fetchBytes(dataUrl))
    if (!heldOut.ok) throw new Error(`the held-out digits file is not usable: ${heldOut.reason}`)
    return digitsValidatorTask(heldOut.value) as ValidatorTask<unknown>
  },
  ocr: async (base, { ocrCanvas }) => {
    const { ocrValidatorTask } = await import('../../tasks/ocr/network.ts')
    // the fonts load now, so a start fails with the reason instead of the first step
    const canvas = await ocrCanvas(base)
    return ocrValidatorTask({ canvas: async () => canvas }) as ValidatorTask<unknown>
  },
}

const browserEdges: WorkerTaskEdges = {
  fetchBytes: fetchOk,
  ocrCanvas: async (base) => (await import('../../tasks/ocr/browser.ts')).browserOcrCanvas({ base }),
}

/** Builds task `taskId` from `dataUrl` with the Worker's edges (tests pass a file reader and Node's canvas). */
export async function loadWorkerTask(taskId: string, dataUrl: string, edges: Partial<WorkerTaskEdges> = {}): Promise<ValidatorTask<unknown>> {
  const make = Object.hasOwn(WORKER_TASKS, taskId) ? WORKER_TASKS[taskId] : undefined
  if (!make) throw new Error(`the scoring worker has no task "${taskId}"; it has: ${Object.keys(WORKER_TASKS).join(', ')}`)
  return make(dataUrl, { ...browserEdges, ...edges })
}

async function fetchOk(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`cannot fetch the task data ${url}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
