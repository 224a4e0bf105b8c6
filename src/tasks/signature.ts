// The check every task applies to a model before a miner uses it (pure): one float32 input and at least one output, the first,
// each of a given rank and with the fixed sizes the task needs, and a batch dimension the input and the output agree on. A task
// says what it wants and how a wrong size is put in words; the reasons read the same across tasks.
import type { ModelSignature, ModelSignatureCheck, ModelTensorSpec } from './task.ts'

export const isFixed = (d: number | string | null | undefined): d is number => typeof d === 'number' && d >= 0
export const showDims = (dims: ReadonlyArray<number | string | null>) => `[${dims.map((d) => (isFixed(d) ? String(d) : typeof d === 'string' && d ? d : '?')).join(', ')}]`
const showSpec = (s: ModelTensorSpec) => `${s.type} ${showDims(s.dims)}`

export interface TensorWant {
  /** As it is shown, e.g. `float32 [N, 1, 28, 28]`. */
  shape: string
  rank: number
  /** A problem with the sizes after the batch, given the tensor's label (`input 'x'`) and how it is shown; undefined when they fit. */
  sizes(dims: ReadonlyArray<number | string | null>, label: string, shown: string): string | undefined
}

/** `task` names the task in the reason (`digits`, `ocr`); `article` is `a` or `an` before it. */
export function checkSingleTensorModel(signature: ModelSignature, want: { task: string; article: 'a' | 'an'; input: TensorWant; output: TensorWant }): ModelSignatureCheck {
  const problems: string[] = []
  const { inputs, outputs } = signature
  if (inputs.length !== 1) problems.push(`${want.article} ${want.task} model takes exactly 1 input; this one takes ${inputs.length}`)
  if (outputs.length < 1) problems.push('the model has no outputs')
  const batchOf = (spec: ModelTensorSpec | undefined, side: 'input' | 'output', w: TensorWant): number | string | null | undefined => {
    if (!spec) return undefined
    const label = `${side} '${spec.name ?? '?'}'`
    if (spec.isTensor === false) return void problems.push(`${label} is not a tensor; it must be ${w.shape}`)
    if (spec.dims.length === 0) return void problems.push(`${label} declares no shape; it must be ${w.shape}`)
    if (spec.type !== 'float32' || spec.dims.length !== w.rank) return void problems.push(`${label} is ${showSpec(spec)}; it must be ${w.shape}`)
    const problem = w.sizes(spec.dims, label, showSpec(spec))
    if (problem) return void problems.push(problem)
    return spec.dims[0]
  }
  const [input, output] = [inputs[0], outputs[0]]
  const inBatch = batchOf(input, 'input', want.input)
  const outBatch = batchOf(output, 'output', want.output)
  if (problems.length === 0 && isFixed(inBatch) !== isFixed(outBatch)) {
    problems.push(`the batch dimension is fixed on one side only (input ${showDims([inBatch ?? null])}, output ${showDims([outBatch ?? null])})`)
  } else if (problems.length === 0 && isFixed(inBatch) && isFixed(outBatch) && (inBatch !== outBatch || inBatch < 1)) {
    problems.push(`the input takes batches of ${inBatch} but the output gives ${outBatch} rows`)
  }
  if (problems.length || !input || !output) return { ok: false, problems, reason: `this model cannot answer ${want.task} queries: ${problems.join('; ')}` }
  return { ok: true, inputName: input.name ?? '', outputName: output.name ?? '', batch: isFixed(inBatch) ? inBatch : 'dynamic' }
}
