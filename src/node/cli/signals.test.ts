import { afterEach, describe, expect, test, vi } from 'vitest'
import { listenForStop } from './signals.ts'

afterEach(() => vi.restoreAllMocks())

describe('listenForStop', () => {
  test('once started, the first SIGINT or SIGTERM resolves the stop and the listeners are gone', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]
    const stop = listenForStop('devnet')
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([before[0]! + 1, before[1]! + 1])
    stop.started()
    process.emit('SIGTERM')
    expect(await stop.signal).toBe('SIGTERM')
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before)
  })

  test('a signal while still starting exits at once with 128 + its number, saying so', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    listenForStop('miner')
    process.emit('SIGINT')
    expect(exit).toHaveBeenCalledWith(130)
    expect(error).toHaveBeenCalledWith('webtensor miner: SIGINT while starting, exiting')
  })

  test('dispose removes the listeners of a command that failed to start', () => {
    const before = process.listenerCount('SIGINT')
    listenForStop('validator').dispose()
    expect(process.listenerCount('SIGINT')).toBe(before)
  })
})
