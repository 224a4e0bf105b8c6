import { describe, expect, test } from 'vitest'
import { checkAnswer, checkModelSignature, checkQuery, MAX_BATCH } from './schema.ts'

const query = (n: number, fill = 0.5) => ({ data: new Float32Array(n * 784).fill(fill), dims: [n, 1, 28, 28] })
const answer = (n: number, fill = 0.1) => ({ data: new Float32Array(n * 10).fill(fill), dims: [n, 10] })
const reason = (c: { ok: boolean; reason?: string }) => (c.ok ? 'ok' : c.reason)

describe('checkQuery (miner side)', () => {
  test('accepts float32 [N, 1, 28, 28] with pixels in [0, 1], from 1 to MAX_BATCH images', () => {
    expect(checkQuery(query(1)).ok).toBe(true)
    expect(checkQuery(query(MAX_BATCH, 1)).ok).toBe(true)
    expect(checkQuery({ data: new Float32Array(784), dims: [1, 1, 28, 28] }).ok).toBe(true)
  })

  test('refuses malformed queries, saying what is wrong', () => {
    expect(reason(checkQuery(null))).toMatchInlineSnapshot(`"the query is not a tensor (it needs data and dims)"`)
    expect(reason(checkQuery({ data: new Float32Array(784), dims: [1, 28, 28] }))).toMatchInlineSnapshot(
      `"the query has 3 dimensions; it must have 4: [N, 1, 28, 28]"`,
    )
    expect(reason(checkQuery({ data: new Float32Array(784 * 3), dims: [1, 3, 28, 28] }))).toMatchInlineSnapshot(
      `"the query is [1, 3, 28, 28]; it must be [N, 1, 28, 28]"`,
    )
    expect(reason(checkQuery(query(0)))).toMatchInlineSnapshot(`"the query's batch size is 0; it must be a whole number from 1 to 256"`)
    expect(reason(checkQuery({ ...query(MAX_BATCH + 1) }))).toMatch(/batch size is 257/)
    expect(reason(checkQuery({ data: new Float32Array(700), dims: [1, 1, 28, 28] }))).toMatchInlineSnapshot(
      `"the query holds 700 values; 1 image of 28×28 need 784"`,
    )
    expect(reason(checkQuery({ data: new Float64Array(784), dims: [1, 1, 28, 28] }))).toMatchInlineSnapshot(`"the query data is not float32"`)
    expect(reason(checkQuery({ data: Array(784).fill(0), dims: [1, 1, 28, 28] }))).toBe('the query data is not float32')
  })

  test('refuses NaN, infinities and pixels outside [0, 1], naming the pixel', () => {
    const bad = (i: number, v: number) => {
      const q = query(2)
      q.data[i] = v
      return reason(checkQuery(q))
    }
    expect(bad(784 + 28 * 3 + 5, Number.NaN)).toMatchInlineSnapshot(`"pixel image 1, row 3, column 5 is NaN; pixels must be numbers from 0 to 1"`)
    expect(bad(0, Number.POSITIVE_INFINITY)).toMatch(/image 0, row 0, column 0 is Infinity/)
    expect(bad(10, -0.01)).toMatch(/is -0\.01/)
    expect(bad(10, 1.5)).toMatch(/is 1\.5/)
  })
})

describe('checkAnswer (validator side)', () => {
  test('accepts float32 [rows, 10] of finite numbers (probabilities or logits)', () => {
    expect(checkAnswer(answer(3), 3).ok).toBe(true)
    expect(checkAnswer({ data: new Float32Array([-50, 3, 1e30, 0, 0, 0, 0, 0, 0, 0]), dims: [1, 10] }, 1).ok).toBe(true)
  })

  test('refuses wrong shapes, sizes, row counts and non-finite values', () => {
    expect(reason(checkAnswer(answer(3), 4))).toMatchInlineSnapshot(`"the answer has 3 rows; the query had 4 images"`)
    expect(reason(checkAnswer({ data: new Float32Array(30), dims: [3, 10, 1] }, 3))).toMatchInlineSnapshot(
      `"the answer has 3 dimensions; it must have 2: [N, 10]"`,
    )
    expect(reason(checkAnswer({ data: new Float32Array(27), dims: [3, 9] }, 3))).toMatchInlineSnapshot(`"the answer is [3, 9]; it must be [N, 10]"`)
    expect(reason(checkAnswer({ data: new Float32Array(20), dims: [3, 10] }, 3))).toMatchInlineSnapshot(
      `"the answer holds 20 values; 3 rows of 10 need 30"`,
    )
    const nan = answer(2)
    nan.data[13] = Number.NaN
    expect(reason(checkAnswer(nan, 2))).toMatchInlineSnapshot(`"row 1, digit 3 is NaN; every value must be a finite number"`)
    const inf = answer(2)
    inf.data[0] = Number.NEGATIVE_INFINITY
    expect(reason(checkAnswer(inf, 2))).toMatch(/row 0, digit 0 is -Infinity/)
    expect(reason(checkAnswer('7', 1))).toMatch(/not a tensor/)
  })
})

