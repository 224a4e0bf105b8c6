import { describe, expect, it } from 'vitest'
import { parseRequest, parseResponse } from './protocol.ts'

const digit = { type: 'float32', dims: [1, 1, 28, 28], data: new Float32Array(784) }

describe('parseRequest (the worker edge)', () => {
  it('accepts well-formed messages', () => {
    expect(parseRequest({ type: 'run', id: 3, feeds: { input: digit } })).toMatchObject({ type: 'run', id: 3 })
    expect(parseRequest({ type: 'load', id: 1, source: { url: '/models/digits-cnn.onnx' }, options: { backend: 'wasm', batch: { windowMs: 2, maxBatch: 8 } } })).toEqual({
      type: 'load', id: 1, source: { url: '/models/digits-cnn.onnx' }, options: { backend: 'wasm', batch: { windowMs: 2, maxBatch: 8 } },
    })
    expect(parseRequest({ type: 'warmup', id: 2 })).toEqual({ type: 'warmup', id: 2, runs: 1 })
  })

  it('refuses malformed messages, saying what is wrong', () => {
    expect(() => parseRequest(null)).toThrow('a message must be an object')
    expect(() => parseRequest({ type: 'run', feeds: {} })).toThrow('a message needs an id')
    expect(() => parseRequest({ type: 'explode', id: 1 })).toThrow('unknown message type "explode"')
    expect(() => parseRequest({ type: 'load', id: 1, source: { path: '/etc/passwd' } })).toThrow('load needs source { url } or { bytes: ArrayBuffer }')
    expect(() => parseRequest({ type: 'load', id: 1, source: { url: 'x' }, options: { backend: 'webgl' } })).toThrow('unknown backend webgl')
    expect(() => parseRequest({ type: 'load', id: 1, source: { url: 'x' }, options: { signature: { inputs: [{ dims: 'N' }], outputs: [] } } })).toThrow(/signature\.inputs\[0\]/)
    expect(() => parseRequest({ type: 'run', id: 1, feeds: { input: { ...digit, data: new Float64Array(784) } } })).toThrow("tensor 'input' (float32) carries a Float64Array")
    expect(() => parseRequest({ type: 'run', id: 1, feeds: { input: { ...digit, dims: [2, 1, 28, 28] } } })).toThrow("tensor 'input' has 784 values for dims [2, 1, 28, 28] (1568)")
    expect(() => parseRequest({ type: 'run', id: 1, feeds: {} })).toThrow('feeds must be an object of named tensors')
  })
})

describe('parseResponse (the client edge)', () => {
  it('accepts what the worker sends and refuses anything else', () => {
    expect(parseResponse({ type: 'started', ids: [1, 2] })).toEqual({ type: 'started', ids: [1, 2] })
    expect(parseResponse({ type: 'error', id: null, code: 'bad-message', message: 'x' })).toMatchObject({ type: 'error' })
    expect(() => parseResponse({ type: 'results', items: [{ id: 1, batchSize: 1, outputs: { p: { type: 'float32', dims: [1, 10], data: [1] } } }] })).toThrow(/carries a object/)
    expect(() => parseResponse({ type: 'hello' })).toThrow('the worker sent an unknown message')
  })
})
