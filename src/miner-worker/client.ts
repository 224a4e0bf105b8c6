// The main thread's handle on the miner worker: promises for load / warm-up / run, download progress, backend info.
// Import it lazily (`await import('../miner-worker/client.ts')`) from the Mine/Validate routes, never from the first screen.
import { parseResponse, type ErrorCode, type Feeds, type LoadedInfo, type LoadOptions, type WorkerRequest, type WorkerResponse } from './protocol.ts'

export type { Feeds, LoadedInfo, LoadOptions, TensorData } from './protocol.ts'
export type { ModelSignature, TensorSpec } from './signature.ts'

export class MinerError extends Error {
  constructor(
    readonly code: ErrorCode | 'cancelled' | 'worker',
    message: string,
    /** For a cancelled run: whether it had already gone into the model (its answer was then discarded). */
    readonly ran = false,
  ) {
    super(message)
    this.name = 'MinerError'
  }
}

export type Progress = { loaded: number; total: number | null }
export type RunResult = { outputs: Feeds; batchSize: number; queuedMs: number; runMs: number }
export type RunOptions = { signal?: AbortSignal; onStart?: () => void }

type Pending = { resolve(v: any): void; reject(e: MinerError): void; onProgress?: (p: Progress) => void; onStart?: () => void }
type RunMessage = Extract<WorkerRequest, { type: 'run' }>

export class MinerClient {
  /** What the last load reported: backend, threads, the reason, the model's signature. */
  info: LoadedInfo | undefined
  private nextId = 1
  private pending = new Map<number, Pending>()
  /**
   * Runs asked for in the current task, sent together in one message at the next microtask: a burst of concurrent
   * requests costs the worker one message (one task, one deserialisation) instead of one each.
   */
  private outbox: RunMessage[] = []
  private flushQueued = false

