// A model's input/output signature and the check that it fits what a task sends and expects back (pure).
//
// `src/tasks/digits/schema.ts` is meant to carry a `checkModelSignature`; until it exists, this is the check the
// worker applies to every model it loads (bundled or uploaded), so a mismatched `.onnx` is refused with a message.

export const TENSOR_TYPES = [
  'float32', 'float16', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool', 'string',
] as const
export type TensorType = (typeof TENSOR_TYPES)[number]

/** One dimension: a fixed size, or a name / null for a size chosen per run (the batch, a text line's width). */
export type Dim = number | string | null
export type TensorSpec = { name?: string; dims: Dim[]; type: TensorType }
export type ModelSignature = { inputs: TensorSpec[]; outputs: TensorSpec[] }

export type SignatureCheck = { ok: true } | { ok: false; problems: string[]; message: string }

export const isFixed = (d: Dim): d is number => typeof d === 'number' && d >= 0

/** `float32 [N, 1, 28, 28]` */
export function describeSpec(spec: TensorSpec): string {
  const dims = spec.dims.map((d) => (isFixed(d) ? String(d) : typeof d === 'string' && d ? d : '?'))
  return `${spec.type} [${dims.join(', ')}]`
}

/**
 * Does `model` (what the file declares) fit `expected` (what the task sends and reads back)?
 * Tensors are matched by name where the task names them, else by position. A fixed expected dimension needs the same
 * fixed size or a free one in the model; a free expected dimension needs a free one in the model, except the leading
 * (batch) dimension, which a model may fix (the worker then runs requests one by one instead of batching them).
 */
export function checkSignature(model: ModelSignature, expected: ModelSignature): SignatureCheck {
  const problems = [
    ...checkSide('input', model.inputs, expected.inputs),
    ...checkSide('output', model.outputs, expected.outputs),
  ]
  if (!problems.length) return { ok: true }
  return { ok: false, problems, message: `the model does not fit the task: ${problems.join('; ')}` }
}

function checkSide(side: 'input' | 'output', model: TensorSpec[], expected: TensorSpec[]): string[] {
  const problems: string[] = []
  if (model.length !== expected.length) {
    problems.push(`expected ${expected.length} ${side}${expected.length === 1 ? '' : 's'}, the model has ${model.length}`)
  }
  expected.forEach((want, i) => {
    const label = `${side} ${want.name ? `'${want.name}'` : i}`
    const have = want.name ? model.find((m) => m.name === want.name) : model[i]
    if (!have) {
      problems.push(`${label} is missing${want.name ? ` (the model's ${side}s: ${model.map((m) => `'${m.name ?? '?'}'`).join(', ')})` : ''}`)
      return
    }
    const mismatch = `${label}: expected ${describeSpec(want)}, the model has ${describeSpec(have)}`
    if (have.type !== want.type || have.dims.length !== want.dims.length) return void problems.push(mismatch)
    const bad = want.dims.some((w, d) => {
      const h = have.dims[d] as Dim
      if (isFixed(w)) return isFixed(h) && h !== w
      return isFixed(h) && d !== 0
    })
    if (bad) problems.push(mismatch)
  })
  return problems
}

/** Whether every input and output leaves its leading dimension free, so requests can be stacked into one run. */
export function batchable(model: ModelSignature): boolean {
  return [...model.inputs, ...model.outputs].every((t) => t.dims.length > 0 && !isFixed(t.dims[0] as Dim))
}
