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

/** WASM threads when none are asked for: half the logical cores (rounded up), at most MAX_THREADS. */
export const defaultThreads = (cores: number) => Math.min(MAX_THREADS, Math.ceil(Math.max(1, cores) / 2))

/**
 * WebGPU when a real (non-fallback) adapter exists; else WASM with threads when the page is cross-origin isolated: half
 * the logical cores, at most 4 (onnxruntime-web's own default). A mining tab is a guest on someone's device: the other half
 * stays with the page, its p2p node and whatever else the person runs. It is also the faster choice on a busy machine:
 * ORT's wasm threads spin while they wait, and on 2 shared cores one thread served more batched digits requests than two
 * (bench/inference). Else single-thread WASM. A software (fallback) adapter such as SwiftShader is 10–200× slower than
 * WASM, so it only runs when forced.
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
  const wanted = env.numThreads !== undefined ? Math.max(1, Math.floor(env.numThreads)) : defaultThreads(cores)
  const threads = env.crossOriginIsolated ? wanted : 1
  const label = `wasm (${threads} thread${threads === 1 ? '' : 's'})`
  const why = [force === 'wasm' ? 'forced' : gpu]
  if (!env.crossOriginIsolated) why.push('the page is not cross-origin isolated, so no threads')
  else if (env.numThreads === undefined) why.push(`half of ${cores} logical core${cores === 1 ? '' : 's'}${wanted === MAX_THREADS && cores > 2 * MAX_THREADS ? `, at most ${MAX_THREADS}` : ''}`)
  else if (env.numThreads !== undefined) why.push(`${threads} thread${threads === 1 ? '' : 's'} asked for`)
  return { backend: 'wasm', threads, reason: `${label} — ${why.join('; ')}` }
}
