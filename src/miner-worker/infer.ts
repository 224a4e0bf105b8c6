// The miner's inference engine: one onnxruntime-web session, its backend, downloads, warm-up, batching and cancellation.
// I/O reaches it through `EngineHost` (the worker supplies postMessage, fetch, navigator.gpu and a dynamic ORT import).
import type * as Ort from 'onnxruntime-web'
import { chooseBackend, type BackendName } from './backend.ts'
import { batchKey, samples, splitOutputs, stackFeeds } from './batch.ts'
import { readOnnxModel, type OnnxModelInfo } from './onnx.ts'
import { batchable, checkSignature, describeSpec, isFixed, type Dim } from './signature.ts'
import type { AdapterInfo, ErrorCode, Feeds, LoadedInfo, LoadOptions, ModelSource, RunAnswer, TensorData, TypedArray, WorkerResponse } from './protocol.ts'

export type OrtModule = typeof Ort
export type GpuAdapterHandle = { adapter: unknown; info: AdapterInfo }
export type EngineHost = {
  post(message: WorkerResponse, transfer?: Transferable[]): void
  /** Imports onnxruntime-web dynamically (a static import breaks ORT's pthread workers after `vite build`). */
  importOrt(backend: BackendName): Promise<OrtModule>
  requestAdapter(): Promise<GpuAdapterHandle | null>
  fetch: typeof fetch
  crossOriginIsolated: boolean
  hardwareConcurrency: number
}

export class EngineError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message)
  }
}

type Queued = { id: number; feeds: Feeds; key: string | null; n: number; at: number; started: boolean }
type Loaded = { session: Ort.InferenceSession; ort: OrtModule; info: LoadedInfo; model: OnnxModelInfo; window: number; maxBatch: number; dimSizes: Record<string, number> }

const DEFAULT_BATCH = { windowMs: 2, maxBatch: 64 }
const now = () => performance.now()
/**
 * Resolves after the messages already waiting for this thread (cancellations, new runs) have been handled. A
 * MessageChannel round trip, not setTimeout(0): timers are clamped (≥ 1 ms, 4 ms when nested) and late on a busy
 * machine, which would cost every batch that much. One channel serves every call (a channel per call costs more).
 */
const yieldToMessages: () => Promise<void> = (() => {
  if (typeof MessageChannel === 'undefined' || typeof process !== 'undefined') return () => new Promise<void>((resolve) => setTimeout(resolve, 0))
  let channel: MessageChannel | undefined
  const waiting: Array<() => void> = []
  return () =>
    new Promise<void>((resolve) => {
      if (!channel) {
        channel = new MessageChannel()
        channel.port1.onmessage = () => waiting.shift()?.()
      }
      waiting.push(resolve)
      channel.port2.postMessage(null)
    })
})()

export class InferenceEngine {
  private loaded: Loaded | undefined
  private queue: Queued[] = []
  private inFlight = new Set<number>()
  private cancelledInFlight = new Set<number>()
  /** The batching window's pending drain (a timer, or a message-loop turn for a 0 ms window). */
  private timer: { cancel(): void } | undefined
  private draining = false
  /** Serialises session use: onnxruntime-web runs one inference per session at a time. */
  private lock: Promise<unknown> = Promise.resolve()
  private ortModules = new Map<BackendName, { ort: OrtModule; threads: number }>()

