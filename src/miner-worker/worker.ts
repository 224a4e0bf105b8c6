// The miner's dedicated module Worker: decodes each message at the edge and routes it to the inference engine.
// onnxruntime-web is imported dynamically, never statically: ORT starts its pthread workers from its own chunk, and a
// static import here would make them run this file's onmessage after `vite build` (they hang).
import { EngineError, InferenceEngine, errorText, type GpuAdapterHandle } from './infer.ts'
import { parseRequest, ProtocolError, unpackRequests, type WorkerRequest, type WorkerResponse } from './protocol.ts'

type Scope = { postMessage(m: unknown, transfer: Transferable[]): void; onmessage: ((e: MessageEvent) => void) | null; crossOriginIsolated?: boolean }
const scope = self as unknown as Scope
const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer)

async function requestAdapter(): Promise<GpuAdapterHandle | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<any> } }).gpu
  const adapter = await gpu?.requestAdapter().catch(() => null)
  if (!adapter) return null
  const info = adapter.info ?? {}
  const isFallbackAdapter = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter)
  return { adapter, info: { isFallbackAdapter, vendor: info.vendor ?? '', architecture: info.architecture ?? '', description: info.description ?? '' } }
}

const engine = new InferenceEngine({
  post,
  importOrt: (backend) => (backend === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm')),
  requestAdapter,
  fetch: (input, init) => fetch(input, init),
  crossOriginIsolated: Boolean(scope.crossOriginIsolated),
  hardwareConcurrency: navigator.hardwareConcurrency || 1,
})

async function handle(m: WorkerRequest): Promise<void> {
  switch (m.type) {
    case 'load': return post({ type: 'loaded', id: m.id, info: await engine.load(m.id, m.source, m.options) })
    case 'warmup': return post({ type: 'warmed', id: m.id, ms: await engine.warmup(m.runs, m.feeds) })
    case 'run': return engine.run(m.id, m.feeds, { started: m.started !== false })
    case 'cancel': return engine.cancel(m.id)
    case 'dispose': return engine.dispose().then(() => post({ type: 'disposed', id: m.id }))
  }
}

function receive(data: unknown): void {
  const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? ((data as { id: number }).id) : null
  let message: WorkerRequest
  try {
    message = parseRequest(data)
  } catch (e) {
    return post({ type: 'error', id, code: 'bad-message', message: e instanceof ProtocolError ? e.message : errorText(e) })
  }
  const fail = (e: unknown) => post({ type: 'error', id, code: e instanceof EngineError ? e.code : 'run', message: errorText(e) })
  // A run is queued synchronously (no promise per request); the others are async.
  if (message.type === 'run') {
    try {
      engine.run(message.id, message.feeds, { started: message.started !== false })
    } catch (e) {
      fail(e)
    }
    return
  }
  handle(message).catch(fail)
}

// A 'runs' envelope carries several run messages (a burst of concurrent requests); each is decoded and answered alone.
scope.onmessage = (event: MessageEvent) => unpackRequests(event.data).forEach(receive)
