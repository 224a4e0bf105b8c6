// What a tab validates for a subnet: the subnet's task from its identity, loaded in the scoring Worker from what the build serves.
import { describe, expect, test } from 'vitest'
import { subnetTask } from '../../tasks/forSubnet.ts'
import { scoringWorkerLoad, VALIDATING_TASKS } from './task.ts'

describe('the task a validating tab runs', () => {
  test('an ocr subnet: the Worker draws lines with the fonts under the app’s base URL; at most 32 lines a challenge', () => {
    const { taskId } = subnetTask({ name: 'ocr', additional: 'webtensor task: ocr' })
    expect(scoringWorkerLoad(taskId!, 'https://app.test/webtensor/')).toEqual({ taskId: 'ocr', dataUrl: 'https://app.test/webtensor/' })
    expect(VALIDATING_TASKS.ocr).toEqual({ items: 'Lines', maxSize: 32, defaultSize: 8 })
  })

  test('a subnet with no identity: digits, from the held-out file the build made', () => {
    const { taskId } = subnetTask(undefined)
    expect(scoringWorkerLoad(taskId!, 'https://app.test/')).toEqual({ taskId: 'digits', dataUrl: 'https://app.test/tasks/digits-heldout.bin' })
    expect(VALIDATING_TASKS.digits).toEqual({ items: 'Digits', maxSize: 256, defaultSize: 64 })
  })
})