  constructor(private host: EngineHost) {}

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.lock.then(fn, fn)
    this.lock = next.catch(() => undefined)
    return next
  }

  async load(id: number, source: ModelSource, options: LoadOptions): Promise<LoadedInfo> {
    await this.dispose('a new model is loading')
    const t0 = now()
    const bytes = 'url' in source ? await this.download(id, source.url) : new Uint8Array(source.bytes)
    const downloadMs = now() - t0

    const read = readOnnxModel(bytes)
    if (!read.ok) throw new EngineError('not-onnx', `${'name' in source && source.name ? `${source.name}: ` : ''}${read.message}`)
    const model = read.model
    if (options.signature) {
      const check = checkSignature(model.signature, options.signature)
      if (!check.ok) throw new EngineError('signature', check.message)
    }

    const gpu = options.backend === 'wasm' ? null : await this.host.requestAdapter()
    const choice = chooseBackend({
      gpuAdapter: gpu ? { isFallbackAdapter: gpu.info.isFallbackAdapter } : null,
      crossOriginIsolated: this.host.crossOriginIsolated,
      hardwareConcurrency: this.host.hardwareConcurrency,
      force: options.backend ?? 'auto',
      ...(options.numThreads !== undefined ? { numThreads: options.numThreads } : {}),
    })
    if (choice.backend === 'webgpu' && !gpu) throw new EngineError('backend', 'WebGPU was asked for, but this browser offers no WebGPU adapter')

    let reason = choice.reason
    let ortEntry = this.ortModules.get(choice.backend)
    if (!ortEntry) {
      let ort: OrtModule
      try {
        ort = await this.host.importOrt(choice.backend)
      } catch (e) {
        throw new EngineError('backend', `onnxruntime-web could not be loaded: ${(e as Error).message}`)
      }
      ort.env.wasm.numThreads = choice.threads
      ort.env.wasm.proxy = false
      if (choice.backend === 'webgpu' && gpu) ort.env.webgpu.adapter = gpu.adapter as never
      ortEntry = { ort, threads: choice.threads }
      this.ortModules.set(choice.backend, ortEntry)
    } else if (ortEntry.threads !== choice.threads) {
      reason += ` (this worker's runtime already runs ${ortEntry.threads} thread${ortEntry.threads === 1 ? '' : 's'})`
    }
    const { ort, threads } = ortEntry

    const t1 = now()
    let session: Ort.InferenceSession
    try {
      session = await ort.InferenceSession.create(bytes, {
        executionProviders: [choice.backend],
        graphOptimizationLevel: 'all',
        ...(options.freeDimensionOverrides ? { freeDimensionOverrides: options.freeDimensionOverrides } : {}),
      })
    } catch (e) {
      const code = choice.backend === 'webgpu' && /webgpu|adapter|device/i.test(String(e)) ? 'backend' : 'model'
      throw new EngineError(code, `onnxruntime could not load the model: ${errorText(e)}`)
    }
    const createMs = now() - t1

    const overrides = options.freeDimensionOverrides ?? {}
    const fix = (d: Dim): Dim => (typeof d === 'string' && overrides[d] ? overrides[d]! : d)
    const signature = {
      inputs: model.signature.inputs.map((t) => ({ ...t, dims: t.dims.map(fix) })),
      outputs: model.signature.outputs.map((t) => ({ ...t, dims: t.dims.map(fix) })),
    }
    const batch = options.batch ?? DEFAULT_BATCH
    const info: LoadedInfo = {
      backend: choice.backend,
      threads: choice.backend === 'wasm' ? threads : 1,
      reason,
      adapter: gpu?.info ?? null,
      crossOriginIsolated: this.host.crossOriginIsolated,
      signature,
      operators: model.operators,
      bytes: bytes.byteLength,
      batching: batch.maxBatch > 1 && batchable(signature),
      downloadMs,
      createMs,
    }
    // Free dimensions for warm-up inputs: what the task says, else 1.
    const dimSizes: Record<string, number> = {}
    options.signature?.inputs.forEach((want, i) => {
      const have = want.name ? signature.inputs.find((t) => t.name === want.name) : signature.inputs[i]
      have?.dims.forEach((d, k) => typeof d === 'string' && isFixed(want.dims[k] as Dim) && (dimSizes[d] = want.dims[k] as number))
    })
    this.loaded = { session, ort, info, model, window: batch.windowMs, maxBatch: batch.maxBatch, dimSizes }
    return info
  }

  private async download(id: number, url: string): Promise<Uint8Array> {
    let res: Response
    try {
      res = await this.host.fetch(url)
    } catch (e) {
      throw new EngineError('download', `the model could not be downloaded from ${url}: ${errorText(e)}`)
    }
    if (!res.ok) throw new EngineError('download', `the model could not be downloaded from ${url}: HTTP ${res.status}`)
    const declared = Number(res.headers.get('content-length'))
    const total = Number.isFinite(declared) && declared > 0 ? declared : null
    if (!res.body) {
      const bytes = new Uint8Array(await res.arrayBuffer())
      this.host.post({ type: 'progress', id, loaded: bytes.byteLength, total: bytes.byteLength })
      return bytes
    }
    const reader = res.body.getReader()
    const chunks: Uint8Array[] = []
    let loaded = 0
    let lastPost = -Infinity
    this.host.post({ type: 'progress', id, loaded: 0, total })
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      loaded += value.byteLength
      if (now() - lastPost > 50) {
        lastPost = now()
        this.host.post({ type: 'progress', id, loaded, total: total && Math.max(total, loaded) })
      }
    }
    this.host.post({ type: 'progress', id, loaded, total: loaded })
    const bytes = new Uint8Array(loaded)
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.byteLength
    }
    return bytes
  }

  /** Runs the model `runs` times on `feeds` (default: zeros shaped like the task's inputs), timing each run. */
  async warmup(runs: number, feeds?: Feeds): Promise<number[]> {
    const l = this.need()
    const input = feeds ?? this.zeros(l)
    this.checkInputs(l, input)
    const ms: number[] = []
    for (let i = 0; i < runs; i++) {
      ms.push(await this.exclusive(async () => {
        const t = now()
        await l.session.run(this.toOrt(l, input))
        return now() - t
      }))
    }
    return ms
  }

  /** Queues a request; answers (result, cancelled or error) go out through host.post, and 'started' unless `started: false`. */
  run(id: number, feeds: Feeds, { started = true } = {}): void {
    const l = this.need()
    this.checkInputs(l, feeds)
    const key = l.info.batching ? batchKey(feeds) : null
    this.queue.push({ id, feeds, key, n: samples(feeds) ?? 1, at: now(), started })
    if (this.draining) return // the drain loop takes it when the run in flight ends
    if (key !== null && this.queue.reduce((n, q) => n + (q.key === key ? q.n : 0), 0) >= l.maxBatch) {
      // A full batch need not wait for the window. (drain's run starts in a microtask: after this message's other runs.)
      this.timer?.cancel()
      this.timer = undefined
      void this.drain()
    } else if (this.timer === undefined) {
      this.timer = this.schedule(l.window, () => {
        this.timer = undefined
        void this.drain()
      })
    }
  }

  /** Calls `fn` after `ms`; for 0 ms, after the messages already waiting (no timer: those are clamped and late). */
  private schedule(ms: number, fn: () => void): { cancel(): void } {
    if (ms <= 0) {
      let live = true
      void yieldToMessages().then(() => live && fn())
      return { cancel: () => void (live = false) }
    }
    const t = setTimeout(fn, ms)
    return { cancel: () => clearTimeout(t) }
  }

  cancel(id: number): void {
    const i = this.queue.findIndex((q) => q.id === id)
    if (i >= 0) {
      this.queue.splice(i, 1)
      this.host.post({ type: 'cancelled', id, ran: false })
    } else if (this.inFlight.has(id)) {
      this.cancelledInFlight.add(id)
    }
  }

  async dispose(why = 'the model was disposed'): Promise<void> {
    this.timer?.cancel()
    this.timer = undefined
    for (const q of this.queue.splice(0)) this.host.post({ type: 'error', id: q.id, code: 'disposed', message: why })
    const l = this.loaded
    this.loaded = undefined
    if (l) await this.exclusive(() => l.session.release())
  }

  private async drain(): Promise<void> {
    if (this.draining) return
    this.draining = true
    try {
      while (this.queue.length && this.loaded) {
        const l = this.loaded
        const first = this.queue[0]!
        let group = [first]
        if (first.key !== null) {
          let n = 0
          group = this.queue.filter((q) => q.key === first.key && (q === first || n + q.n <= l.maxBatch) && ((n += q.n), true))
        }
        this.queue = this.queue.filter((q) => !group.includes(q))
        await this.exclusive(() => this.runGroup(l, group))
      }
    } finally {
      this.draining = false
    }
  }

  private async runGroup(l: Loaded, group: Queued[]): Promise<void> {
    const ids = group.map((q) => q.id)
    ids.forEach((id) => this.inFlight.add(id))
    const notify = group.filter((q) => q.started).map((q) => q.id)
    if (notify.length) this.host.post({ type: 'started', ids: notify })
    const t0 = now()
    let pieces: Feeds[] | undefined
    let failure: string | undefined
    try {
      const { feeds, counts } = group.length > 1 ? stackFeeds(group.map((q) => q.feeds)) : { feeds: group[0]!.feeds, counts: [group[0]!.n] }
      const out = await l.session.run(this.toOrt(l, feeds))
      const outputs = this.fromOrt(out)
      // Views into the batch's outputs: no copy per request, and the one results message transfers each buffer once.
      pieces = group.length > 1 ? splitOutputs(outputs, counts, { views: true }) : [outputs]
    } catch (e) {
      failure = errorText(e)
    }
    const runMs = now() - t0
    await yieldToMessages()
    const answers: RunAnswer[] = []
    const transfer = new Set<ArrayBuffer>()
    group.forEach((q, i) => {
      if (this.cancelledInFlight.has(q.id)) this.host.post({ type: 'cancelled', id: q.id, ran: true })
      else if (failure !== undefined || !pieces) this.host.post({ type: 'error', id: q.id, code: 'run', message: `the model failed on this input: ${failure}` })
      else {
        const outputs = pieces[i]!
        answers.push({ id: q.id, outputs, batchSize: group.length, queuedMs: t0 - q.at, runMs })
        for (const t of Object.values(outputs)) transfer.add(t.data.buffer as ArrayBuffer)
      }
      this.inFlight.delete(q.id)
      this.cancelledInFlight.delete(q.id)
    })
    if (answers.length) this.host.post({ type: 'results', items: answers }, [...transfer])
  }

  private need(): Loaded {
    if (!this.loaded) throw new EngineError('not-loaded', 'no model is loaded')
    return this.loaded
  }

  /** Refuses inputs the model cannot take, naming the tensor and the shape it needs. */
  private checkInputs(l: Loaded, feeds: Feeds): void {
    const wanted = l.info.signature.inputs
    const names = Object.keys(feeds)
    const missing = wanted.filter((w) => !(w.name in feeds)).map((w) => `'${w.name}'`)
    const extra = names.filter((n) => !wanted.some((w) => w.name === n)).map((n) => `'${n}'`)
    if (missing.length || extra.length) {
      throw new EngineError('bad-input', [missing.length && `missing input ${missing.join(', ')}`, extra.length && `unknown input ${extra.join(', ')}`].filter(Boolean).join('; '))
    }
    for (const w of wanted) {
      const t = feeds[w.name]!
      const fits = t.type === w.type && t.dims.length === w.dims.length && w.dims.every((d, k) => !isFixed(d) || d === t.dims[k])
      if (!fits) throw new EngineError('bad-input', `input '${w.name}' must be ${describeSpec(w)}, got ${t.type} [${t.dims.join(', ')}]`)
    }
    if (l.info.batching && samples(feeds) === null) throw new EngineError('bad-input', 'the inputs disagree on the batch (leading) dimension')
  }

  private zeros(l: Loaded): Feeds {
    return Object.fromEntries(
      l.info.signature.inputs.map((t) => {
        const dims = t.dims.map((d) => (isFixed(d) ? d : (typeof d === 'string' && l.dimSizes[d]) || 1))
        const size = dims.reduce((a, b) => a * b, 1)
        const data = t.type === 'int64' ? new BigInt64Array(size) : t.type === 'int32' ? new Int32Array(size) : new Float32Array(size)
        return [t.name, { type: t.type, dims, data }]
      }),
    )
  }

  private toOrt(l: Loaded, feeds: Feeds): Record<string, Ort.Tensor> {
    const Tensor = l.ort.Tensor as unknown as new (type: string, data: TypedArray, dims: number[]) => Ort.Tensor
    return Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, new Tensor(t.type, t.data, t.dims)]))
  }

  private fromOrt(out: Ort.InferenceSession.OnnxValueMapType): Feeds {
    return Object.fromEntries(
      Object.entries(out).map(([k, v]) => {
        let data = v.data as TypedArray
        // Copy anything that is not a whole, ordinary buffer (views into wasm memory, SharedArrayBuffer) before transfer.
        if (!(data.buffer instanceof ArrayBuffer) || data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice()
        const t: TensorData = { type: v.type as TensorData['type'], dims: [...v.dims], data }
        return [k, t]
      }),
    )
  }
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))