  constructor(private worker: Worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'webtensor-miner' })) {
    worker.onmessage = (e) => this.receive(e.data)
    worker.onerror = (e) => this.failAll(new MinerError('worker', `the miner worker failed: ${e.message || 'script error'}`))
  }

  /** Loads a model from a URL (with download progress) or from bytes (an upload), checked against `options.signature`. */
  async load(source: string | URL | ArrayBuffer | Uint8Array | Blob, options: LoadOptions & { onProgress?: (p: Progress) => void } = {}): Promise<LoadedInfo> {
    const { onProgress, ...rest } = options
    let src: Extract<WorkerRequest, { type: 'load' }>['source']
    const transfer: Transferable[] = []
    // Relative URLs are the page's, not the worker script's.
    if (typeof source === 'string' || source instanceof URL) src = { url: new URL(String(source), globalThis.location?.href).href }
    else {
      const bytes = source instanceof Blob ? await source.arrayBuffer() : source instanceof ArrayBuffer ? source.slice(0) : source.slice().buffer
      src = source instanceof File ? { bytes, name: source.name } : { bytes }
      transfer.push(bytes)
    }
    const info = await this.request<LoadedInfo>({ type: 'load', id: 0, source: src, options: rest }, transfer, onProgress ? { onProgress } : {})
    this.info = info
    return info
  }

  /** Runs the model `runs` times (default inputs: zeros shaped like the task's); resolves with each run's milliseconds. */
  warmup(runs = 3, feeds?: Feeds): Promise<number[]> {
    return this.request({ type: 'warmup', id: 0, runs, ...(feeds ? { feeds } : {}) })
  }

  /** One request; concurrent ones may share a batched run. Aborting drops it if queued, or discards its answer. */
  run(feeds: Feeds, options: RunOptions = {}): Promise<RunResult> {
    if (options.signal?.aborted) return Promise.reject(new MinerError('cancelled', 'the request was cancelled'))
    const id = this.nextId++
    const p = new Promise<RunResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(options.onStart ? { onStart: options.onStart } : {}) })
    })
    this.outbox.push(options.onStart ? { type: 'run', id, feeds } : { type: 'run', id, feeds, started: false })
    if (!this.flushQueued) {
      this.flushQueued = true
      queueMicrotask(() => this.flush())
    }
    // The run goes out before its cancel (flush), so the worker sees them in order.
    options.signal?.addEventListener('abort', () => this.pending.has(id) && (this.flush(), this.worker.postMessage({ type: 'cancel', id })), { once: true })
    return p
  }

  /** Sends the runs asked for so far: one 'run' message, or one 'runs' envelope holding several. */
  private flush(): void {
    this.flushQueued = false
    if (!this.outbox.length) return
    const items = this.outbox
    this.outbox = []
    try {
      // Packed even alone: a view into a larger buffer (a subarray) would otherwise clone that whole buffer.
      const { items: packed, buffer } = packRuns(items)
      return this.worker.postMessage(packed.length === 1 ? packed[0]! : { type: 'runs', items: packed }, [buffer])
    } catch {
      // Something here cannot be packed or cloned: send one by one, so only the culprits fail (the worker checks the rest).
    }
    for (const item of items) {
      try {
        this.worker.postMessage(item)
      } catch (e) {
        this.pending.get(item.id)?.reject(new MinerError('bad-message', `the request cannot be sent to the worker: ${(e as Error).message}`))
        this.pending.delete(item.id)
      }
    }
  }

  /** Releases the session (the worker stays, ready for another load). */
  dispose(): Promise<void> {
    return this.request({ type: 'dispose', id: 0 })
  }

  /** Stops the worker; pending requests fail. */
  terminate(): void {
    this.outbox = []
    this.worker.terminate()
    this.failAll(new MinerError('worker', 'the miner worker was stopped'))
  }

  private request<T>(message: WorkerRequest, transfer: Transferable[] = [], hooks: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...hooks })
      this.flush() // runs asked for earlier go first
      this.worker.postMessage({ ...message, id }, transfer)
    })
  }

  private receive(data: unknown): void {
    let m: WorkerResponse
    try {
      m = parseResponse(data)
    } catch (e) {
      return this.failAll(new MinerError('worker', (e as Error).message))
    }
    if (m.type === 'started') return m.ids.forEach((id) => this.pending.get(id)?.onStart?.())
    if (m.type === 'results') {
      for (const { id, ...result } of m.items) {
        this.pending.get(id)?.resolve(result)
        this.pending.delete(id)
      }
      return
    }
    if (m.type === 'error' && m.id === null) return this.failAll(new MinerError(m.code, m.message))
    const p = this.pending.get(m.id!)
    if (!p) return
    if (m.type === 'progress') return p.onProgress?.({ loaded: m.loaded, total: m.total })
    this.pending.delete(m.id!)
    switch (m.type) {
      case 'loaded': return p.resolve(m.info)
      case 'warmed': return p.resolve(m.ms)
      case 'disposed': return p.resolve(undefined)
      case 'cancelled': return p.reject(new MinerError('cancelled', m.ran ? 'the request was cancelled; its run had started, its answer was discarded' : 'the request was cancelled before it ran', m.ran))
      case 'error': return p.reject(new MinerError(m.code, m.message))
    }
  }

  private failAll(error: MinerError): void {
    for (const p of this.pending.values()) p.reject(error)
    this.pending.clear()
  }
}

export const createMinerClient = (worker?: Worker): MinerClient => new MinerClient(worker)

/**
 * The runs' tensors copied into one new buffer (each a view, 8-byte aligned), which the message then transfers: one
 * copy here instead of a structured clone and a fresh ArrayBuffer per tensor on the worker's side, where every small
 * buffer costs the garbage collector. The caller's arrays are left alone.
 */
function packRuns(items: RunMessage[]): { items: RunMessage[]; buffer: ArrayBuffer } {
  const align = (n: number) => (n + 7) & ~7
  let bytes = 0
  for (const item of items) for (const t of Object.values(item.feeds)) bytes = align(bytes) + t.data.byteLength
  const buffer = new ArrayBuffer(align(bytes))
  const whole = new Uint8Array(buffer)
  let at = 0
  const out = items.map((item): RunMessage => {
    const feeds: Feeds = {}
    for (const [name, t] of Object.entries(item.feeds)) {
      at = align(at)
      whole.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at)
      const View = t.data.constructor as new (b: ArrayBuffer, offset: number, length: number) => typeof t.data
      feeds[name] = { type: t.type, dims: t.dims, data: new View(buffer, at, t.data.length) }
      at += t.data.byteLength
    }
    return { ...item, feeds }
  })
  return { items: out, buffer }
}
