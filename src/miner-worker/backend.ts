// Which onnxruntime-web backend a miner tab uses, and why, from what the browser offers (pure).

export type BackendName = 'webgpu' | 'wasm'
/** `auto` chooses; the others force a backend (tests, benchmarks, a user who knows better). */
export type BackendPreference = 'auto' | BackendName

export type BackendEnvironment = {
  /** The adapter `navigator.gpu.requestAdapter()` gave, or null when there is none (no WebGPU, or none enabled). */
  gpuAdapter: { isFallbackAdapter: boolean } | null
  crossOriginIsolated: boolean
  hardwareConcurrency: number
  force?: BackendPreference
  /** Threads asked for explicitly (wasm only); still 1 without cross-origin isolation. */
  numThreads?: number
}

export type BackendChoice = { backend: BackendName; threads: number; reason: string }

export const MAX_THREADS = 4

/**
 * WebGPU when a real (non-fallback) adapter exists; else WASM with threads when the page is cross-origin isolated
 * (min(4, hardwareConcurrency) of them: onnxruntime uses 1 on 2 cores unless told, and oversubscribing is slower);
 * else single-thread WASM. A software (fallback) adapter such as SwiftShader is 10–200× slower than WASM, so it only
 * runs when forced.
 */
export function chooseBackend(env: BackendEnvironment): BackendChoice {
  const adapter = env.gpuAdapter
  const gpu = !adapter ? 'no WebGPU adapter' : adapter.isFallbackAdapter ? 'the WebGPU adapter is a software fallback' : 'a hardware WebGPU adapter'
  const force = env.force ?? 'auto'

  if (force === 'webgpu') {
    // The GPU does the work; the wasm side still hosts the session (one thread: nothing for more to do).
    return { backend: 'webgpu', threads: 1, reason: `webgpu — forced (${gpu})` }
  }
  if (force === 'auto' && adapter && !adapter.isFallbackAdapter) {
    return { backend: 'webgpu', threads: 1, reason: 'webgpu — a hardware WebGPU adapter is available' }
  }

  const cores = Math.max(1, Math.floor(env.hardwareConcurrency || 1))
  const wanted = env.numThreads !== undefined ? Math.max(1, Math.floor(env.numThreads)) : Math.min(MAX_THREADS, cores)
  const threads = env.crossOriginIsolated ? wanted : 1
  const label = `wasm (${threads} thread${threads === 1 ? '' : 's'})`
  const why = [force === 'wasm' ? 'forced' : gpu]
  if (!env.crossOriginIsolated) why.push('the page is not cross-origin isolated, so no threads')
  else if (threads === 1 && env.numThreads === undefined) why.push('one logical core')
  else if (env.numThreads !== undefined) why.push(`${threads} thread${threads === 1 ? '' : 's'} asked for`)
  return { backend: 'wasm', threads, reason: `${label} — ${why.join('; ')}` }
}
