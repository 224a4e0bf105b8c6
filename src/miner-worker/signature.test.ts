import { describe, expect, it } from 'vitest'
import { batchable, checkSignature, type ModelSignature } from './signature.ts'

const digits: ModelSignature = { inputs: [{ dims: ['N', 1, 28, 28], type: 'float32' }], outputs: [{ dims: ['N', 10], type: 'float32' }] }
const model = (input: Array<number | string | null>, output: Array<number | string | null> = ['batch', 10], type = 'float32' as const): ModelSignature => ({
  inputs: [{ name: 'input', dims: input, type }],
  outputs: [{ name: 'probabilities', dims: output, type: 'float32' }],
})

describe('checkSignature', () => {
  it('accepts a model whose shapes fit, free or fixed where the task fixes them', () => {
    expect(checkSignature(model(['batch', 1, 28, 28]), digits)).toEqual({ ok: true })
    expect(checkSignature(model([null, 1, 'h', 'w']), digits)).toEqual({ ok: true })
  })

  it('accepts a fixed batch size (the worker then runs requests one by one)', () => {
    const fixed = model([1, 1, 28, 28], [1, 10])
    expect(checkSignature(fixed, digits)).toEqual({ ok: true })
    expect(batchable(fixed)).toBe(false)
    expect(batchable(model(['N', 1, 28, 28]))).toBe(true)
  })

  it('refuses other sizes, ranks and types, naming the tensor and both shapes', () => {
    const r = checkSignature(model(['N', 3, 32, 32]), digits)
    expect(r).toMatchObject({ ok: false, message: 'the model does not fit the task: input 0: expected float32 [N, 1, 28, 28], the model has float32 [N, 3, 32, 32]' })
    expect(checkSignature(model(['N', 784]), digits).ok).toBe(false)
    expect(checkSignature(model(['N', 1, 28, 28], ['N', 5]), digits)).toMatchObject({ ok: false, problems: ['output 0: expected float32 [N, 10], the model has float32 [N, 5]'] })
    expect(checkSignature({ ...model(['N', 1, 28, 28]), inputs: [{ name: 'input', dims: ['N', 1, 28, 28], type: 'uint8' }] }, digits).ok).toBe(false)
  })

  it('refuses a model that fixes a dimension the task leaves free (other than the batch)', () => {
    const ocr: ModelSignature = { inputs: [{ dims: ['N', 3, 48, 'W'], type: 'float32' }], outputs: [{ dims: ['N', 'T', 6625], type: 'float32' }] }
    const fixedWidth: ModelSignature = { inputs: [{ name: 'x', dims: ['N', 3, 48, 320], type: 'float32' }], outputs: [{ name: 'y', dims: ['N', 40, 6625], type: 'float32' }] }
    expect(checkSignature(fixedWidth, ocr).ok).toBe(false)
  })

  it('matches by name when the task names its tensors, and counts them', () => {
    const named: ModelSignature = { ...digits, inputs: [{ name: 'image', dims: ['N', 1, 28, 28], type: 'float32' }] }
    expect(checkSignature(model(['N', 1, 28, 28]), named)).toMatchObject({ ok: false, problems: ["input 'image' is missing (the model's inputs: 'input')"] })
    const two: ModelSignature = { ...digits, outputs: [...digits.outputs, { dims: ['N'], type: 'int64' }] }
    expect(checkSignature(model(['N', 1, 28, 28]), two)).toMatchObject({ ok: false })
  })
})
