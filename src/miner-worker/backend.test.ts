import { describe, expect, it } from 'vitest'
import { chooseBackend } from './backend.ts'

const hardware = { isFallbackAdapter: false }
const software = { isFallbackAdapter: true }

describe('chooseBackend', () => {
  it('uses WebGPU when a hardware adapter exists', () => {
    expect(chooseBackend({ gpuAdapter: hardware, crossOriginIsolated: true, hardwareConcurrency: 8 })).toEqual({
      backend: 'webgpu',
      threads: 1,
      reason: 'webgpu — a hardware WebGPU adapter is available',
    })
  })

  it('prefers threaded WASM over a software (fallback) adapter, and says so', () => {
    expect(chooseBackend({ gpuAdapter: software, crossOriginIsolated: true, hardwareConcurrency: 2 })).toEqual({
      backend: 'wasm',
      threads: 2,
      reason: 'wasm (2 threads) — the WebGPU adapter is a software fallback',
    })
  })

  it('caps threads at 4 and uses them only when cross-origin isolated', () => {
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 16 })).toMatchObject({ backend: 'wasm', threads: 4 })
    const plain = chooseBackend({ gpuAdapter: null, crossOriginIsolated: false, hardwareConcurrency: 16 })
    expect(plain).toEqual({
      backend: 'wasm',
      threads: 1,
      reason: 'wasm (1 thread) — no WebGPU adapter; the page is not cross-origin isolated, so no threads',
    })
  })

  it('says why a single core gets one thread', () => {
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 1 }).reason).toBe('wasm (1 thread) — no WebGPU adapter; one logical core')
  })

  it('can be forced either way', () => {
    expect(chooseBackend({ gpuAdapter: software, crossOriginIsolated: true, hardwareConcurrency: 2, force: 'webgpu' })).toEqual({
      backend: 'webgpu',
      threads: 1,
      reason: 'webgpu — forced (the WebGPU adapter is a software fallback)',
    })
    expect(chooseBackend({ gpuAdapter: hardware, crossOriginIsolated: true, hardwareConcurrency: 2, force: 'wasm' })).toEqual({
      backend: 'wasm',
      threads: 2,
      reason: 'wasm (2 threads) — forced',
    })
  })

  it('takes an explicit thread count, still 1 without isolation', () => {
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 2, numThreads: 1 })).toMatchObject({ threads: 1, reason: 'wasm (1 thread) — no WebGPU adapter; 1 thread asked for' })
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: false, hardwareConcurrency: 2, numThreads: 3 }).threads).toBe(1)
  })
})
