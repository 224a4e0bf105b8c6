// The messages between the main thread and the miner worker, and their checks: each side decodes what it receives here.
import type { BackendName, BackendPreference } from './backend.ts'
import { TENSOR_TYPES, type ModelSignature, type TensorSpec, type TensorType } from './signature.ts'

export type TypedArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array
/** A tensor as it crosses the worker boundary (structured clone). */
export type TensorData = { type: TensorType; dims: number[]; data: TypedArray }
export type Feeds = Record<string, TensorData>

export type LoadOptions = {
  /** `auto` (default) picks with chooseBackend; `webgpu` / `wasm` force one. */
  backend?: BackendPreference
  /** WASM threads; default min(4, hardwareConcurrency) when cross-origin isolated, else 1. */
  numThreads?: number
  /** What the task sends and reads back; a model that does not fit is refused. */
  signature?: ModelSignature
  /** Requests arriving within `windowMs` of the first queued one are stacked into one run, at most `maxBatch` samples. */
  batch?: { windowMs: number; maxBatch: number }
  /** Fix free dimensions (onnxruntime's freeDimensionOverrides), e.g. { W: 320 }; fixing the batch turns batching off. */
  freeDimensionOverrides?: Record<string, number>
}
export type ModelSource = { url: string } | { bytes: ArrayBuffer; name?: string }

export type WorkerRequest =
  | { type: 'load'; id: number; source: ModelSource; options: LoadOptions }
  | { type: 'warmup'; id: number; runs: number; feeds?: Feeds }
  /** `started: false`: no 'started' message for this run (nobody listens for it; default: sent). */
  | { type: 'run'; id: number; feeds: Feeds; started?: boolean }
  /** Cancels run `id`: dropped if still queued, its answer discarded if already running. */
  | { type: 'cancel'; id: number }
  | { type: 'dispose'; id: number }
/** Several 'run' messages in one (the client sends the runs asked for in one task together); each item is checked alone. */
export type RunsEnvelope = { type: 'runs'; items: Array<Extract<WorkerRequest, { type: 'run' }>> }

export type AdapterInfo = { isFallbackAdapter: boolean; vendor: string; architecture: string; description: string }
export type BackendInfo = { backend: BackendName; threads: number; reason: string; adapter: AdapterInfo | null; crossOriginIsolated: boolean }
export type LoadedInfo = BackendInfo & {
  signature: { inputs: Array<TensorSpec & { name: string }>; outputs: Array<TensorSpec & { name: string }> }
  operators: string[]
  bytes: number
  batching: boolean
  downloadMs: number
  createMs: number
}

export type RunAnswer = { id: number; outputs: Feeds; batchSize: number; queuedMs: number; runMs: number }

export type ErrorCode =
  | 'bad-message' | 'not-onnx' | 'signature' | 'download' | 'backend' | 'model' | 'not-loaded' | 'bad-input' | 'run' | 'disposed'

export type WorkerResponse =
  | { type: 'progress'; id: number; loaded: number; total: number | null }
  | { type: 'loaded'; id: number; info: LoadedInfo }
  | { type: 'warmed'; id: number; ms: number[] }
  /** These runs (one batch) went into session.run. */
  | { type: 'started'; ids: number[] }
  /** The answers of one batched run, in one message (one task on each side instead of one per request). */
  | { type: 'results'; items: RunAnswer[] }
  | { type: 'cancelled'; id: number; ran: boolean }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number | null; code: ErrorCode; message: string }

export class ProtocolError extends Error {}

// ── checks ───────────────────────────────────────────────────────────────────────────────────────

const ARRAY_FOR: Record<TensorType, string[]> = {
  float32: ['Float32Array'], float64: ['Float64Array'], float16: ['Uint16Array', 'Float16Array'],
  int8: ['Int8Array'], uint8: ['Uint8Array'], bool: ['Uint8Array'], int16: ['Int16Array'], uint16: ['Uint16Array'],
  int32: ['Int32Array'], uint32: ['Uint32Array'], int64: ['BigInt64Array'], uint64: ['BigUint64Array'], string: [],
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0
const fail = (message: string): never => {
  throw new ProtocolError(message)
}

export function checkTensor(name: string, x: unknown): TensorData {
  if (!isObject(x)) return fail(`tensor '${name}' is not an object`)
  const { type, dims, data } = x
  if (!TENSOR_TYPES.includes(type as TensorType) || type === 'string') return fail(`tensor '${name}' has an unsupported type ${String(type)}`)
  if (!Array.isArray(dims) || !dims.every((d) => Number.isSafeInteger(d) && d >= 0)) return fail(`tensor '${name}' has bad dims`)
  const kind = ArrayBuffer.isView(data) ? data.constructor.name : typeof data
  if (!ARRAY_FOR[type as TensorType].includes(kind)) return fail(`tensor '${name}' (${String(type)}) carries a ${kind}`)
  const size = dims.reduce((a: number, b: number) => a * b, 1)
  if ((data as TypedArray).length !== size) return fail(`tensor '${name}' has ${(data as TypedArray).length} values for dims [${dims.join(', ')}] (${size})`)
  return { type: type as TensorType, dims: dims as number[], data: data as TypedArray }
}

export function checkFeeds(x: unknown): Feeds {
  if (!isObject(x) || !Object.keys(x).length) return fail('feeds must be an object of named tensors')
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, checkTensor(k, v)]))
}

