// The subnet tasks a headless validator can run, by id: the one place a task registers its ValidatorTask (loaded lazily, with its data).
//
// Each loader builds the task with the data it needs in Node (files from node_modules); a browser tab builds its ValidatorTask
// itself with data it fetched. To add a task: implement `ValidatorTask` in src/tasks/<id>/network.ts and add a line here.
import type { ValidatorTask } from '../tasks/task.ts'

export const VALIDATOR_TASKS: Record<string, () => Promise<ValidatorTask<unknown>>> = {
  digits: async () => {
    const [{ digitsValidatorTask }, { loadDigitsSplit }] = await Promise.all([import('../tasks/digits/network.ts'), import('../tasks/digits/loadMnist.ts')])
    return digitsValidatorTask(loadDigitsSplit().heldOut) as ValidatorTask<unknown>
  },
  ocr: async () => {
    const [{ ocrValidatorTask }, { nodeOcrCanvas }] = await Promise.all([import('../tasks/ocr/network.ts'), import('../tasks/ocr/node.ts')])
    return ocrValidatorTask({ canvas: nodeOcrCanvas }) as ValidatorTask<unknown>
  },
}

/** The task a validator runs when neither --task nor the subnet's identity says which. */
export const DEFAULT_VALIDATOR_TASK = 'digits'

/** The ValidatorTask registered as `id`, or an Error listing the ids there are. */
export async function loadValidatorTask(id: string = DEFAULT_VALIDATOR_TASK): Promise<ValidatorTask<unknown>> {
  const load = Object.hasOwn(VALIDATOR_TASKS, id) ? VALIDATOR_TASKS[id] : undefined
  if (!load) throw new Error(`no validator task "${id}"; the tasks are: ${Object.keys(VALIDATOR_TASKS).join(', ')}`)
  return load()
}
