// PaddleOCR's dictionary and the greedy CTC decode of a recognition model's output (pure).
//
// Classes: 0 is the CTC blank; class i (1 ≤ i ≤ D) is line i − 1 of ppocr_keys_v1.txt (D = 6,623 lines); class D + 1
// is a space (PaddleOCR's `use_space_char`). Greedy decode: per line, the argmax of every step; repeats collapsed; blanks
// dropped — exactly PaddleOCR's CTCLabelDecode without its score.
import type { TensorLike } from '../task.ts'

/** The classes of a dictionary file: blank (''), its lines, then ' '. A final newline is ignored; `\r` is stripped. */
export function parseDictionary(text: string): string[] {
  const lines = text.replace(/\r/g, '').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return ['', ...lines, ' ']
}

export type CtcDecoded = { texts: string[]; /** per line, the mean of the kept steps' top scores (1 when nothing is kept). */ confidence: number[] }

/**
 * Greedy CTC decode of scores [N, T, C] (probabilities or logits: only the argmax is used) with `classes` (from
 * parseDictionary, C entries). Throws when the shape does not match the classes or the query's line count.
 */
export function ctcGreedyDecode(output: TensorLike, classes: readonly string[], lines?: number): CtcDecoded {
  const { data, dims } = output
  if (dims.length !== 3) throw new Error(`the model's output has ${dims.length} dimensions; a recognition model gives [N, T, ${classes.length}]`)
  const [n, t, c] = dims as [number, number, number]
  if (c !== classes.length) throw new Error(`the model's output has ${c} classes per step; the dictionary has ${classes.length} (blank, characters, space)`)
  if (lines !== undefined && n !== lines) throw new Error(`the model's output has ${n} rows for ${lines} lines`)
  if (data.length !== n * t * c) throw new Error(`the model's output holds ${data.length} values; [${n}, ${t}, ${c}] needs ${n * t * c}`)
  const texts: string[] = []
  const confidence: number[] = []
  for (let line = 0; line < n; line++) {
    let text = ''
    let previous = -1
    let sum = 0
    let kept = 0
    for (let step = 0; step < t; step++) {
      const at = (line * t + step) * c
      let best = 0
      let bestValue = data[at] as number
      for (let k = 1; k < c; k++) {
        const v = data[at + k] as number
        if (v > bestValue) {
          bestValue = v
          best = k
        }
      }
      if (best !== 0 && best !== previous) {
        text += classes[best]
        sum += bestValue
        kept++
      }
      previous = best
    }
    texts.push(text)
    confidence.push(kept ? sum / kept : 1)
  }
  return { texts, confidence }
}
