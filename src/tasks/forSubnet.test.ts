import { describe, expect, test } from 'vitest'
import { describeSubnetTask, subnetTask, taskForSubnet } from './forSubnet.ts'

const identity = (name: string, additional = '') => ({ name, additional })

describe('the task a subnet runs, from its identity', () => {
  test('the demo network’s identities: additional says the task', () => {
    expect(subnetTask(identity('digits', 'webtensor task: digits'))).toEqual({ taskId: 'digits', source: 'declared' })
    expect(subnetTask(identity('ocr', 'webtensor task: ocr'))).toEqual({ taskId: 'ocr', source: 'declared' })
    expect(describeSubnetTask(subnetTask(identity('ocr', 'webtensor task: ocr')))).toBe('Task: ocr (declared in the subnet’s identity).')
  })

  test('the declaration wins over the name, wherever it sits in additional and however it is cased', () => {
    expect(taskForSubnet(identity('digits', 'made by us; Webtensor Task:  OCR, see the repo'))).toBe('ocr')
    expect(taskForSubnet(identity('Reading club', 'webtensor task: ocr'))).toBe('ocr')
  })

  test('without a declaration, a name that is a task id names the task', () => {
    expect(subnetTask(identity(' OCR ', 'anything else'))).toEqual({ taskId: 'ocr', source: 'named' })
    expect(describeSubnetTask(subnetTask(identity('digits')))).toBe('Task: digits (the subnet’s name).')
  })

  test('a subnet with no identity (or an empty one) is assumed to run digits, and says so', () => {
    expect(subnetTask(undefined)).toEqual({ taskId: 'digits', source: 'assumed' })
    expect(subnetTask(identity('  ', ''))).toEqual({ taskId: 'digits', source: 'assumed' })
    expect(describeSubnetTask(subnetTask(undefined))).toBe('Task: assumed: digits (this subnet has no on-chain identity saying which task it runs).')
  })

  test('an identity naming no known task runs none: no silent digits', () => {
    expect(taskForSubnet(identity('Apex', 'the first subnet'))).toBeUndefined()
    expect(describeSubnetTask(subnetTask(identity('Apex')))).toBe('This subnet runs no task webtensor knows: its identity (“Apex”) names none of digits, ocr.')
    // a declared task this build does not know wins over a name that is a known one
    expect(subnetTask(identity('digits', 'webtensor task: poetry'))).toEqual({ taskId: undefined, declared: 'poetry', name: 'digits' })
    expect(describeSubnetTask(subnetTask(identity('digits', 'webtensor task: poetry')))).toBe('This subnet runs no task webtensor knows: its identity declares the task “poetry”.')
    expect(describeSubnetTask(subnetTask(identity('', 'a subnet about poems')))).toBe('This subnet runs no task webtensor knows: its identity names none of digits, ocr.')
  })
})