describe('checkModelSignature (uploaded .onnx files)', () => {
  const input = { name: 'input', dims: ['N', 1, 28, 28], type: 'float32' }
  const output = { name: 'probabilities', dims: ['N', 10], type: 'float32' }

  test('accepts the bundled models’ signature, and any input or output name', () => {
    expect(checkModelSignature({ inputs: [input], outputs: [output] })).toEqual({
      ok: true, inputName: 'input', outputName: 'probabilities', batch: 'dynamic',
    })
    const torch = checkModelSignature({
      inputs: [{ name: 'x.1', dims: ['batch_size', 1, 28, 28], type: 'float32' }],
      outputs: [{ name: 'logits', dims: ['batch_size', 10], type: 'float32' }, { name: 'features', dims: ['batch_size', 64], type: 'float32' }],
    })
    expect(torch).toMatchObject({ ok: true, inputName: 'x.1', outputName: 'logits' })
  })

  test('accepts free dimensions written as -1 or null, and a fixed batch (reported, so the worker does not stack)', () => {
    expect(checkModelSignature({ inputs: [{ ...input, dims: [-1, 1, null, 28] }], outputs: [{ ...output, dims: [-1, 10] }] }).ok).toBe(true)
    expect(checkModelSignature({ inputs: [{ ...input, dims: [1, 1, 28, 28] }], outputs: [{ ...output, dims: [1, 10] }] })).toMatchObject({
      ok: true, batch: 1,
    })
  })

  test('refuses models that cannot answer digits queries, with every problem in words', () => {
    const check = (inputs: object[], outputs: object[]) => {
      const r = checkModelSignature({ inputs, outputs } as Parameters<typeof checkModelSignature>[0])
      return r.ok ? 'ok' : r.reason
    }
    expect(check([{ ...input, dims: ['N', 3, 224, 224] }], [{ ...output, dims: ['N', 1000] }])).toMatchInlineSnapshot(
      `"this model cannot answer digits queries: input 'input' is float32 [N, 3, 224, 224]; it must be float32 [N, 1, 28, 28] (one channel, 28×28 pixels); output 'probabilities' gives 1000 values per image; digits need 10 (one per digit 0–9)"`,
    )
    expect(check([{ ...input, type: 'uint8' }], [output])).toMatchInlineSnapshot(
      `"this model cannot answer digits queries: input 'input' is uint8 [N, 1, 28, 28]; it must be float32 [N, 1, 28, 28]"`,
    )
    expect(check([{ ...input, dims: ['N', 784] }], [output])).toMatch(/input 'input' is float32 \[N, 784\]; it must be float32 \[N, 1, 28, 28\]/)
    expect(check([input, { name: 'mask', dims: ['N'], type: 'float32' }], [output])).toMatch(/takes exactly 1 input; this one takes 2/)
    expect(check([input], [])).toMatch(/has no outputs/)
    expect(check([input], [{ ...output, dims: ['N', 10, 1] }])).toMatch(/output 'probabilities' is float32 \[N, 10, 1\]; it must be float32 \[N, 10\]/)
    expect(check([input], [{ name: 'seq', dims: [], type: 'non-tensor', isTensor: false }])).toMatch(/output 'seq' is not a tensor/)
    expect(check([{ ...input, dims: [] }], [output])).toMatch(/input 'input' declares no shape/)
    expect(check([{ ...input, dims: [4, 1, 28, 28] }], [{ ...output, dims: [1, 10] }])).toMatchInlineSnapshot(
      `"this model cannot answer digits queries: the input takes batches of 4 but the output gives 1 rows"`,
    )
    expect(check([{ ...input, dims: [1, 1, 28, 28] }], [output])).toMatch(/batch dimension is fixed on one side only/)
  })
})
