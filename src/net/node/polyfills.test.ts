// The Node 20 polyfills: Promise.withResolvers, and a global WebSocket whose failed dials do not throw uncaught errors.
import { createServer } from 'node:net'
import { describe, expect, test } from 'vitest'
import './polyfills.ts'

describe('Node 20 polyfills', () => {
  test('Promise.withResolvers resolves and rejects the promise it returns', async () => {
    const ok = (Promise as unknown as { withResolvers<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } }).withResolvers<number>()
    ok.resolve(7)
    expect(await ok.promise).toBe(7)
  })

  test('a WebSocket dial to a closed port reports the error to its listener, then closes, without an uncaught error', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const socket = new WebSocket(`ws://127.0.0.1:${port}`)
    const events: string[] = []
    await new Promise<void>((resolve) => {
      socket.addEventListener('error', () => events.push('error'))
      socket.addEventListener('close', () => resolve())
    })
    socket.close()
    expect(events).toEqual(['error'])
  })
})