function checkDims(x: unknown): boolean {
  return Array.isArray(x) && x.every((d) => d === null || typeof d === 'string' || (Number.isSafeInteger(d) && d >= 0))
}
function checkSpecs(x: unknown, what: string): TensorSpec[] {
  if (!Array.isArray(x) || !x.length) return fail(`signature.${what} must be a non-empty array`)
  return x.map((s, i) => {
    if (!isObject(s) || !checkDims(s.dims) || !TENSOR_TYPES.includes(s.type as TensorType) || (s.name !== undefined && typeof s.name !== 'string')) {
      return fail(`signature.${what}[${i}] must be { name?, dims, type }`)
    }
    return s as TensorSpec
  })
}

function checkOptions(x: unknown): LoadOptions {
  if (x === undefined) return {}
  if (!isObject(x)) return fail('load options must be an object')
  const o: LoadOptions = {}
  if (x.backend !== undefined) {
    if (!['auto', 'webgpu', 'wasm'].includes(x.backend as string)) return fail(`unknown backend ${String(x.backend)}`)
    o.backend = x.backend as BackendPreference
  }
  if (x.numThreads !== undefined) {
    if (!Number.isSafeInteger(x.numThreads) || (x.numThreads as number) < 1 || (x.numThreads as number) > 64) return fail('numThreads must be 1–64')
    o.numThreads = x.numThreads as number
  }
  if (x.signature !== undefined) {
    if (!isObject(x.signature)) return fail('signature must be { inputs, outputs }')
    o.signature = { inputs: checkSpecs(x.signature.inputs, 'inputs'), outputs: checkSpecs(x.signature.outputs, 'outputs') }
  }
  if (x.batch !== undefined) {
    const b = x.batch
    if (!isObject(b) || !(typeof b.windowMs === 'number' && b.windowMs >= 0 && b.windowMs <= 1000) || !(Number.isSafeInteger(b.maxBatch) && (b.maxBatch as number) >= 1)) {
      return fail('batch must be { windowMs: 0–1000, maxBatch ≥ 1 }')
    }
    o.batch = { windowMs: b.windowMs, maxBatch: b.maxBatch as number }
  }
  if (x.freeDimensionOverrides !== undefined) {
    const f = x.freeDimensionOverrides
    if (!isObject(f) || !Object.values(f).every((v) => Number.isSafeInteger(v) && (v as number) > 0)) return fail('freeDimensionOverrides must map names to sizes')
    o.freeDimensionOverrides = f as Record<string, number>
  }
  return o
}

/** The messages inside a 'runs' envelope (each still to be decoded with parseRequest), else the message itself. */
export function unpackRequests(x: unknown): unknown[] {
  return isObject(x) && x.type === 'runs' && Array.isArray(x.items) ? x.items : [x]
}

/** Decodes a message sent to the worker; throws ProtocolError saying what is wrong. */
export function parseRequest(x: unknown): WorkerRequest {
  if (!isObject(x)) return fail('a message must be an object')
  if (!isId(x.id)) return fail('a message needs an id (a non-negative integer)')
  const id = x.id
  switch (x.type) {
    case 'load': {
      const s = x.source
      let source: ModelSource
      if (isObject(s) && typeof s.url === 'string' && s.url) source = { url: s.url }
      else if (isObject(s) && s.bytes instanceof ArrayBuffer) source = typeof s.name === 'string' ? { bytes: s.bytes, name: s.name } : { bytes: s.bytes }
      else return fail('load needs source { url } or { bytes: ArrayBuffer }')
      return { type: 'load', id, source, options: checkOptions(x.options) }
    }
    case 'warmup': {
      const runs = x.runs === undefined ? 1 : x.runs
      if (!Number.isSafeInteger(runs) || (runs as number) < 1 || (runs as number) > 100) return fail('warmup runs must be 1–100')
      return x.feeds === undefined ? { type: 'warmup', id, runs: runs as number } : { type: 'warmup', id, runs: runs as number, feeds: checkFeeds(x.feeds) }
    }
    case 'run':
      return x.started === false ? { type: 'run', id, feeds: checkFeeds(x.feeds), started: false } : { type: 'run', id, feeds: checkFeeds(x.feeds) }
    case 'cancel':
      return { type: 'cancel', id }
    case 'dispose':
      return { type: 'dispose', id }
    default:
      return fail(`unknown message type ${JSON.stringify(x.type)}`)
  }
}

const RESPONSE_TYPES = new Set(['progress', 'loaded', 'warmed', 'started', 'results', 'cancelled', 'disposed', 'error'])

/** Decodes a message from the worker (the shape the client relies on); throws ProtocolError otherwise. */
export function parseResponse(x: unknown): WorkerResponse {
  if (!isObject(x) || !RESPONSE_TYPES.has(x.type as string)) return fail('the worker sent an unknown message')
  if (x.type === 'started') {
    if (!Array.isArray(x.ids) || !x.ids.every(isId)) return fail('started needs ids')
  } else if (x.type === 'results') {
    if (!Array.isArray(x.items) || !x.items.every((r) => isObject(r) && isId(r.id) && typeof r.batchSize === 'number')) return fail('results needs items')
    x.items.forEach((r: Record<string, unknown>) => checkFeeds(r.outputs))
  } else if (x.type === 'error') {
    if (!(x.id === null || isId(x.id)) || typeof x.message !== 'string') return fail('error needs id and message')
  } else if (!isId(x.id)) return fail(`${String(x.type)} needs an id`)
  return x as WorkerResponse
}
