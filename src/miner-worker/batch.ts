// Stacking concurrent requests along the batch (leading) dimension into one run, and splitting the answers back (pure).
import type { Feeds, TensorData, TypedArray } from './protocol.ts'

/** How many samples a request carries (its inputs' shared leading dimension), or null when it cannot be stacked. */
export function samples(feeds: Feeds): number | null {
  const lead = Object.values(feeds).map((t) => (t.dims.length ? t.dims[0]! : -1))
  return lead.length && lead[0]! >= 1 && lead.every((n) => n === lead[0]) ? lead[0]! : null
}

/** Requests with the same key can share a run: same input names and types, same dimensions after the first. */
export function batchKey(feeds: Feeds): string | null {
  if (samples(feeds) === null) return null
  return Object.keys(feeds)
    .sort()
    .map((k) => `${k}:${feeds[k]!.type}[${feeds[k]!.dims.slice(1).join(',')}]`)
    .join('|')
}

const alloc = (like: TypedArray, length: number): TypedArray =>
  new (like.constructor as new (n: number) => TypedArray)(length)

/** One feed set holding every request's samples in order; `counts[i]` is request i's share. Keys must match. */
export function stackFeeds(list: Feeds[]): { feeds: Feeds; counts: number[] } {
  if (!list.length) throw new Error('nothing to stack')
  const key = batchKey(list[0]!)
  const counts = list.map((f, i) => {
    if (batchKey(f) !== key || key === null) throw new Error(`request ${i} cannot be stacked with request 0`)
    return samples(f)!
  })
  if (list.length === 1) return { feeds: list[0]!, counts }
  const feeds: Feeds = {}
  for (const name of Object.keys(list[0]!)) {
    const parts = list.map((f) => f[name]!)
    const first = parts[0]!
    const data = alloc(first.data, parts.reduce((n, p) => n + p.data.length, 0))
    let at = 0
    for (const p of parts) {
      ;(data as Float32Array).set(p.data as Float32Array, at)
      at += p.data.length
    }
    feeds[name] = { type: first.type, dims: [counts.reduce((a, b) => a + b, 0), ...first.dims.slice(1)], data }
  }
  return { feeds, counts }
}

/**
 * Splits a batched run's outputs back into one output set per request: copies (each can be transferred alone), or with
 * `views`, views into the batch's buffers (no copy; one message transfers each buffer once, however many requests).
 */
export function splitOutputs(outputs: Feeds, counts: number[], { views = false } = {}): Feeds[] {
  const total = counts.reduce((a, b) => a + b, 0)
  const result: Feeds[] = counts.map(() => ({}))
  for (const [name, t] of Object.entries(outputs)) {
    if (t.dims[0] !== total) throw new Error(`output '${name}' has leading dimension ${t.dims[0]}, not the batch's ${total}`)
    const row = total ? t.data.length / total : 0
    let at = 0
    counts.forEach((n, i) => {
      const piece: TensorData = { type: t.type, dims: [n, ...t.dims.slice(1)], data: views ? t.data.subarray(at * row, (at + n) * row) : t.data.slice(at * row, (at + n) * row) }
      result[i]![name] = piece
      at += n
    })
  }
  return result
}
