// What validating a subnet's task takes in a tab (pure): how the scoring Worker loads it (digits: the held-out file the build made; ocr:
// the app's base URL, under which the build copied the fonts its lines are drawn with) and the challenge size the page offers.
import type { TaskId } from '../../tasks/forSubnet.ts'
import { MAX_LINES } from '../../tasks/ocr/schema.ts'
import { DIGITS_HELD_OUT_PATH } from '../../validator/worker/tasks.ts'

export type ValidatingTaskSettings = {
  /** What a challenge is made of, for the size field: "Digits per challenge". */
  items: string
  /** The largest challenge the task takes, and the page's default. */
  maxSize: number
  defaultSize: number
}

export const VALIDATING_TASKS: Record<TaskId, ValidatingTaskSettings> = {
  digits: { items: 'Digits', maxSize: 256, defaultSize: 64 },
  // every line is a run of the rec model on the miner's side: a few per step
  ocr: { items: 'Lines', maxSize: MAX_LINES, defaultSize: 8 },
}

/** The scoring Worker's `load` for `taskId`, given the app's base URL (absolute). */
export function scoringWorkerLoad(taskId: TaskId, appBase: string): { taskId: TaskId; dataUrl: string } {
  const base = new URL(appBase)
  return { taskId, dataUrl: taskId === 'digits' ? new URL(DIGITS_HELD_OUT_PATH, base).href : base.href }
}
