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
    expect(chooseBackend({ gpuAdapter: software, crossOriginIsolated: true, hardwareConcurrency: 4 })).toEqual({
      backend: 'wasm',
      threads: 2,
      reason: 'wasm (2 threads) — the WebGPU adapter is a software fallback; half of 4 logical cores',
    })
  })

  it('takes half the cores, rounded up, at most 4, and uses them only when cross-origin isolated', () => {
    const threads = (cores: number) => chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: cores }).threads
    expect([1, 2, 3, 4, 6, 8, 12, 16].map(threads)).toEqual([1, 1, 2, 2, 3, 4, 4, 4])
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 16 })).toMatchObject({ backend: 'wasm', threads: 4, reason: 'wasm (4 threads) — no WebGPU adapter; half of 16 logical cores, at most 4' })
    const plain = chooseBackend({ gpuAdapter: null, crossOriginIsolated: false, hardwareConcurrency: 16 })
    expect(plain).toEqual({
      backend: 'wasm',
      threads: 1,
      reason: 'wasm (1 thread) — no WebGPU adapter; the page is not cross-origin isolated, so no threads',
    })
  })

  it('says why a small machine gets one thread', () => {
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 1 }).reason).toBe('wasm (1 thread) — no WebGPU adapter; half of 1 logical core')
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 2 }).reason).toBe('wasm (1 thread) — no WebGPU adapter; half of 2 logical cores')
  })

  it('can be forced either way', () => {
    expect(chooseBackend({ gpuAdapter: software, crossOriginIsolated: true, hardwareConcurrency: 2, force: 'webgpu' })).toEqual({
      backend: 'webgpu',
      threads: 1,
      reason: 'webgpu — forced (the WebGPU adapter is a software fallback)',
    })
    expect(chooseBackend({ gpuAdapter: hardware, crossOriginIsolated: true, hardwareConcurrency: 4, force: 'wasm' })).toEqual({
      backend: 'wasm',
      threads: 2,
      reason: 'wasm (2 threads) — forced; half of 4 logical cores',
    })
  })

  it('takes an explicit thread count, still 1 without isolation', () => {
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: true, hardwareConcurrency: 2, numThreads: 1 })).toMatchObject({ threads: 1, reason: 'wasm (1 thread) — no WebGPU adapter; 1 thread asked for' })
    expect(chooseBackend({ gpuAdapter: null, crossOriginIsolated: false, hardwareConcurrency: 2, numThreads: 3 }).threads).toBe(1)
  })
})
